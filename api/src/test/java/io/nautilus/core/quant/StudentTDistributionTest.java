package io.nautilus.core.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** Reference: Apache Commons Math 3.6 TDistribution (test scope), the Cauchy closed form and t tables. */
class StudentTDistributionTest {

    @Test
    void test_cdfAndPdf_matchCommonsMath() {
        for (double nu : new double[] {1, 2.5, 4, 5, 10, 30, 200}) {
            TDistribution commons = new TDistribution(null, nu, 1e-14);
            StudentTDistribution t = StudentTDistribution.of(nu);
            for (double x = -12; x <= 12; x += 0.13) {
                assertThat(t.cdf(x)).as("nu=%s x=%s", nu, x).isCloseTo(commons.cumulativeProbability(x), within(1e-13));
                assertThat(t.pdf(x)).as("nu=%s x=%s", nu, x).isCloseTo(commons.density(x), within(1e-13));
            }
        }
    }

    @Test
    void test_cdf_cauchyClosedForm() {
        // nu = 1 is Cauchy: F(t) = 1/2 + atan(t)/pi.
        StudentTDistribution cauchy = StudentTDistribution.of(1);
        for (double x : new double[] {-100, -3, -0.5, 0.2, 7}) {
            assertThat(cauchy.cdf(x)).isCloseTo(0.5 + Math.atan(x) / Math.PI, within(1e-14));
        }
    }

    @Test
    void test_inverseCdf_tableValuesAndRoundTrip() {
        // t tables: t_{0.975, 10} = 2.228138851986274, t_{0.99, 5} = 3.364929998907217.
        assertThat(StudentTDistribution.of(10).inverseCdf(0.975)).isCloseTo(2.228138851986274, within(1e-11));
        assertThat(StudentTDistribution.of(5).inverseCdf(0.01)).isCloseTo(-3.364929998907217, within(1e-11));
        for (double nu : new double[] {1, 3, 4.5, 30}) {
            StudentTDistribution t = StudentTDistribution.of(nu);
            TDistribution commons = new TDistribution(null, nu, 1e-15);
            for (double p : new double[] {1e-8, 0.001, 0.01, 0.2, 0.5, 0.7, 0.95, 0.999}) {
                double q = t.inverseCdf(p);
                assertThat(q).as("nu=%s p=%s", nu, p)
                    .isCloseTo(commons.inverseCumulativeProbability(p), within(1e-8 * Math.max(1, Math.abs(q))));
                assertThat(t.cdf(q)).isCloseTo(p, within(1e-12 * Math.max(p, 1e-3)));
            }
        }
    }

    @Test
    void test_unitVarianceScale_andValidation() {
        assertThat(StudentTDistribution.of(6).unitVarianceScale()).isCloseTo(Math.sqrt(4.0 / 6.0), within(1e-16));
        assertThatThrownBy(() -> StudentTDistribution.of(2).unitVarianceScale()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StudentTDistribution.of(-1)).hasMessageContaining("degreesOfFreedom");
        assertThat(StudentTDistribution.of(3).inverseCdf(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
