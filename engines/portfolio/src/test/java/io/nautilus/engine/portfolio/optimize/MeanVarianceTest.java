package io.nautilus.engine.portfolio.optimize;

import static io.nautilus.engine.portfolio.optimize.OptimizerFixtures.COV;
import static io.nautilus.engine.portfolio.optimize.OptimizerFixtures.MU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.quant.Matrices;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class MeanVarianceTest {
    private static final OptimizationInput INPUT = new OptimizationInput(MU, COV, 0.02);
    private static final RealMatrix INV = new LUDecomposition(new Array2DRowRealMatrix(COV)).getSolver().getInverse();

    /** a = 1ᵀΣ⁻¹1, b = 1ᵀΣ⁻¹μ, c = μᵀΣ⁻¹μ (Merton 1972 frontier constants). */
    private static double[] frontierConstants() {
        double a = 0;
        double b = 0;
        double c = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                a += INV.getEntry(i, j);
                b += INV.getEntry(i, j) * MU[j];
                c += MU[i] * INV.getEntry(i, j) * MU[j];
            }
        }
        return new double[] {a, b, c};
    }

    /** Unconstrained: w = Σ⁻¹(μ − γ1)/λ with γ = (b − λ)/a so that Σw = 1. */
    @Test
    void test_weights_riskAversionUnconstrainedEqualsClosedForm() {
        double lambda = 3.0;
        double[] k = frontierConstants();
        double gamma = (k[1] - lambda) / k[0];
        double[] w = MeanVariance.riskAversion(lambda).weights(INPUT, Constraints.unconstrained(4));
        for (int i = 0; i < 4; i++) {
            double expected = 0;
            for (int j = 0; j < 4; j++) {
                expected += INV.getEntry(i, j) * (MU[j] - gamma);
            }
            assertThat(w[i]).isCloseTo(expected / lambda, within(1e-10));
        }
    }

    /** Merton frontier: variance at return r is (a r² − 2 b r + c)/(a c − b²). */
    @Test
    void test_weights_targetReturnLiesOnTheFrontier() {
        double r = 0.09;
        double[] k = frontierConstants();
        double[] w = MeanVariance.targetReturn(r).weights(INPUT, Constraints.unconstrained(4));
        assertThat(Matrices.dot(MU, w)).isCloseTo(r, within(1e-10));
        double variance = (k[0] * r * r - 2 * k[1] * r + k[2]) / (k[0] * k[2] - k[1] * k[1]);
        assertThat(Matrices.quadraticForm(COV, w)).isCloseTo(variance, within(1e-12));
    }

    @Test
    void test_weights_targetRiskHitsTheRiskOnTheFrontier() {
        double sigma = 0.16;
        double[] k = frontierConstants();
        double[] w = MeanVariance.targetRisk(sigma).weights(INPUT, Constraints.unconstrained(4));
        assertThat(Math.sqrt(Matrices.quadraticForm(COV, w))).isCloseTo(sigma, within(1e-8));
        // upper branch of the frontier: r = (b + sqrt((a c − b²)(a σ² − 1)))/a
        double r = (k[1] + Math.sqrt((k[0] * k[2] - k[1] * k[1]) * (k[0] * sigma * sigma - 1))) / k[0];
        assertThat(Matrices.dot(MU, w)).isCloseTo(r, within(1e-7));
    }

    @Test
    void test_weights_longOnlyTargetReturnAboveBestIsInfeasible() {
        assertThatThrownBy(() -> MeanVariance.targetReturn(0.12).weights(INPUT, Constraints.longOnly(4)))
                .isInstanceOf(InfeasibleConstraintsException.class)
                .hasMessageContaining("target_return 0.12");
    }

    @Test
    void test_weights_targetRiskBelowMinimumIsInfeasible() {
        assertThatThrownBy(() -> MeanVariance.targetRisk(0.05).weights(INPUT, Constraints.longOnly(4)))
                .isInstanceOf(InfeasibleConstraintsException.class)
                .hasMessageContaining("below the minimum attainable risk");
    }

    /** KKT of max μᵀw − λ/2 wᵀΣw, Σw = 1, w ≥ 0: λ(Σw)_i − μ_i = −γ where w_i &gt; 0 and ≥ −γ where w_i = 0. */
    @Test
    void test_weights_longOnlyRiskAversionSatisfiesKkt() {
        double lambda = 2.0;
        double[] w = MeanVariance.riskAversion(lambda).weights(INPUT, Constraints.longOnly(4));
        double[] sw = Matrices.multiply(COV, w);
        double gamma = Double.NaN;
        for (int i = 0; i < 4; i++) {
            if (w[i] > 1e-9) {
                gamma = -(lambda * sw[i] - MU[i]);
            }
        }
        for (int i = 0; i < 4; i++) {
            double g = lambda * sw[i] - MU[i];
            if (w[i] > 1e-9) {
                assertThat(g).isCloseTo(-gamma, within(1e-10));
            } else {
                assertThat(g).isGreaterThanOrEqualTo(-gamma - 1e-10);
            }
        }
        assertThat(OptimizerFixtures.sum(w)).isCloseTo(1.0, within(1e-12));
    }
}
