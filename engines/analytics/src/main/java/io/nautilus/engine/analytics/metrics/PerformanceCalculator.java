package io.nautilus.engine.analytics.metrics;

import io.nautilus.core.quant.stats.DownsideDeviation;
import io.nautilus.core.quant.stats.Drawdowns;
import io.nautilus.core.quant.stats.MaxDrawdown;
import io.nautilus.core.quant.stats.Moments;
import io.nautilus.core.quant.stats.HistoricalTail;
import io.nautilus.core.quant.stats.Quantiles;
import io.nautilus.core.quant.stats.SeriesChecks;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Computes a {@link PerformanceReport} from per-period simple returns and, optionally, benchmark returns of the
 * same periods. Stateless and thread-safe: the conventions are fixed by the {@link PerformanceConfig} given at
 * construction, and each call only reads its arrays.
 *
 * <p>Conventions (also returned, with the configured numbers, in {@link PerformanceReport#conventions()}), with
 * {@code r} the returns, {@code b} the benchmark, {@code n} the count, {@code P} periods per year and
 * {@code rf} the per-period risk-free rate {@code (1 + annual)^(1/P) - 1}:
 * <ul>
 *   <li>total return {@code prod(1 + r) - 1}; CAGR {@code (1 + total)^(P / n) - 1}</li>
 *   <li>volatility: sample (n - 1) standard deviation {@code s} times {@code sqrt(P)}</li>
 *   <li>Sharpe {@code mean(r - rf) / s * sqrt(P)}; Sortino {@code mean(r - rf) / DD * sqrt(P)} with the
 *       full-sample downside deviation {@code DD} below {@code rf}; Calmar {@code CAGR / maxDrawdown};
 *       Omega at {@code rf}</li>
 *   <li>historical VaR/CVaR: the Hyndman-Fan type 1 quantile and the mean of the {@code ceil(n p)} lowest
 *       returns, {@code p = 1 - confidence}, reported as positive losses</li>
 *   <li>skewness G1 and excess kurtosis G2 (sample, bias-adjusted; Excel SKEW/KURT)</li>
 *   <li>beta {@code cov(r, b) / var(b)}; Jensen's alpha {@code P (mean(r - rf) - beta mean(b - rf))};
 *       tracking error {@code sd(r - b) sqrt(P)}; information ratio {@code mean(r - b) / sd(r - b) sqrt(P)};
 *       Treynor {@code P mean(r - rf) / beta}; capture ratios {@code mean(r | b > 0) / mean(b | b > 0)} and the
 *       same for {@code b < 0}</li>
 *   <li>win/loss figures by {@link WinLossStatistics}; PSR by {@link ProbabilisticSharpeRatio}</li>
 * </ul>
 *
 * <p>Cost: a handful of linear passes over the input and one sort of a copy (for VaR and CVaR); no boxing.
 */
public final class PerformanceCalculator {

    /** Fewest returns accepted: a sample standard deviation needs two. */
    public static final int MIN_OBSERVATIONS = 2;
    /** A calculator with {@link PerformanceConfig#DEFAULT}. */
    public static final PerformanceCalculator DEFAULT = new PerformanceCalculator(PerformanceConfig.DEFAULT);

    private final PerformanceConfig config;
    private final Map<String, String> conventions;

    public PerformanceCalculator(PerformanceConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is null; use PerformanceConfig.DEFAULT");
        }
        this.config = config;
        this.conventions = PerformanceConventions.describe(config);
    }

    public PerformanceConfig config() {
        return config;
    }

    /** Report of {@code returns} alone: benchmark-relative metrics are empty. */
    public PerformanceReport calculate(double[] returns) {
        return calculate(returns, null);
    }

    /**
     * @param returns per-period simple returns as fractions: at least {@link #MIN_OBSERVATIONS}, finite, {@code >= -1}
     * @param benchmarkReturns benchmark returns of the same periods, same rules and length; {@code null} for none
     * @throws IllegalArgumentException naming the field and index, e.g. {@code "returns[17] is NaN, must be finite"}
     */
    public PerformanceReport calculate(double[] returns, double[] benchmarkReturns) {
        SeriesChecks.requireSimpleReturns(returns, "returns", MIN_OBSERVATIONS);
        if (benchmarkReturns != null) {
            SeriesChecks.requireSimpleReturns(benchmarkReturns, "benchmark_returns", MIN_OBSERVATIONS);
            SeriesChecks.requireSameLength(benchmarkReturns, "benchmark_returns", returns, "returns");
        }
        int n = returns.length;
        int ppy = config.periodsPerYear();
        double rf = config.riskFreeRatePerPeriod();
        double annualize = Math.sqrt(ppy);

        Moments moments = Moments.of(returns);
        double deviation = moments.sampleStandardDeviation();
        double excessMean = moments.mean() - rf;
        OptionalDouble sharpe = deviation == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(excessMean / deviation * annualize);
        double downside = DownsideDeviation.of(returns, rf);
        OptionalDouble sortino = downside == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(excessMean / downside * annualize);

        double[] wealth = Drawdowns.wealth(returns);
        double totalReturn = wealth[n] - 1;
        double cagr = Math.pow(wealth[n], (double) ppy / n) - 1;
        MaxDrawdown maxDrawdown = MaxDrawdown.ofWealth(wealth);
        OptionalDouble calmar = maxDrawdown.depth() == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(cagr / maxDrawdown.depth());

        double[] sorted = Quantiles.sortedCopy(returns);
        HistoricalTail tail = HistoricalTail.ofSorted(sorted, config.varConfidence());
        double valueAtRisk = tail.valueAtRisk();
        double expectedShortfall = tail.expectedShortfall();

        WinLossStatistics outcomes = WinLossStatistics.of(returns, "returns");
        OptionalDouble psr = probabilisticSharpe(moments, deviation, excessMean);
        RelativeMetrics relative = benchmarkReturns == null ? RelativeMetrics.NONE
                : RelativeMetrics.of(returns, benchmarkReturns, rf, ppy);

        return new PerformanceReport(n, ppy, config.riskFreeRate(), totalReturn, cagr, deviation * annualize,
                sharpe, sortino, calmar, OmegaRatio.of(returns, rf), maxDrawdown, valueAtRisk, expectedShortfall,
                config.varConfidence(), moments.sampleSkewness(), moments.sampleExcessKurtosis(),
                relative.beta(), relative.correlation(), relative.jensensAlpha(), relative.trackingError(),
                relative.informationRatio(), relative.treynorRatio(), relative.upCapture(), relative.downCapture(),
                outcomes.winRate().orElseThrow(), outcomes.profitFactor(), outcomes.payoffRatio(),
                outcomes.expectancy().orElseThrow(), sorted[n - 1], sorted[0], outcomes.maxConsecutiveWins(),
                outcomes.maxConsecutiveLosses(), psr, conventions);
    }

    private OptionalDouble probabilisticSharpe(Moments moments, double deviation, double excessMean) {
        OptionalDouble skewness = moments.populationSkewness();
        OptionalDouble excessKurtosis = moments.populationExcessKurtosis();
        if (deviation == 0 || skewness.isEmpty() || excessKurtosis.isEmpty()) {
            return OptionalDouble.empty();
        }
        return ProbabilisticSharpeRatio.of(excessMean / deviation, config.benchmarkSharpeRatioPerPeriod(),
                moments.count(), skewness.getAsDouble(), excessKurtosis.getAsDouble() + 3);
    }
}
