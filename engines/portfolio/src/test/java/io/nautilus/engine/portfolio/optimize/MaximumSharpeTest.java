package io.nautilus.engine.portfolio.optimize;

import static io.nautilus.engine.portfolio.optimize.OptimizerFixtures.COV;
import static io.nautilus.engine.portfolio.optimize.OptimizerFixtures.MU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class MaximumSharpeTest {
    private static final double RF = 0.02;
    private static final OptimizationInput INPUT = new OptimizationInput(MU, COV, RF);

    /** Tangency portfolio w = Σ⁻¹(μ − r_f) / 1ᵀΣ⁻¹(μ − r_f) (inverse from Commons Math). */
    @Test
    void test_weights_unconstrainedEqualsTangencyClosedForm() {
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(COV)).getSolver().getInverse();
        double[] z = new double[4];
        double total = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                z[i] += inv.getEntry(i, j) * (MU[j] - RF);
            }
            total += z[i];
        }
        double[] w = MaximumSharpe.DEFAULT.weights(INPUT, Constraints.unconstrained(4));
        for (int i = 0; i < 4; i++) {
            assertThat(w[i]).isCloseTo(z[i] / total, within(1e-8));
        }
    }

    /** Exhaustive search over a 0.005 grid of the long-only simplex (≈ 1.3 million portfolios) as reference. */
    private static double bestGridSharpe(double cap0) {
        double best = Double.NEGATIVE_INFINITY;
        int steps = 200;
        for (int a = 0; a <= steps; a++) {
            for (int b = 0; a + b <= steps; b++) {
                for (int c = 0; a + b + c <= steps; c++) {
                    double[] w = {a / (double) steps, b / (double) steps, c / (double) steps, 0};
                    w[3] = 1 - w[0] - w[1] - w[2];
                    if (w[0] > cap0 + 1e-12) {
                        continue;
                    }
                    best = Math.max(best, OptimizationResult.of(w, INPUT).sharpeRatio());
                }
            }
        }
        return best;
    }

    @Test
    void test_weights_longOnlyBeatsEveryGridPortfolio() {
        double[] w = MaximumSharpe.DEFAULT.weights(INPUT, Constraints.longOnly(4));
        double sharpe = OptimizationResult.of(w, INPUT).sharpeRatio();
        double grid = bestGridSharpe(1.0);
        assertThat(sharpe).isGreaterThanOrEqualTo(grid - 1e-12).isCloseTo(grid, within(1e-3));
        assertThat(OptimizerFixtures.sum(w)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void test_weights_homogenisedBoundsBeatEveryGridPortfolio() {
        var constraints = Constraints.bounded(4, 0.0, 1.0).withSectorCaps(new String[] {"a", "b", "b", "b"},
                Map.of("a", 0.1));
        double[] w = MaximumSharpe.DEFAULT.weights(INPUT, constraints);
        assertThat(w[0]).isLessThanOrEqualTo(0.1 + 1e-8);
        double sharpe = OptimizationResult.of(w, INPUT).sharpeRatio();
        double grid = bestGridSharpe(0.1);
        assertThat(sharpe).isGreaterThanOrEqualTo(grid - 1e-9).isCloseTo(grid, within(1e-3));
    }

    @Test
    void test_weights_noReturnAboveRiskFreeIsInfeasible() {
        var low = new OptimizationInput(new double[] {0.01, 0.01, 0.01, 0.01}, COV, 0.02);
        assertThatThrownBy(() -> MaximumSharpe.DEFAULT.weights(low, Constraints.longOnly(4)))
                .isInstanceOf(InfeasibleConstraintsException.class);
    }
}
