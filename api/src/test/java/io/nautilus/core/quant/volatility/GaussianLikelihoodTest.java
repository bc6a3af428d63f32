package io.nautilus.core.quant.volatility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Reference: commons-math3's normal log density (independent of core/quant), and a hand-derived term. */
class GaussianLikelihoodTest {
    private static final double[] RESIDUALS = {0.01, -0.02, 0.015, 0.0, -0.031};
    private static final double[] VARIANCES = {1e-4, 2.5e-4, 2.4e-4, 3e-4, 2.7e-4};

    @Test
    void test_term_handDerived() {
        // e = 0.5, h = 2: ln 2 + 0.25 / 2 = 0.6931471805599453 + 0.125
        assertThat(GaussianLikelihood.term(0.25, 2.0)).isCloseTo(0.8181471805599453, within(1e-15));
    }

    @Test
    void test_logLikelihood_isTheSumOfNormalLogDensities() {
        double sum = 0;
        double expected = 0;
        for (int t = 0; t < RESIDUALS.length; t++) {
            sum += GaussianLikelihood.term(RESIDUALS[t] * RESIDUALS[t], VARIANCES[t]);
            expected += new NormalDistribution(null, 0, Math.sqrt(VARIANCES[t])).logDensity(RESIDUALS[t]);
        }
        assertThat(GaussianLikelihood.logLikelihood(sum, RESIDUALS.length)).isCloseTo(expected, within(1e-12));
        // no periods: log L = 0
        assertThat(GaussianLikelihood.logLikelihood(0, 0)).isZero();
    }
}
