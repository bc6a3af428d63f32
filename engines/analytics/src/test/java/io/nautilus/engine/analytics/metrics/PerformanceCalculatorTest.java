package io.nautilus.engine.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.engine.analytics.SharedDataFixture;
import java.util.Arrays;
import java.util.OptionalInt;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.SemiVariance;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class PerformanceCalculatorTest {

    private static final int DAYS = 252;
    private static final double RISK_FREE = 0.02;
    /** Ten years of daily ttrc returns: the last 2,520 of the series. */
    private static final double[] TTRC = last(SharedDataFixture.ttrcReturns(), 2520);
    private static final double[] DAX = SharedDataFixture.daxReturns();
    private static final double[] FTSE = SharedDataFixture.ftseReturns();
    private static final PerformanceCalculator CALCULATOR =
            new PerformanceCalculator(PerformanceConfig.DEFAULT.withRiskFreeRate(RISK_FREE));

    /*
     * Hand-derived, monthly (P = 12), risk-free 0:
     * r = {0.02, -0.01, 0.03, -0.02, 0.01, 0.00, 0.05, -0.03}
     * b = {0.01, -0.02, 0.02, 0.01, -0.01, 0.00, 0.03, -0.01}
     * up periods (b > 0): 0, 2, 3, 6 -> sum r = 0.02 + 0.03 - 0.02 + 0.05 = 0.08, sum b = 0.07 -> up capture 8 / 7
     * down periods (b < 0): 1, 4, 7 -> sum r = -0.01 + 0.01 - 0.03 = -0.03, sum b = -0.04 -> down capture 0.75
     * period 5 (b = 0) is in neither.
     * wins 0.02, 0.03, 0.01, 0.05 (sum 0.11); losses -0.01, -0.02, -0.03 (sum -0.06); one zero:
     * win rate 4 / 8 = 0.5; profit factor 0.11 / 0.06; payoff (0.11 / 4) / (0.06 / 3) = 0.0275 / 0.02 = 1.375;
     * expectancy 0.5 * 0.0275 - 3/8 * 0.02 = 0.00625 = mean(r); Omega at 0 = 0.11 / 0.06.
     * best 0.05, worst -0.03; runs W L W L W 0 W L -> longest win run 1, loss run 1.
     * VaR 95%: p = 0.05, ceil(8 * 0.05) = 1 -> worst return -0.03 -> VaR 0.03 = CVaR.
     * wealth 1, 1.02, 1.0098, 1.040094, 1.01929212, 1.0294850412, 1.0294850412, 1.08095929326, 1.04853051446:
     * deepest fall 1.040094 (position 3) -> 1.01929212 (position 4) = 0.02 and 1.08095929326 (7) -> 1.04853051446 (8)
     * = 0.03 -> depth 0.03, peak 7, trough 8, not recovered, duration 8 - 7 = 1.
     * total return 0.04853051446; CAGR 1.04853051446^(12 / 8) - 1 = 0.07366593...; Calmar CAGR / 0.03.
     */
    private static final double[] SMALL_R = {0.02, -0.01, 0.03, -0.02, 0.01, 0.00, 0.05, -0.03};
    private static final double[] SMALL_B = {0.01, -0.02, 0.02, 0.01, -0.01, 0.00, 0.03, -0.01};

    @Test
    void test_calculate_handDerivedFixture() {
        PerformanceReport report = new PerformanceCalculator(PerformanceConfig.DEFAULT.withPeriodsPerYear(12))
                .calculate(SMALL_R, SMALL_B);

        assertThat(report.observations()).isEqualTo(8);
        assertThat(report.upCapture().getAsDouble()).isEqualTo(8.0 / 7, within(1e-12));
        assertThat(report.downCapture().getAsDouble()).isEqualTo(0.75, within(1e-12));
        assertThat(report.winRate()).isEqualTo(0.5);
        assertThat(report.profitFactor().getAsDouble()).isEqualTo(0.11 / 0.06, within(1e-12));
        assertThat(report.payoffRatio().getAsDouble()).isEqualTo(1.375, within(1e-12));
        assertThat(report.expectancy()).isEqualTo(0.00625, within(1e-15));
        assertThat(report.omegaRatio().getAsDouble()).isEqualTo(0.11 / 0.06, within(1e-12));
        assertThat(report.bestPeriod()).isEqualTo(0.05);
        assertThat(report.worstPeriod()).isEqualTo(-0.03);
        assertThat(report.maxConsecutiveWins()).isEqualTo(1);
        assertThat(report.maxConsecutiveLosses()).isEqualTo(1);
        assertThat(report.valueAtRisk()).isEqualTo(0.03);
        assertThat(report.conditionalValueAtRisk()).isEqualTo(0.03);
        assertThat(report.totalReturn()).isEqualTo(0.04853051446, within(1e-11));
        assertThat(report.annualizedReturn()).isEqualTo(Math.pow(1.04853051446, 1.5) - 1, within(1e-11));
        assertThat(report.maxDrawdown().depth()).isEqualTo(0.03, within(1e-12));
        assertThat(report.maxDrawdown().peakPosition()).isEqualTo(7);
        assertThat(report.maxDrawdown().troughPosition()).isEqualTo(8);
        assertThat(report.maxDrawdown().recoveryPosition()).isEqualTo(OptionalInt.empty());
        assertThat(report.maxDrawdown().durationPeriods()).isEqualTo(1);
        assertThat(report.calmarRatio().getAsDouble())
                .isEqualTo((Math.pow(1.04853051446, 1.5) - 1) / 0.03, within(1e-9));
    }

    @Test
    void test_calculate_ttrcTenYearsMatchesCommonsMath() {
        int n = TTRC.length;
        double rf = Math.pow(1 + RISK_FREE, 1.0 / DAYS) - 1;
        double mean = StatUtils.mean(TTRC);
        double sd = new StandardDeviation(true).evaluate(TTRC);
        double downside = Math.sqrt(new SemiVariance(false, SemiVariance.DOWNSIDE_VARIANCE).evaluate(TTRC, rf));
        double logGrowth = 0;
        for (double r : TTRC) {
            logGrowth += Math.log1p(r);
        }
        double cagr = Math.exp(logGrowth * DAYS / n) - 1;
        double[] sorted = TTRC.clone();
        Arrays.sort(sorted);
        // ceil(2520 * 0.05) = 126 lowest returns
        double tailMean = StatUtils.mean(sorted, 0, 126);

        PerformanceReport report = CALCULATOR.calculate(TTRC);

        assertThat(report.observations()).isEqualTo(2520);
        assertThat(report.totalReturn()).isEqualTo(Math.expm1(logGrowth), within(1e-10));
        assertThat(report.annualizedReturn()).isEqualTo(cagr, within(1e-12));
        assertThat(report.volatility()).isEqualTo(sd * Math.sqrt(DAYS), within(1e-13));
        assertThat(report.sharpeRatio().getAsDouble()).isEqualTo((mean - rf) / sd * Math.sqrt(DAYS), within(1e-11));
        assertThat(report.sortinoRatio().getAsDouble())
                .isEqualTo((mean - rf) / downside * Math.sqrt(DAYS), within(1e-11));
        assertThat(report.skewness().getAsDouble()).isEqualTo(new Skewness().evaluate(TTRC), within(1e-10));
        assertThat(report.excessKurtosis().getAsDouble()).isEqualTo(new Kurtosis().evaluate(TTRC), within(1e-9));
        assertThat(report.valueAtRisk())
                .isEqualTo(-new Percentile().withEstimationType(EstimationType.R_1).evaluate(TTRC, 5));
        assertThat(report.conditionalValueAtRisk()).isEqualTo(-tailMean, within(1e-15));
        assertThat(report.bestPeriod()).isEqualTo(StatUtils.max(TTRC));
        assertThat(report.worstPeriod()).isEqualTo(StatUtils.min(TTRC));
        assertThat(report.winRate()).isEqualTo(Arrays.stream(TTRC).filter(r -> r > 0).count() / (double) n);
        assertThat(report.beta()).isEmpty();
        assertThat(report.trackingError()).isEmpty();
        assertThat(report.upCapture()).isEmpty();
    }

    @Test
    void test_calculate_ttrcMaxDrawdownMatchesBruteForce() {
        double[] wealth = new double[TTRC.length + 1];
        wealth[0] = 1;
        for (int i = 0; i < TTRC.length; i++) {
            wealth[i + 1] = wealth[i] * (1 + TTRC[i]);
        }
        double deepest = 0;
        for (int i = 0; i < wealth.length; i++) {
            for (int j = i + 1; j < wealth.length; j++) {
                deepest = Math.max(deepest, 1 - wealth[j] / wealth[i]);
            }
        }

        PerformanceReport report = CALCULATOR.calculate(TTRC);

        assertThat(report.maxDrawdown().depth()).isEqualTo(deepest, within(1e-13));
        assertThat(report.calmarRatio().getAsDouble()).isEqualTo(report.annualizedReturn() / deepest, within(1e-12));
    }

    @Test
    void test_calculate_ttrcProbabilisticSharpeFromCommonsMathMoments() {
        int n = TTRC.length;
        double rf = Math.pow(1 + RISK_FREE, 1.0 / DAYS) - 1;
        double sharpe = (StatUtils.mean(TTRC) - rf) / new StandardDeviation(true).evaluate(TTRC);
        // population g1 and kurtosis recovered from commons-math's bias-adjusted G1 and G2
        double g1 = new Skewness().evaluate(TTRC) * (n - 2) / Math.sqrt((double) n * (n - 1));
        double g2 = (new Kurtosis().evaluate(TTRC) * (n - 2) * (n - 3) / (n - 1) - 6) / (n + 1);
        double z = sharpe * Math.sqrt(n - 1) / Math.sqrt(1 - g1 * sharpe + (g2 + 3 - 1) / 4 * sharpe * sharpe);

        PerformanceReport report = CALCULATOR.calculate(TTRC);

        assertThat(report.probabilisticSharpeRatio().getAsDouble())
                .isEqualTo(new NormalDistribution().cumulativeProbability(z), within(1e-12));
    }

    @Test
    void test_calculate_daxAgainstFtseMatchesCommonsMath() {
        int n = DAX.length;
        double rf = Math.pow(1 + RISK_FREE, 1.0 / DAYS) - 1;
        SimpleRegression excessRegression = new SimpleRegression();
        double[] active = new double[n];
        for (int i = 0; i < n; i++) {
            excessRegression.addData(FTSE[i] - rf, DAX[i] - rf);
            active[i] = DAX[i] - FTSE[i];
        }
        double beta = excessRegression.getSlope();
        double activeSd = new StandardDeviation(true).evaluate(active);

        PerformanceReport report = CALCULATOR.calculate(DAX, FTSE);

        assertThat(report.beta().getAsDouble()).isEqualTo(beta, within(1e-12));
        // Jensen's alpha is the intercept of the excess-return regression, annualized arithmetically
        assertThat(report.jensensAlpha().getAsDouble())
                .isEqualTo(excessRegression.getIntercept() * DAYS, within(1e-12));
        assertThat(report.correlation().getAsDouble())
                .isEqualTo(new PearsonsCorrelation().correlation(DAX, FTSE), within(1e-12));
        assertThat(report.trackingError().getAsDouble()).isEqualTo(activeSd * Math.sqrt(DAYS), within(1e-13));
        assertThat(report.informationRatio().getAsDouble())
                .isEqualTo(StatUtils.mean(active) / activeSd * Math.sqrt(DAYS), within(1e-11));
        assertThat(report.treynorRatio().getAsDouble())
                .isEqualTo((StatUtils.mean(DAX) - rf) * DAYS / beta, within(1e-11));
    }

    @Test
    void test_calculate_constantReturnsLeaveRatiosEmpty() {
        PerformanceReport report = PerformanceCalculator.DEFAULT.calculate(new double[] {0.001, 0.001, 0.001, 0.001});

        assertThat(report.volatility()).isZero();
        assertThat(report.sharpeRatio()).isEmpty();
        assertThat(report.sortinoRatio()).isEmpty();
        assertThat(report.calmarRatio()).isEmpty();
        assertThat(report.omegaRatio()).isEmpty();
        assertThat(report.skewness()).isEmpty();
        assertThat(report.excessKurtosis()).isEmpty();
        assertThat(report.probabilisticSharpeRatio()).isEmpty();
        assertThat(report.profitFactor()).isEmpty();
        assertThat(report.payoffRatio()).isEmpty();
        assertThat(report.maxConsecutiveWins()).isEqualTo(4);
    }

    @Test
    void test_calculate_namesEveryConvention() {
        PerformanceReport report = CALCULATOR.calculate(SMALL_R, SMALL_B);

        assertThat(report.conventions()).containsKeys("sharpe_ratio", "value_at_risk", "skewness", "beta",
                "probabilistic_sharpe_ratio", "max_drawdown", "up_capture", "risk_free_rate");
        assertThat(report.conventions().get("periods_per_year")).startsWith("252");
        assertThat(report.conventions().get("value_at_risk")).contains("type 1").contains("p = 0.05");
        assertThatThrownBy(() -> report.conventions().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void test_calculate_rejectsBadInputNamingTheField() {
        double[] withNaN = TTRC.clone();
        withNaN[17] = Double.NaN;

        assertThatThrownBy(() -> CALCULATOR.calculate(withNaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("returns[17] is NaN");
        assertThatThrownBy(() -> CALCULATOR.calculate(SMALL_R, new double[] {0.01, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("benchmark_returns[1] is Infinity");
        assertThatThrownBy(() -> CALCULATOR.calculate(SMALL_R, new double[] {0.01, 0.02}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("benchmark_returns has 2 values and returns has 8; they must be the same length");
        assertThatThrownBy(() -> CALCULATOR.calculate(new double[] {0.01}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("returns has 1 values, needs at least 2");
        assertThatThrownBy(() -> CALCULATOR.calculate(new double[] {0.01, -5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("returns[1] is -5.0, must be >= -1");
        assertThatThrownBy(() -> CALCULATOR.calculate(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("returns is null");
    }

    private static double[] last(double[] x, int count) {
        return Arrays.copyOfRange(x, x.length - count, x.length);
    }
}
