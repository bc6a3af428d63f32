package io.nautilus.core.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/** Reference: factorials, Γ(1/2) = sqrt(pi), and Apache Commons Math 3.6 Gamma/Beta (test scope). */
class SpecialFunctionsTest {

    @Test
    void test_logGamma_factorialsAndHalf() {
        assertThat(SpecialFunctions.logGamma(1.0)).isCloseTo(0.0, within(1e-15));
        assertThat(SpecialFunctions.logGamma(5.0)).isCloseTo(Math.log(24.0), within(1e-14));
        assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        for (double x = 0.01; x < 500; x *= 1.3) {
            assertThat(SpecialFunctions.logGamma(x)).isCloseTo(Gamma.logGamma(x), within(1e-13 * Math.max(1, Math.abs(Gamma.logGamma(x)))));
        }
    }

    @Test
    void test_regularizedGamma_matchesCommonsMath() {
        for (double a : new double[] {0.5, 1, 2.5, 10, 100}) {
            for (double x = 0.05; x < 3 * a + 10; x *= 1.4) {
                assertThat(SpecialFunctions.regularizedGammaP(a, x)).isCloseTo(Gamma.regularizedGammaP(a, x), within(1e-14));
                assertThat(SpecialFunctions.regularizedGammaQ(a, x)).isCloseTo(Gamma.regularizedGammaQ(a, x), within(1e-14));
            }
        }
    }

    @Test
    void test_regularizedBeta_matchesCommonsMathAndSymmetry() {
        for (double a : new double[] {0.5, 2, 7.5}) {
            for (double b : new double[] {0.5, 1, 3}) {
                for (double x = 0.01; x < 1; x += 0.07) {
                    double v = SpecialFunctions.regularizedBeta(x, a, b);
                    assertThat(v).isCloseTo(Beta.regularizedBeta(x, a, b), within(1e-14));
                    // I_x(a,b) = 1 - I_{1-x}(b,a)
                    assertThat(v).isCloseTo(1 - SpecialFunctions.regularizedBeta(1 - x, b, a), within(1e-14));
                }
            }
        }
    }

    @Test
    void test_arguments_validated() {
        assertThatThrownBy(() -> SpecialFunctions.logGamma(0)).hasMessageContaining("x must be");
        assertThatThrownBy(() -> SpecialFunctions.regularizedGammaP(-1, 1)).hasMessageContaining("a must be");
        assertThatThrownBy(() -> SpecialFunctions.regularizedBeta(1.5, 1, 1)).hasMessageContaining("x must be in [0, 1]");
    }
}
