package io.nautilus.core.quant.covariance;

import static io.nautilus.core.quant.QuantAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.quant.SharedData;
import io.nautilus.core.quant.volatility.EwmaVolatility;
import org.junit.jupiter.api.Test;

/** Reference: hand-derived weights and sums; the RiskMetrics recursion written out in the test. */
class EwmaCovarianceTest {

    @Test
    void test_estimate_handDerivedWithLambdaHalf() {
        // lambda = 0.5, T = 3: raw weights (oldest first) 0.25, 0.5, 1 -> normalized 1/7, 2/7, 4/7.
        // r0 = (1, 2), r1 = (-1, 0), r2 = (2, -1):
        //   s11 = (1*1 + 2*1 + 4*4)/7 = 19/7, s22 = (1*4 + 2*0 + 4*1)/7 = 8/7, s12 = (1*2 + 0 + 4*(-2))/7 = -6/7.
        EwmaCovariance ewma = new EwmaCovariance(0.5);
        assertThat(ewma.weights(3)).containsExactly(new double[] {1.0 / 7, 2.0 / 7, 4.0 / 7}, within(1e-16));
        double[][] sigma = ewma.estimate(new double[][] {{1, 2}, {-1, 0}, {2, -1}});
        assertClose(sigma, new double[][] {{19.0 / 7, -6.0 / 7}, {-6.0 / 7, 8.0 / 7}}, 1e-15);
    }

    @Test
    void test_estimate_equalsRiskMetricsRecursionOnLongSample() {
        // On 1859 EU-stock days lambda^T is ~1e-50, so the normalized estimate equals the classic recursion
        // Σ_t = λ Σ_(t-1) + (1-λ) r_t r_tᵀ from any seed.
        double[][] returns = SharedData.logReturns(
            SharedData.columns("eu_stock_markets_daily_close.csv", "dax", "smi", "cac", "ftse"));
        double lambda = EwmaVolatility.RISKMETRICS_DAILY_LAMBDA;
        double[][] recursion = new double[4][4];
        for (double[] r : returns) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    recursion[i][j] = lambda * recursion[i][j] + (1 - lambda) * r[i] * r[j];
                }
            }
        }
        assertClose(EwmaCovariance.DEFAULT.estimate(returns), recursion, 1e-18);
    }

    @Test
    void test_constructor_rejectsBadLambda() {
        assertThatThrownBy(() -> new EwmaCovariance(1.0)).hasMessageContaining("lambda must be in (0, 1)");
    }
}
