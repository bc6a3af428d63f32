package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;

class DonchianChannelsTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jOverWholeSeries() {
        double[][] ours = DATA.stream(new DonchianChannels(20));
        Ttrc.assertMatches(ours[0], new DonchianChannelUpperIndicator(DATA.ta4j(), 20), 19, 0);
        Ttrc.assertMatches(ours[1], new DonchianChannelMiddleIndicator(DATA.ta4j(), 20), 19, 1e-15);
        Ttrc.assertMatches(ours[2], new DonchianChannelLowerIndicator(DATA.ta4j(), 20), 19, 0);
    }

    @Test
    void test_update_handFixture() {
        // bars 1-3: highs 3.18, 3.15, 3.12, lows 3.08, 3.09, 3.08; bars 2-4: highs 3.15, 3.12, 3.12, lows to 3.07
        double[][] ours = DATA.stream(new DonchianChannels(3), 4);
        assertThat(ours[0][2]).isEqualTo(3.18);
        assertThat(ours[2][2]).isEqualTo(3.08);
        assertThat(ours[0][3]).isEqualTo(3.15);
        assertThat(ours[2][3]).isEqualTo(3.07);
        assertThat(ours[1][3]).isCloseTo(3.11, within(1e-12));
    }

    @Test
    void test_warmup_isPeriod() {
        DATA.assertWarmup(() -> new DonchianChannels(20), 20);
    }
}
