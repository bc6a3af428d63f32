package io.nautilus.core.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference: Apache Commons Math 3.6 ChiSquaredDistribution (test scope) and closed forms. */
class ChiSquaredDistributionTest {

    @Test
    void test_cdf_matchesCommonsMath() {
        for (double k : new double[] {1, 2, 3, 5, 10, 30, 100, 250}) {
            var commons = new org.apache.commons.math3.distribution.ChiSquaredDistribution(k);
            ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(k);
            for (double x = 0.01; x < 4 * k + 20; x += 0.37) {
                assertThat(chi2.cdf(x)).as("k=%s x=%s", k, x).isCloseTo(commons.cumulativeProbability(x), within(1e-13));
            }
        }
    }

    @Test
    void test_survival_closedFormForTwoDegrees() {
        // chi2 with 2 dof is exponential with mean 2: survival(x) = exp(-x/2), also deep in the tail.
        ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(2);
        for (double x : new double[] {0.1, 1, 5, 50, 500}) {
            assertThat(chi2.survival(x) / Math.exp(-x / 2)).as("x=%s", x).isCloseTo(1.0, within(1e-13));
        }
    }

    @Test
    void test_survival_criticalValuesOfKupiecTest() {
        // Published chi2(1) critical values: 3.841458820694124 at 5%, 6.634896601021214 at 1%.
        ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(1);
        assertThat(chi2.survival(3.841458820694124)).isCloseTo(0.05, within(1e-14));
        assertThat(chi2.survival(6.634896601021214)).isCloseTo(0.01, within(1e-14));
        // chi2(2) 5% critical value 5.991464547107979 (Christoffersen conditional coverage).
        assertThat(ChiSquaredDistribution.of(2).survival(5.991464547107979)).isCloseTo(0.05, within(1e-14));
    }

    @Test
    void test_cdf_edges() {
        ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(3);
        assertThat(chi2.cdf(0.0)).isZero();
        assertThat(chi2.survival(-1.0)).isEqualTo(1.0);
        assertThat(chi2.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThatThrownBy(() -> chi2.cdf(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChiSquaredDistribution.of(0)).hasMessageContaining("degreesOfFreedom");
    }
}
