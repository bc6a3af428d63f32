package io.nautilus.engine.portfolio.optimize;

import static io.nautilus.engine.portfolio.optimize.OptimizerFixtures.COV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RiskParityTest {

    @Test
    void test_weights_contributionsAreEqual() {
        var input = new OptimizationInput(null, COV, 0);
        double[] w = RiskParity.DEFAULT.weights(input, Constraints.longOnly(4));
        double[] rc = OptimizationResult.of(w, input).riskContributions();
        for (double c : rc) {
            assertThat(c).isCloseTo(0.25, within(1e-6));
        }
        assertThat(OptimizerFixtures.sum(w)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void test_weights_contributionsAreEqualFor200Assets() {
        double[][] cov = OptimizerFixtures.factorCovariance(200, 3);
        var input = new OptimizationInput(null, cov, 0);
        double[] rc = OptimizationResult.of(RiskParity.DEFAULT.weights(input, Constraints.longOnly(200)), input)
                .riskContributions();
        for (double c : rc) {
            assertThat(c).isCloseTo(1.0 / 200, within(1e-6));
        }
    }

    /** Two assets: equal contributions whatever the correlation means w_i ∝ 1/σ_i, here 0.6 / 0.4 for 10 % / 15 %. */
    @Test
    void test_weights_twoAssetsAreInverseVolatility() {
        double[][] cov = {{0.01, 0.0105}, {0.0105, 0.0225}};
        double[] w = RiskParity.DEFAULT.weights(new OptimizationInput(null, cov, 0), Constraints.longOnly(2));
        assertThat(w[0]).isCloseTo(0.6, within(1e-12));
        assertThat(w[1]).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void test_weights_riskBudgetsAreMet() {
        var input = new OptimizationInput(null, COV, 0);
        double[] budgets = {0.4, 0.3, 0.2, 0.1};
        double[] rc = OptimizationResult.of(new RiskParity(budgets).weights(input, Constraints.longOnly(4)), input)
                .riskContributions();
        for (int i = 0; i < 4; i++) {
            assertThat(rc[i]).isCloseTo(budgets[i], within(1e-6));
        }
    }
}
