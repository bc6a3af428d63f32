package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.volume.MoneyFlowIndexIndicator;

class MfiTest {

    private static final Ttrc DATA = Ttrc.DATA;

    /** Direct definition: recompute both flow sums over the window at every bar. */
    private static double bruteForce(int bar, int period) {
        double positive = 0;
        double negative = 0;
        for (int j = bar - period + 1; j <= bar; j++) {
            double tp = (DATA.high[j] + DATA.low[j] + DATA.close[j]) / 3;
            double previous = (DATA.high[j - 1] + DATA.low[j - 1] + DATA.close[j - 1]) / 3;
            if (tp > previous) {
                positive += tp * DATA.volume[j];
            } else if (tp < previous) {
                negative += tp * DATA.volume[j];
            }
        }
        return 100 * positive / (positive + negative);
    }

    @Test
    void test_update_matchesDirectDefinitionOverWholeSeries() {
        Ttrc.assertMatches(DATA.stream(new Mfi(14))[0], i -> bruteForce(i, 14), 14, 1e-12);
    }

    @Test
    void test_update_matchesTa4jWithinItsRunningSumDrift() {
        // ta4j keeps running sums without recompute; it drifts from the direct definition by up to ~7e-8
        // percent on this series, hence the looser tolerance.
        Ttrc.assertMatches(DATA.stream(new Mfi(14))[0], new MoneyFlowIndexIndicator(DATA.ta4j(), 14), 14, 1e-8);
    }

    @Test
    void test_update_handFixture() {
        // MFI(2) at bar 3: TP 3.113333 -> 3.116667 (up, flow 3.116667 x 3099506) -> 3.096667 (down, flow
        // 3.096667 x 2274157): 100 x 9660293.7 / (9660293.7 + 7042306.2) = 57.837
        double up = 9.35 / 3 * 3099506;
        double down = 9.29 / 3 * 2274157;
        assertThat(DATA.stream(new Mfi(2), 3)[0][2]).isCloseTo(100 * up / (up + down), within(1e-9))
                .isCloseTo(57.837, within(1e-3));
    }

    @Test
    void test_warmup_isPeriodPlusOne() {
        DATA.assertWarmup(() -> new Mfi(14), 15);
    }
}
