package io.nautilus.core.quant.covariance;

import static io.nautilus.core.quant.QuantAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.core.quant.QuantAssertions;
import io.nautilus.core.quant.SharedData;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

/** Reference: a hand-derived 3-asset fixture and Apache Commons Math 3.6 Covariance (test scope). */
class SampleCovarianceTest {

    // Three assets over four periods. Means: a = 2.5, b = 5, c = 1.
    // Deviations: a = [-1.5,-0.5,0.5,1.5], b = [-3,-1,1,3], c = [1,-1,1,-1].
    // Sums of products / (4-1):
    //   aa = (2.25+0.25+0.25+2.25)/3 = 5/3, bb = (9+1+1+9)/3 = 20/3, cc = 4/3,
    //   ab = (4.5+0.5+0.5+4.5)/3 = 10/3, ac = (-1.5+0.5+0.5-1.5)/3 = -2/3, bc = (-3+1+1-3)/3 = -4/3.
    private static final double[][] RETURNS = {{1, 2, 2}, {2, 4, 0}, {3, 6, 2}, {4, 8, 0}};
    private static final double[][] EXPECTED = {
        {5.0 / 3, 10.0 / 3, -2.0 / 3}, {10.0 / 3, 20.0 / 3, -4.0 / 3}, {-2.0 / 3, -4.0 / 3, 4.0 / 3}};

    @Test
    void test_estimate_handDerivedFixture() {
        assertClose(SampleCovariance.DEFAULT.estimate(RETURNS), EXPECTED, 1e-15);
    }

    @Test
    void test_estimate_euStockLogReturnsMatchCommonsMath() {
        double[][] prices = SharedData.columns("eu_stock_markets_daily_close.csv", "dax", "smi", "cac", "ftse");
        double[][] returns = SharedData.logReturns(prices);
        double[][] expected = new Covariance(returns, true).getCovarianceMatrix().getData();
        assertClose(SampleCovariance.DEFAULT.estimate(returns), expected, 1e-18);
        // Sanity on scale: DAX daily log-return variance is about 1.0e-4 (1% daily volatility).
        assertThat(SampleCovariance.DEFAULT.estimate(returns)[0][0]).isBetween(0.5e-4, 2e-4);
    }

    @Test
    void test_estimate_manyAssetsMatchCommonsMath() {
        // 37 assets x 300 periods: odd sizes cross the kernel's block and tile boundaries.
        double[][] returns = QuantAssertions.random(300, 37, 11);
        double[][] expected = new Covariance(returns, true).getCovarianceMatrix().getData();
        assertClose(SampleCovariance.DEFAULT.estimate(returns), expected, 1e-15);
    }

    @Test
    void test_estimate_rejectsTooFewOrNonFiniteReturns() {
        assertThatThrownBy(() -> SampleCovariance.DEFAULT.estimate(new double[][] {{0.01, 0.02}}))
            .hasMessageContaining("at least 2 periods");
        assertThatThrownBy(() -> SampleCovariance.DEFAULT.estimate(new double[][] {{0.01}, {Double.NaN}}))
            .hasMessageContaining("returns[1][0] must be finite");
    }
}
