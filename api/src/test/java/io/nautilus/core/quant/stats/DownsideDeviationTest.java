package io.nautilus.core.quant.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.descriptive.moment.SemiVariance;
import org.junit.jupiter.api.Test;

class DownsideDeviationTest {

    private static final double[] RETURNS = {0.02, -0.01, 0.03, -0.04, 0.00};

    @Test
    void test_of_handDerivedFixture() {
        // threshold 0: shortfalls -0.01 and -0.04 -> (0.0001 + 0.0016) / 5 = 0.00034 -> sqrt = 0.0184390889146
        assertThat(DownsideDeviation.of(RETURNS, 0)).isEqualTo(0.0184390889146, within(1e-13));
        // threshold 0.01: shortfalls -0.02, -0.05, -0.01 -> (0.0004 + 0.0025 + 0.0001) / 5 = 0.0006 -> 0.0244948974278
        assertThat(DownsideDeviation.of(RETURNS, 0.01)).isEqualTo(0.0244948974278, within(1e-13));
        // nothing below -0.05
        assertThat(DownsideDeviation.of(RETURNS, -0.05)).isZero();
    }

    @Test
    void test_of_dem2gbpMatchesCommonsMathSemiVariance() {
        double[] x = Dem2GbpFixture.simpleReturns();
        // commons-math's downside semivariance without bias correction divides by n, as the full-sample convention
        SemiVariance semi = new SemiVariance(false, SemiVariance.DOWNSIDE_VARIANCE);

        for (double threshold : new double[] {0.0, 0.001, -0.002}) {
            assertThat(DownsideDeviation.of(x, threshold))
                    .isEqualTo(Math.sqrt(semi.evaluate(x, threshold)), within(1e-15));
        }
    }

    @Test
    void test_of_rejectsNonFiniteThreshold() {
        assertThatThrownBy(() -> DownsideDeviation.of(RETURNS, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threshold is NaN, must be finite");
    }
}
