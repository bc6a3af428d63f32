package io.nautilus.core.quant.covariance;

import static io.nautilus.core.quant.QuantAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.quant.SharedData;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/** Reference: hand arithmetic and Apache Commons Math 3.6 PearsonsCorrelation (test scope). */
class CovariancesTest {

    // Σ = [[0.04, 0.006],[0.006, 0.09]]: vols 0.2 and 0.3, correlation 0.006/(0.2*0.3) = 0.1.
    private static final double[][] SIGMA = {{0.04, 0.006}, {0.006, 0.09}};

    @Test
    void test_correlationAndVolatilities_handDerived() {
        assertThat(Covariances.volatilities(SIGMA)).containsExactly(new double[] {0.2, 0.3}, within(1e-16));
        assertClose(Covariances.correlation(SIGMA), new double[][] {{1, 0.1}, {0.1, 1}}, 1e-15);
    }

    @Test
    void test_correlation_euStocksMatchCommonsMath() {
        double[][] returns = SharedData.logReturns(
            SharedData.columns("eu_stock_markets_daily_close.csv", "dax", "smi", "cac", "ftse"));
        double[][] expected = new PearsonsCorrelation(returns).getCorrelationMatrix().getData();
        assertClose(Covariances.correlation(SampleCovariance.DEFAULT.estimate(returns)), expected, 1e-14);
    }

    @Test
    void test_correlationOrZero_zeroVarianceAssetHasZeroCorrelation() {
        // asset 1 did not move: its row and column are 0 off the diagonal; the others as correlation()
        double[][] sigma = {{0.04, 0, 0.006}, {0, 0, 0}, {0.006, 0, 0.09}};
        assertClose(Covariances.correlationOrZero(sigma), new double[][] {{1, 0, 0.1}, {0, 1, 0}, {0.1, 0, 1}}, 1e-15);
        assertClose(Covariances.correlationOrZero(SIGMA), Covariances.correlation(SIGMA), 0);
        assertThatThrownBy(() -> Covariances.correlationOrZero(new double[][] {{-1e-4}}))
            .hasMessageContaining("covariance[0][0] must be >= 0");
    }

    @Test
    void test_annualize_dailyTo252() {
        // 0.04 per day -> 10.08 per year; the volatility scales by sqrt(252).
        double[][] annual = Covariances.annualize(SIGMA, Covariances.TRADING_DAYS_PER_YEAR);
        assertThat(annual[0][0]).isCloseTo(10.08, within(1e-12));
        assertThat(Covariances.volatilities(annual)[1]).isCloseTo(0.3 * Math.sqrt(252), within(1e-12));
    }

    @Test
    void test_validation() {
        assertThatThrownBy(() -> Covariances.correlation(new double[][] {{0, 0}, {0, 1}}))
            .hasMessageContaining("covariance[0][0] must be > 0");
        assertThatThrownBy(() -> Covariances.annualize(SIGMA, 0)).hasMessageContaining("periodsPerYear");
    }
}
