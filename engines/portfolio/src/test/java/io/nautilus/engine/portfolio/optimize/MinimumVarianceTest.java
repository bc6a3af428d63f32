package io.nautilus.engine.portfolio.optimize;

import static io.nautilus.engine.portfolio.optimize.OptimizerFixtures.COV;
import static io.nautilus.engine.portfolio.optimize.OptimizerFixtures.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.quant.Matrices;

import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class MinimumVarianceTest {

    private static OptimizationInput input(double[][] cov) {
        return new OptimizationInput(null, cov, 0.0);
    }

    /** Closed form w = Σ⁻¹1 / (1ᵀΣ⁻¹1), with the inverse from Commons Math's LU decomposition. */
    private static double[] closedForm(double[][] cov) {
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(cov)).getSolver().getInverse();
        double[] w = new double[cov.length];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                w[i] += inv.getEntry(i, j);
            }
            total += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= total;
        }
        return w;
    }

    @Test
    void test_weights_unconstrainedEqualsClosedForm() {
        double[] w = MinimumVariance.DEFAULT.weights(input(COV), Constraints.unconstrained(4));
        double[] expected = closedForm(COV);
        assertThat(expected[3]).isNegative();
        for (int i = 0; i < 4; i++) {
            assertThat(w[i]).isCloseTo(expected[i], within(1e-10));
        }
    }

    @Test
    void test_weights_unconstrainedLargeEqualsClosedForm() {
        double[][] cov = OptimizerFixtures.factorCovariance(120, 11);
        double[] w = MinimumVariance.DEFAULT.weights(input(cov), Constraints.unconstrained(120));
        double[] expected = closedForm(cov);
        for (int i = 0; i < 120; i++) {
            assertThat(w[i]).isCloseTo(expected[i], within(1e-9));
        }
    }

    /**
     * KKT of min wᵀΣw, Σw = 1, w ≥ 0: with gradient g = 2Σw and budget multiplier ν, g_i = ν where w_i &gt; 0 and
     * g_i ≥ ν where w_i = 0.
     */
    static void assertLongOnlyKkt(double[][] cov, double[] w, double upper) {
        double[] g = Matrices.multiply(cov, w);
        double nu = Double.NaN;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 1e-9 && w[i] < upper - 1e-9) {
                nu = g[i];
                break;
            }
        }
        assertThat(nu).isFinite();
        assertThat(sum(w)).isCloseTo(1.0, within(1e-10));
        for (int i = 0; i < w.length; i++) {
            assertThat(w[i]).isBetween(-1e-12, upper + 1e-12);
            if (w[i] > 1e-9 && w[i] < upper - 1e-9) {
                assertThat(g[i]).isCloseTo(nu, within(1e-10));
            } else if (w[i] <= 1e-9) {
                assertThat(g[i]).isGreaterThanOrEqualTo(nu - 1e-10);
            } else {
                assertThat(g[i]).isLessThanOrEqualTo(nu + 1e-10);
            }
        }
    }

    @Test
    void test_weights_longOnlySatisfiesKkt() {
        double[] w = MinimumVariance.DEFAULT.weights(input(COV), Constraints.longOnly(4));
        assertThat(w[3]).isCloseTo(0.0, within(1e-12));
        assertLongOnlyKkt(COV, w, 1.0);
    }

    @Test
    void test_weights_upperBoundSatisfiesKkt() {
        double[] w = MinimumVariance.DEFAULT.weights(input(COV), Constraints.bounded(4, 0.0, 0.4));
        assertThat(w[0]).isCloseTo(0.4, within(1e-12));
        assertLongOnlyKkt(COV, w, 0.4);
    }

    @Test
    void test_weights_fastPathMatchesOjAlgo() {
        double[][] cov = OptimizerFixtures.factorCovariance(60, 5);
        QuadraticProgram p = Constraints.bounded(60, 0.0, 0.05).program(cov, new double[60]);
        double[] fast = QpSolver.activeSet(p);
        double[] reference = QpSolver.ojAlgo(p);
        assertThat(fast).isNotNull();
        assertThat(p.objective(fast)).isCloseTo(p.objective(reference), within(1e-9 * Math.abs(p.objective(reference))));
        for (int i = 0; i < 60; i++) {
            assertThat(fast[i]).isCloseTo(reference[i], within(1e-5));
        }
        assertLongOnlyKkt(cov, fast, 0.05);
    }

    /**
     * Sector cap on assets 0 and 1 (together 0.3). With g = Σw the Lagrangian conditions are
     * g_i = ν − η·s_i + μ_i, where s_i = 1 for the capped sector, η ≥ 0 (cap), μ_i ≥ 0 and μ_i = 0 unless w_i = 0.
     * ν comes from a free asset outside the sector, η from a free asset inside it.
     */
    @Test
    void test_weights_sectorCapSatisfiesKkt() {
        int[] sector = {1, 1, 0, 0};
        var constraints = Constraints.longOnly(4).withSectorCaps(new String[] {"tech", "tech", "energy", "energy"},
                Map.of("tech", 0.3));
        double[] w = MinimumVariance.DEFAULT.weights(input(COV), constraints);
        assertThat(w[0] + w[1]).isCloseTo(0.3, within(1e-8));
        assertThat(sum(w)).isCloseTo(1.0, within(1e-8));
        double[] g = Matrices.multiply(COV, w);
        double nu = Double.NaN;
        double eta = Double.NaN;
        for (int i = 0; i < 4; i++) {
            if (w[i] > 1e-7 && sector[i] == 0) {
                nu = g[i];
            }
        }
        for (int i = 0; i < 4; i++) {
            if (w[i] > 1e-7 && sector[i] == 1) {
                eta = nu - g[i];
            }
        }
        assertThat(eta).isGreaterThanOrEqualTo(-1e-9);
        for (int i = 0; i < 4; i++) {
            double mu = g[i] - nu + eta * sector[i];
            if (w[i] > 1e-7) {
                assertThat(mu).isCloseTo(0.0, within(1e-8));
            } else {
                assertThat(mu).isGreaterThanOrEqualTo(-1e-9);
            }
        }
    }

    @Test
    void test_weights_turnoverLimitIsBinding() {
        double[] current = {0.25, 0.25, 0.25, 0.25};
        var constraints = Constraints.longOnly(4).withMaxTurnover(0.2, current);
        double[] w = MinimumVariance.DEFAULT.weights(input(COV), constraints);
        double turnover = 0;
        for (int i = 0; i < 4; i++) {
            turnover += Math.abs(w[i] - current[i]);
        }
        assertThat(turnover).isCloseTo(0.2, within(1e-6));
        assertThat(Matrices.quadraticForm(COV, w)).isLessThan(Matrices.quadraticForm(COV, current));
    }

    @Test
    void test_weights_infeasibleBoundsAre4xxMaterial() {
        assertThatThrownBy(() -> MinimumVariance.DEFAULT.weights(input(COV), Constraints.bounded(4, 0.0, 0.2)))
                .isInstanceOf(InfeasibleConstraintsException.class)
                .hasMessageContaining("maximum weights sum to 0.8");
        assertThatThrownBy(() -> Constraints.longOnly(4).withSectorCaps(new String[] {"a", "a", "b", "b"},
                Map.of("a", -0.1)).lower())
                .isInstanceOf(InfeasibleConstraintsException.class);
    }
}
