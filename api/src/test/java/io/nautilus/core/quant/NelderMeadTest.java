package io.nautilus.core.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference: analytic minima of standard test functions. */
class NelderMeadTest {

    @Test
    void test_minimize_rosenbrockFindsOneOne() {
        // f(x, y) = (1 - x)² + 100 (y - x²)², minimum 0 at (1, 1); classic start (-1.2, 1).
        NelderMead.Result result = NelderMead.DEFAULT.minimize(
            x -> Math.pow(1 - x[0], 2) + 100 * Math.pow(x[1] - x[0] * x[0], 2), new double[] {-1.2, 1.0}, 0.5);
        assertThat(result.converged()).isTrue();
        assertThat(result.point()).containsExactly(new double[] {1.0, 1.0}, within(1e-5));
        assertThat(result.value()).isCloseTo(0.0, within(1e-10));
    }

    @Test
    void test_minimize_shiftedQuadraticInFourDimensionsWithScales() {
        // f = Σ ((x_i - c_i)/s_i)² + 3, minimum 3 at c.
        double[] c = {0.01, -5, 300, 2};
        double[] s = {0.001, 1, 100, 0.5};
        NelderMead.Result result = NelderMead.DEFAULT.minimize(x -> {
            double f = 3;
            for (int i = 0; i < 4; i++) {
                f += Math.pow((x[i] - c[i]) / s[i], 2);
            }
            return f;
        }, new double[] {0, 0, 0, 0}, s);
        for (int i = 0; i < 4; i++) {
            assertThat(result.point()[i]).isCloseTo(c[i], within(1e-4 * s[i]));
        }
        assertThat(result.value()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void test_minimize_infeasibleRegionRejected() {
        // min (x - 2)² subject to x <= 1 (encoded as +infinity): the answer is on the boundary x = 1.
        NelderMead.Result result = NelderMead.DEFAULT.minimize(
            x -> x[0] > 1 ? Double.POSITIVE_INFINITY : Math.pow(x[0] - 2, 2), new double[] {0}, 0.3);
        assertThat(result.point()[0]).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void test_minimize_validation() {
        assertThatThrownBy(() -> NelderMead.DEFAULT.minimize(x -> 0, new double[0], 1.0)).hasMessageContaining("start");
        assertThatThrownBy(() -> NelderMead.DEFAULT.minimize(x -> 0, new double[] {1}, 0.0)).hasMessageContaining("steps[0]");
        assertThatThrownBy(() -> new NelderMead(0, 10)).hasMessageContaining("tolerance");
    }
}
