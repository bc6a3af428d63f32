package io.nautilus.engine.risk.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KupiecTestTest {
    /** The 95% critical value of chi-squared(1). */
    private static final double CRITICAL = 3.841458820694124;

    @Test
    void test_test_workedExample() {
        // T = 250, x = 8, p = 0.01, by hand:
        // LR = -2 [242 ln 0.99 + 8 ln 0.01] + 2 [242 ln(242/250) + 8 ln(8/250)] = 7.7335507244945205
        KupiecTest.Result r = KupiecTest.test(250, 8, 0.01);
        assertThat(r.lr()).isCloseTo(7.7335507244945205, within(1e-10));
        assertThat(r.pValue()).isCloseTo(0.0054204051941277994, within(1e-12));
        assertThat(r.pValue()).isCloseTo(1 - new ChiSquaredDistribution(1).cumulativeProbability(r.lr()), within(1e-12));
        assertThat(r.rejects(0.05)).isTrue();
    }

    @Test
    void test_test_zeroExceptionsUsesZeroLogZero() {
        // x = 0: LR = -2 * 250 ln 0.99 = 5.025167926750726
        assertThat(KupiecTest.test(250, 0, 0.01).lr()).isCloseTo(5.025167926750726, within(1e-10));
        assertThat(KupiecTest.test(100, 100, 0.5).lr()).isCloseTo(-2 * 100 * Math.log(0.5), within(1e-10));
    }

    /**
     * Non-rejection regions at the 95% test level from Jorion, "Value at Risk" (3rd ed., Table 6-3, after Kupiec
     * 1995): for (p, T) the number of exceptions N must satisfy low &lt; N &lt; high.
     */
    @ParameterizedTest
    @CsvSource({"0.01,510,1,11", "0.01,1000,4,17", "0.025,255,2,12", "0.025,510,6,21", "0.025,1000,15,36",
            "0.05,255,6,21", "0.05,510,16,36", "0.05,1000,37,65", "0.1,255,16,36", "0.1,510,38,65", "0.1,1000,81,120"})
    void test_test_matchesPublishedNonRejectionRegions(double p, int t, int low, int high) {
        assertThat(KupiecTest.test(t, low, p).lr()).isGreaterThan(CRITICAL);
        assertThat(KupiecTest.test(t, low + 1, p).lr()).isLessThan(CRITICAL);
        assertThat(KupiecTest.test(t, high - 1, p).lr()).isLessThan(CRITICAL);
        assertThat(KupiecTest.test(t, high, p).lr()).isGreaterThan(CRITICAL);
    }

    @Test
    void test_test_publishedUpperBoundFor255DaysAt99() {
        // Jorion: T = 255, p = 0.01: N < 7
        assertThat(KupiecTest.test(255, 6, 0.01).lr()).isLessThan(CRITICAL);
        assertThat(KupiecTest.test(255, 7, 0.01).lr()).isGreaterThan(CRITICAL);
    }

    @Test
    void test_test_rejectsBadArguments() {
        assertThatThrownBy(() -> KupiecTest.test(0, 0, 0.01)).hasMessageContaining("observations");
        assertThatThrownBy(() -> KupiecTest.test(10, 11, 0.01)).hasMessageContaining("exceptions");
        assertThatThrownBy(() -> KupiecTest.test(10, 1, 1.0)).hasMessageContaining("expected_rate");
    }
}
