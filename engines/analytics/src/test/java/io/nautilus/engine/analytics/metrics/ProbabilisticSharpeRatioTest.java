package io.nautilus.engine.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class ProbabilisticSharpeRatioTest {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    /*
     * Hand-derived: r = {0.05, -0.01, 0.00, 0.01, 0.00, 0.01}, risk-free 0, n = 6.
     * mean = 0.06 / 6 = 0.01; deviations d = {0.04, -0.02, -0.01, 0, -0.01, 0}
     * sum d^2 = (16 + 4 + 1 + 0 + 1 + 0)e-4 = 22e-4; sum d^3 = (64 - 8 - 1 - 1)e-6 = 54e-6;
     * sum d^4 = (256 + 16 + 1 + 1)e-8 = 274e-8
     * sample sd = sqrt(22e-4 / 5) = 0.0209761769634; SR = 0.01 / 0.0209761769634 = 0.476731294623
     * m2 = 22e-4 / 6, m3 = 9e-6, m4 = 274e-8 / 6;
     * g1 = m3 / m2^1.5 = 9e-6 / 7.0211e-6 = 1.281845; k = m4 / m2^2 = 4.5667e-7 / 1.3444e-7 = 3.396694
     * z = SR sqrt(5) / sqrt(1 - g1 SR + (k - 1) / 4 SR^2); PSR = Phi(z).
     */
    @Test
    void test_of_handDerivedFixture() {
        double m2 = 22e-4 / 6;
        double g1 = 9e-6 / Math.pow(m2, 1.5);
        double k = 274e-8 / 6 / (m2 * m2);
        double sr = 0.01 / Math.sqrt(22e-4 / 5);
        double z = sr * Math.sqrt(5) / Math.sqrt(1 - g1 * sr + (k - 1) / 4 * sr * sr);

        PerformanceReport report = new PerformanceCalculator(PerformanceConfig.DEFAULT)
                .calculate(new double[] {0.05, -0.01, 0.00, 0.01, 0.00, 0.01});

        assertThat(g1).isEqualTo(1.281845, within(1e-6));
        assertThat(k).isEqualTo(3.396694, within(1e-6));
        assertThat(ProbabilisticSharpeRatio.of(sr, 0, 6, g1, k).getAsDouble())
                .isEqualTo(NORMAL.cumulativeProbability(z), within(1e-14));
        assertThat(report.probabilisticSharpeRatio().getAsDouble())
                .isEqualTo(NORMAL.cumulativeProbability(z), within(1e-13));
    }

    @Test
    void test_of_normalReturnsAtTheBenchmarkGiveOneHalf() {
        // SR = SR* -> z = 0 -> Phi(0) = 0.5 whatever the moments
        assertThat(ProbabilisticSharpeRatio.of(0.1, 0.1, 250, -0.5, 6).getAsDouble()).isEqualTo(0.5, within(1e-15));
    }

    @Test
    void test_of_emptyWhenVarianceTermNotPositive() {
        // skew 2, SR 1, kurtosis 1: 1 - 2 + 0 = -1
        assertThat(ProbabilisticSharpeRatio.of(1, 0, 10, 2, 1)).isEmpty();
    }
}
