package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;

class EmaTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jAfterSeedDecays() {
        // ta4j seeds with the first close, we with the SMA of the first 20: the difference decays as
        // (19/21)^k and is below 1e-12 relative after 300 bars.
        double[] ours = DATA.stream(new Ema(20))[0];
        Ttrc.assertMatches(ours, new EMAIndicator(new ClosePriceIndicator(DATA.ta4j()), 20), 300, 1e-12);
    }

    @Test
    void test_update_taLibSeedFixture() {
        // EMA(3), alpha = 0.5, on ttrc closes 3.08, 3.11, 3.09, 3.10, 3.11, 3.16:
        // bar 3 = (3.08 + 3.11 + 3.09) / 3 = 3.093333; then v += 0.5 (close - v):
        // 3.096667, 3.103333, 3.131667
        double[] ours = DATA.stream(new Ema(3), 6)[0];
        assertThat(ours[1]).isNaN();
        assertThat(ours[2]).isCloseTo(3.0933333333333333, within(1e-12));
        assertThat(ours[3]).isCloseTo(3.0966666666666667, within(1e-12));
        assertThat(ours[4]).isCloseTo(3.1033333333333335, within(1e-12));
        assertThat(ours[5]).isCloseTo(3.131666666666667, within(1e-12));
    }

    @Test
    void test_warmup_isPeriod() {
        DATA.assertWarmup(() -> new Ema(20), 20);
    }
}
