package io.nautilus.engine.features.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.RSIIndicator;

class RsiTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jAfterSeedDecays() {
        // ta4j's Wilder averages start from the first change; the seeds decay as (13/14)^k.
        double[] ours = DATA.stream(new Rsi(14))[0];
        Ttrc.assertMatches(ours, new RSIIndicator(new ClosePriceIndicator(DATA.ta4j()), 14), 500, 1e-12);
    }

    @Test
    void test_update_taLibSeedFixture() {
        // RSI(3): changes +0.03, -0.02, +0.01, +0.01, +0.05; seed avgGain = 0.04/3, avgLoss = 0.02/3 -> 66.667;
        // then avg = (2 avg + x) / 3: 73.333, 89.333 (spreadsheet rows)
        double[] ours = DATA.stream(new Rsi(3), 6)[0];
        assertThat(ours[2]).isNaN();
        assertThat(ours[3]).isCloseTo(66.66666666666666, within(1e-9));
        assertThat(ours[4]).isCloseTo(73.33333333333321, within(1e-9));
        assertThat(ours[5]).isCloseTo(89.33333333333334, within(1e-9));
    }

    @Test
    void test_warmup_isPeriodPlusOne() {
        DATA.assertWarmup(() -> new Rsi(14), 15);
    }
}
