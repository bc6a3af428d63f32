package io.nautilus.engine.portfolio.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.quant.Matrices;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * G. He and R. Litterman, "The Intuition Behind Black-Litterman Model Portfolios", Goldman Sachs Investment
 * Management Research, 1999: seven country equity markets (Australia, Canada, France, Germany, Japan, UK, USA),
 * Table 1 correlations and volatilities, Table 2 market weights, δ = 2.5, τ = 0.05. Published figures are
 * rounded to 0.1 %, so the tolerance is 0.05 % (0.0005) plus the paper's own rounding of the inputs.
 */
class BlackLittermanTest {
    static final double[] VOL = {0.160, 0.203, 0.248, 0.271, 0.210, 0.200, 0.187};
    static final double[][] CORR = {
        {1.000, 0.488, 0.478, 0.515, 0.439, 0.512, 0.491},
        {0.488, 1.000, 0.664, 0.655, 0.310, 0.608, 0.779},
        {0.478, 0.664, 1.000, 0.861, 0.355, 0.783, 0.668},
        {0.515, 0.655, 0.861, 1.000, 0.354, 0.777, 0.653},
        {0.439, 0.310, 0.355, 0.354, 1.000, 0.405, 0.306},
        {0.512, 0.608, 0.783, 0.777, 0.405, 1.000, 0.652},
        {0.491, 0.779, 0.668, 0.653, 0.306, 0.652, 1.000}};
    static final double[] MARKET = {0.016, 0.022, 0.052, 0.055, 0.116, 0.124, 0.615};
    static final BlackLitterman MODEL = new BlackLitterman(OptimizerFixtures.covariance(VOL, CORR), MARKET, 2.5, 0.05);
    /** View 1: Germany outperforms France and the UK (market-cap weighted 29.5 % / 70.5 %) by 5 %. */
    static final BlackLitterman.View GERMANY = new BlackLitterman.View(
            new double[] {0, 0, -0.295, 1, 0, -0.705, 0}, 0.05, Double.NaN);
    /** View 2: Canada outperforms the USA by 3 %. */
    static final BlackLitterman.View CANADA = new BlackLitterman.View(
            new double[] {0, 1, 0, 0, 0, 0, -1}, 0.03, Double.NaN);

    private static void assertPercent(double[] actual, double[] expectedPercent, double tolerance) {
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("asset %d", i).isCloseTo(expectedPercent[i] / 100, within(tolerance));
        }
    }

    /** Table 2: Π = 3.9, 6.9, 8.4, 9.0, 4.3, 6.8, 7.6 % (Canada is 6.92 from the rounded inputs). */
    @Test
    void test_equilibriumReturns_matchTable2() {
        assertPercent(MODEL.equilibriumReturns(), new double[] {3.9, 6.9, 8.4, 9.0, 4.3, 6.8, 7.6}, 0.0005);
    }

    /** Table 4: μ = 4.3, 7.6, 9.3, 11.0, 4.5, 7.0, 8.1 %; w* = 1.5, 2.1, −3.9, 35.4, 11.0, −9.5, 58.6 %. */
    @Test
    void test_posterior_germanyViewMatchesTable4() {
        assertPercent(MODEL.posteriorReturns(List.of(GERMANY)), new double[] {4.3, 7.6, 9.3, 11.0, 4.5, 7.0, 8.1}, 0.0006);
        assertPercent(MODEL.unconstrainedWeights(List.of(GERMANY)),
                new double[] {1.5, 2.1, -3.9, 35.4, 11.0, -9.5, 58.6}, 0.0006);
    }

    /** Table 5: μ = 4.4, 8.7, 9.5, 11.2, 4.6, 7.0, 7.5 %; w* = 1.5, 41.9, −3.4, 33.6, 11.0, −8.2, 18.8 %. */
    @Test
    void test_posterior_twoViewsMatchTable5() {
        assertPercent(MODEL.posteriorReturns(List.of(GERMANY, CANADA)),
                new double[] {4.4, 8.7, 9.5, 11.2, 4.6, 7.0, 7.5}, 0.0006);
        assertPercent(MODEL.unconstrainedWeights(List.of(GERMANY, CANADA)),
                new double[] {1.5, 41.9, -3.4, 33.6, 11.0, -8.2, 18.8}, 0.0006);
    }

    /** Confidence 0.5 is He and Litterman's ω; confidence 1 makes the posterior honour the view exactly. */
    @Test
    void test_posterior_confidenceScalesOmega() {
        var half = new BlackLitterman.View(GERMANY.pick(), 0.05, 0.5);
        assertThat(MODEL.posteriorReturns(List.of(half))).containsExactly(MODEL.posteriorReturns(List.of(GERMANY)),
                within(1e-15));
        var certain = new BlackLitterman.View(GERMANY.pick(), 0.05, 1.0);
        assertThat(Matrices.dot(GERMANY.pick(), MODEL.posteriorReturns(List.of(certain)))).isCloseTo(0.05, within(1e-12));
    }

    /** No views: w* = w_mkt/(1 + τ). */
    @Test
    void test_unconstrainedWeights_noViewsIsScaledMarket() {
        double[] w = MODEL.unconstrainedWeights(List.of());
        for (int i = 0; i < 7; i++) {
            assertThat(w[i]).isCloseTo(MARKET[i] / 1.05, within(1e-12));
        }
    }
}
