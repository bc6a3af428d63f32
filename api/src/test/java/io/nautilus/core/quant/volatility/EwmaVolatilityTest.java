package io.nautilus.core.quant.volatility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.quant.SharedData;
import io.nautilus.core.quant.covariance.EwmaCovariance;
import org.junit.jupiter.api.Test;

/** Reference: hand-derived recursion values and the classic RiskMetrics recursion written out in the test. */
class EwmaVolatilityTest {

    @Test
    void test_varianceSeries_handDerivedWithLambdaHalf() {
        // lambda = 0.5, r = [1, -2, 3]:
        //   t0: S = 1, W = 1 -> 1
        //   t1: S = 0.5 + 4 = 4.5, W = 1.5 -> 3
        //   t2: S = 2.25 + 9 = 11.25, W = 1.75 -> 45/7
        double[] v = new EwmaVolatility(0.5).varianceSeries(new double[] {1, -2, 3});
        assertThat(v).containsExactly(new double[] {1, 3, 45.0 / 7}, within(1e-15));
    }

    @Test
    void test_variance_equalsRiskMetricsRecursionAndCovarianceDiagonal() {
        double[][] table = SharedData.columns("dem2gbp_daily_returns.csv", "dem2gbp");
        double[] r = new double[table.length];
        for (int t = 0; t < r.length; t++) {
            r[t] = table[t][0];
        }
        // Classic recursion sigma²_(t+1) = 0.94 sigma²_t + 0.06 r_t²; after 1974 days the seed is forgotten
        // (0.94^1974 ~ 1e-53).
        double classic = r[0] * r[0];
        for (double x : r) {
            classic = 0.94 * classic + 0.06 * x * x;
        }
        assertThat(EwmaVolatility.DEFAULT.variance(r)).isCloseTo(classic, within(1e-15));
        assertThat(EwmaVolatility.DEFAULT.volatility(r)).isCloseTo(Math.sqrt(classic), within(1e-15));
        double[][] column = new double[r.length][1];
        for (int t = 0; t < r.length; t++) {
            column[t][0] = r[t];
        }
        assertThat(EwmaCovariance.DEFAULT.estimate(column)[0][0]).isCloseTo(classic, within(1e-15));
    }

    @Test
    void test_state_streamingAndInsufficientData() {
        EwmaVolatility.State state = new EwmaVolatility(0.5).newState();
        assertThatThrownBy(state::variance).isInstanceOf(IllegalStateException.class);
        state.update(1);
        state.update(-2);
        assertThat(state.variance()).isCloseTo(3.0, within(1e-15));
        assertThat(state.count()).isEqualTo(2);
        assertThatThrownBy(() -> new EwmaVolatility(0)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> EwmaVolatility.DEFAULT.variance(new double[0])).hasMessageContaining("empty");
    }
}
