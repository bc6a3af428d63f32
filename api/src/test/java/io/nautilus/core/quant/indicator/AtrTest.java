package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.ATRIndicator;

class AtrTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jAfterSeedDecays() {
        // ta4j counts high - low of the first bar and seeds Wilder's average with it; ours starts the true
        // range at bar 2 and seeds with the SMA of 14 true ranges (TA-Lib). Agreement after 500 bars.
        double[] ours = DATA.stream(new Atr(14))[0];
        Ttrc.assertMatches(ours, new ATRIndicator(DATA.ta4j(), 14), 500, 1e-12);
    }

    @Test
    void test_update_taLibSeedFixture() {
        // true ranges from bar 2: 0.07 (3.15 vs prev close 3.08), 0.04, 0.05, 0.04, 0.07;
        // ATR(3) = (0.07 + 0.04 + 0.05) / 3 = 0.053333 at bar 4, then (2 ATR + TR) / 3 = 0.048889, 0.055926
        double[] ours = DATA.stream(new Atr(3), 6)[0];
        assertThat(ours[2]).isNaN();
        assertThat(ours[3]).isCloseTo(0.05333333333333338, within(1e-12));
        assertThat(ours[4]).isCloseTo(0.048888888888888926, within(1e-12));
        assertThat(ours[5]).isCloseTo(0.0559259259259259, within(1e-12));
    }

    @Test
    void test_warmup_isPeriodPlusOne() {
        DATA.assertWarmup(() -> new Atr(14), 15);
    }
}
