package io.nautilus.core.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference: Apache Commons Math 3.6 NormalDistribution (test scope) and published quantile tables. */
class NormalDistributionTest {

    private static final org.apache.commons.math3.distribution.NormalDistribution COMMONS_STANDARD =
        new org.apache.commons.math3.distribution.NormalDistribution(0.0, 1.0);

    @Test
    void test_standardCdf_matchesCommonsMathAcrossTheRange() {
        for (double z = -8.0; z <= 8.0; z += 0.01) {
            double expected = COMMONS_STANDARD.cumulativeProbability(z);
            assertThat(NormalDistribution.standardCdf(z)).as("z=%s", z).isCloseTo(expected, within(2e-15));
        }
    }

    @Test
    void test_standardCdf_lowerTailHasRelativeAccuracy() {
        // Commons Math computes the tail as 0.5*erfc(-z/sqrt2) via the incomplete gamma continued fraction; its
        // exp(-z²/2) carries a relative rounding error of about z²·eps, so the tolerance grows with z².
        for (double z = -37.0; z <= -1.0; z += 0.25) {
            double expected = COMMONS_STANDARD.cumulativeProbability(z);
            assertThat(NormalDistribution.standardCdf(z) / expected).as("z=%s", z)
                .isCloseTo(1.0, within(1e-14 + 4e-16 * z * z));
        }
        assertThat(NormalDistribution.standardCdf(-40.0)).isZero();
        assertThat(NormalDistribution.standardCdf(40.0)).isEqualTo(1.0);
    }

    @Test
    void test_standardInverseCdf_publishedCriticalValues() {
        // Standard tables: z_{0.975} = 1.959963984540054, z_{0.99} = 2.326347874040841, z_{0.95} = 1.644853626951472.
        assertThat(NormalDistribution.standardInverseCdf(0.975)).isCloseTo(1.959963984540054, within(1e-15));
        assertThat(NormalDistribution.standardInverseCdf(0.01)).isCloseTo(-2.326347874040841, within(1e-15));
        assertThat(NormalDistribution.standardInverseCdf(0.95)).isCloseTo(1.644853626951472, within(1e-15));
        assertThat(NormalDistribution.standardInverseCdf(0.5)).isZero();
    }

    @Test
    void test_standardInverseCdf_roundTripsCdfIncludingDeepTails() {
        double[] ps = {1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999999};
        for (double p : ps) {
            double z = NormalDistribution.standardInverseCdf(p);
            // Phi amplifies a relative error e in z to about z²·e in Phi(z), hence the z² term.
            assertThat(NormalDistribution.standardCdf(z) / p).as("p=%s", p)
                .isCloseTo(1.0, within(1e-14 + 4e-16 * z * z));
            if (p >= 1e-3 && p <= 0.999) { // Commons Math inverts erfInv(2p - 1): cancellation costs it digits in the tails
                assertThat(z).as("p=%s", p).isCloseTo(COMMONS_STANDARD.inverseCumulativeProbability(p),
                    within(1e-9 * Math.max(1.0, Math.abs(z))));
            }
        }
    }

    @Test
    void test_standardInverseCdf_boundsAndInvalid() {
        assertThat(NormalDistribution.standardInverseCdf(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(NormalDistribution.standardInverseCdf(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> NormalDistribution.standardInverseCdf(1.5)).hasMessageContaining("p must be in [0, 1]");
        assertThatThrownBy(() -> NormalDistribution.standardInverseCdf(Double.NaN))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void test_of_pdfCdfSurvivalInverseMatchCommonsMath() {
        NormalDistribution normal = NormalDistribution.of(0.0005, 0.012);
        var commons = new org.apache.commons.math3.distribution.NormalDistribution(0.0005, 0.012);
        for (double x = -0.06; x <= 0.06; x += 0.001) {
            assertThat(normal.pdf(x)).isCloseTo(commons.density(x), within(1e-12));
            assertThat(normal.cdf(x)).isCloseTo(commons.cumulativeProbability(x), within(1e-15));
            assertThat(normal.survival(x)).isCloseTo(1.0 - commons.cumulativeProbability(x), within(1e-15));
        }
        assertThat(normal.inverseCdf(0.01)).isCloseTo(commons.inverseCumulativeProbability(0.01), within(1e-15));
    }

    @Test
    void test_standardPdf_closedForm() {
        // phi(0) = 1/sqrt(2 pi); phi(1) = exp(-1/2)/sqrt(2 pi)
        assertThat(NormalDistribution.standardPdf(0.0)).isCloseTo(0.3989422804014327, within(1e-16));
        assertThat(NormalDistribution.standardPdf(1.0)).isCloseTo(0.24197072451914337, within(1e-16));
    }

    @Test
    void test_of_rejectsBadParameters() {
        assertThatThrownBy(() -> NormalDistribution.of(0.0, 0.0)).hasMessageContaining("standardDeviation");
        assertThatThrownBy(() -> NormalDistribution.of(Double.NaN, 1.0)).hasMessageContaining("mean");
    }
}
