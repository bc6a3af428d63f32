package io.nautilus.engine.portfolio.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HierarchicalRiskParityTest {
    /**
     * Six assets, vols 15/10/22/30/12/20 %, three correlated pairs {0,3} {1,4} {2,5}. Reference: López de Prado's
     * published code (getQuasiDiag, getRecBipart, getClusterVar with scipy.cluster.hierarchy.linkage(d, 'single')
     * on the square correlation-distance matrix) re-typed and run with NumPy 2.4 / SciPy 1.17. It gives the merges
     * (1,4) at 0.4488, (2,5) at 0.5492, (0,3) at 0.6396, then (7,8) and (6,9), the order [1, 4, 2, 5, 0, 3] and
     * the weights below.
     */
    static final double[][] COV = {
        {0.0225, 0.0015, 0.01155, 0.027, 0.0009, 0.009},
        {0.0015, 0.01, 0.0055, 0.0015, 0.0096, 0.004},
        {0.01155, 0.0055, 0.0484, 0.0099, 0.00528, 0.0308},
        {0.027, 0.0015, 0.0099, 0.09, 0.0036, 0.012},
        {0.0009, 0.0096, 0.00528, 0.0036, 0.0144, 0.0036},
        {0.009, 0.004, 0.0308, 0.012, 0.0036, 0.04}};
    static final double[] EXPECTED = {0.15673416450012476, 0.3802753147619887, 0.0672594162802169,
        0.039183541125031175, 0.22606637138628463, 0.13048119194635383};

    @Test
    void test_quasiDiagonalOrder_matchesReferenceCode() {
        assertThat(HierarchicalRiskParity.quasiDiagonalOrder(COV)).containsExactly(1, 4, 2, 5, 0, 3);
    }

    @Test
    void test_weights_matchReferenceCode() {
        double[] w = HierarchicalRiskParity.DEFAULT.weights(new OptimizationInput(null, COV, 0), Constraints.longOnly(6));
        for (int i = 0; i < 6; i++) {
            assertThat(w[i]).isCloseTo(EXPECTED[i], within(1e-12));
        }
    }

    /** Two assets: one bisection with inverse-variance cluster variances, so w_0 = σ₁²/(σ₀² + σ₁²). */
    @Test
    void test_weights_twoAssetsAreInverseVariance() {
        double[][] cov = {{0.04, 0.01}, {0.01, 0.01}};
        double[] w = HierarchicalRiskParity.DEFAULT.weights(new OptimizationInput(null, cov, 0), Constraints.longOnly(2));
        assertThat(w[0]).isCloseTo(0.2, within(1e-15));
        assertThat(w[1]).isCloseTo(0.8, within(1e-15));
    }
}
