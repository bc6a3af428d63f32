package io.nautilus.engine.analytics.metrics;

import io.nautilus.core.quant.stats.MaxDrawdown;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Every performance metric a return series (and optionally a benchmark series) allows, with the conventions used.
 *
 * <p>Units: returns, volatilities, drawdowns, VaR and alphas are fractions ({@code 0.05} = 5%). "Annualized" uses
 * {@code periodsPerYear}; everything else is per period or unitless. An empty {@link OptionalDouble} means the
 * input does not define the metric (no benchmark, too few points, a zero denominator such as zero volatility);
 * it never stands for zero. {@link #conventions()} maps each metric name to the definition used. See
 * {@link PerformanceCalculator} for the formulas. Immutable and thread-safe.
 *
 * @param observations number of returns
 * @param periodsPerYear periods per year used to annualize
 * @param riskFreeRate annual risk-free rate (fraction) used for excess returns
 * @param totalReturn compounded return over the whole series
 * @param annualizedReturn CAGR, {@code (1 + totalReturn)^(periodsPerYear / n) - 1}
 * @param volatility annualized sample standard deviation
 * @param sharpeRatio annualized Sharpe ratio
 * @param sortinoRatio annualized Sortino ratio (threshold: the per-period risk-free rate)
 * @param calmarRatio CAGR over maximum drawdown depth
 * @param omegaRatio Omega ratio at the per-period risk-free rate
 * @param maxDrawdown maximum drawdown with its positions, duration and recovery, in periods
 * @param valueAtRisk historical VaR at {@code varConfidence}, a loss as a positive fraction, per period
 * @param conditionalValueAtRisk historical CVaR (expected shortfall), a loss as a positive fraction, per period
 * @param varConfidence confidence level of VaR and CVaR
 * @param skewness sample skewness G1 (adjusted Fisher-Pearson)
 * @param excessKurtosis sample excess kurtosis G2
 * @param beta beta against the benchmark
 * @param correlation Pearson correlation with the benchmark
 * @param jensensAlpha annualized Jensen's alpha
 * @param trackingError annualized standard deviation of the active return
 * @param informationRatio annualized information ratio
 * @param treynorRatio annualized excess return over beta
 * @param upCapture up-market capture ratio
 * @param downCapture down-market capture ratio
 * @param winRate fraction of periods with a positive return
 * @param profitFactor sum of gains over the absolute sum of losses
 * @param payoffRatio average gain over absolute average loss
 * @param expectancy expected return per period from win rate and average win/loss
 * @param bestPeriod highest single-period return
 * @param worstPeriod lowest single-period return
 * @param maxConsecutiveWins longest run of positive periods
 * @param maxConsecutiveLosses longest run of negative periods
 * @param probabilisticSharpeRatio probability that the true Sharpe ratio exceeds the configured benchmark Sharpe
 * @param conventions metric name to the definition used, in report order
 */
public record PerformanceReport(
        int observations,
        int periodsPerYear,
        double riskFreeRate,
        double totalReturn,
        double annualizedReturn,
        double volatility,
        OptionalDouble sharpeRatio,
        OptionalDouble sortinoRatio,
        OptionalDouble calmarRatio,
        OptionalDouble omegaRatio,
        MaxDrawdown maxDrawdown,
        double valueAtRisk,
        double conditionalValueAtRisk,
        double varConfidence,
        OptionalDouble skewness,
        OptionalDouble excessKurtosis,
        OptionalDouble beta,
        OptionalDouble correlation,
        OptionalDouble jensensAlpha,
        OptionalDouble trackingError,
        OptionalDouble informationRatio,
        OptionalDouble treynorRatio,
        OptionalDouble upCapture,
        OptionalDouble downCapture,
        double winRate,
        OptionalDouble profitFactor,
        OptionalDouble payoffRatio,
        double expectancy,
        double bestPeriod,
        double worstPeriod,
        int maxConsecutiveWins,
        int maxConsecutiveLosses,
        OptionalDouble probabilisticSharpeRatio,
        Map<String, String> conventions) {

    public PerformanceReport {
        if (maxDrawdown == null || conventions == null) {
            throw new IllegalArgumentException("maxDrawdown and conventions must not be null");
        }
        conventions = PerformanceConventions.immutableCopy(conventions);
    }
}
