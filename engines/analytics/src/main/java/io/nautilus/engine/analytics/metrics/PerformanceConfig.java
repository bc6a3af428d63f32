package io.nautilus.engine.analytics.metrics;

import io.nautilus.core.quant.stats.HistoricalTail;

/**
 * The conventions a {@link PerformanceCalculator} applies: sampling frequency, risk-free rate, VaR confidence and
 * the benchmark Sharpe ratio of the probabilistic Sharpe ratio.
 *
 * <p>Immutable and thread-safe; validated on construction. Start from {@link #DEFAULT} and change fields with the
 * {@code with...} methods.
 *
 * @param periodsPerYear return periods in a year, used to annualize (252 trading days, 52 weeks, 12 months)
 * @param riskFreeRate annual risk-free rate as a fraction ({@code 0.02} = 2% a year), compounded: the per-period
 *                     rate is {@code (1 + riskFreeRate)^(1 / periodsPerYear) - 1}
 * @param varConfidence confidence of historical VaR and CVaR in (0, 1), e.g. {@code 0.95}
 * @param benchmarkSharpeRatio annualized Sharpe ratio the probabilistic Sharpe ratio tests against (usually 0)
 */
public record PerformanceConfig(int periodsPerYear, double riskFreeRate, double varConfidence,
                                double benchmarkSharpeRatio) {

    /** Trading days in a year, the default sampling frequency. */
    public static final int DEFAULT_PERIODS_PER_YEAR = 252;
    /** Default VaR/CVaR confidence. */
    public static final double DEFAULT_VAR_CONFIDENCE = 0.95;
    /** Daily returns, zero risk-free rate, 95% VaR, PSR against a Sharpe ratio of 0. */
    public static final PerformanceConfig DEFAULT =
            new PerformanceConfig(DEFAULT_PERIODS_PER_YEAR, 0.0, DEFAULT_VAR_CONFIDENCE, 0.0);

    public PerformanceConfig {
        if (periodsPerYear < 1) {
            throw new IllegalArgumentException("periods_per_year is " + periodsPerYear + ", must be >= 1");
        }
        if (!(riskFreeRate > -1) || !Double.isFinite(riskFreeRate)) {
            throw new IllegalArgumentException("risk_free_rate is " + riskFreeRate
                    + ", must be a finite annual fraction > -1 (0.02 for 2%)");
        }
        if (!(varConfidence > 0 && varConfidence < 1)) {
            throw new IllegalArgumentException("var_confidence is " + varConfidence + ", must be in (0, 1)");
        }
        if (!Double.isFinite(benchmarkSharpeRatio)) {
            throw new IllegalArgumentException("benchmark_sharpe_ratio is " + benchmarkSharpeRatio
                    + ", must be finite");
        }
    }

    public PerformanceConfig withPeriodsPerYear(int periods) {
        return new PerformanceConfig(periods, riskFreeRate, varConfidence, benchmarkSharpeRatio);
    }

    public PerformanceConfig withRiskFreeRate(double annualRate) {
        return new PerformanceConfig(periodsPerYear, annualRate, varConfidence, benchmarkSharpeRatio);
    }

    public PerformanceConfig withVarConfidence(double confidence) {
        return new PerformanceConfig(periodsPerYear, riskFreeRate, confidence, benchmarkSharpeRatio);
    }

    public PerformanceConfig withBenchmarkSharpeRatio(double annualizedSharpe) {
        return new PerformanceConfig(periodsPerYear, riskFreeRate, varConfidence, annualizedSharpe);
    }

    /** The per-period risk-free rate, {@code (1 + riskFreeRate)^(1 / periodsPerYear) - 1}. */
    public double riskFreeRatePerPeriod() {
        return Math.expm1(Math.log1p(riskFreeRate) / periodsPerYear);
    }

    /** The VaR tail probability {@code 1 - varConfidence}, as {@link HistoricalTail#tailProbability} rounds it. */
    public double varTailProbability() {
        return HistoricalTail.tailProbability(varConfidence);
    }

    /** {@link #benchmarkSharpeRatio} per period: divided by {@code sqrt(periodsPerYear)}. */
    public double benchmarkSharpeRatioPerPeriod() {
        return benchmarkSharpeRatio / Math.sqrt(periodsPerYear);
    }
}
