package io.nautilus.engine.analytics;

import io.nautilus.core.engine.EngineConfig;
import io.nautilus.engine.analytics.metrics.PerformanceConfig;

/**
 * The Analytics engine's settings, read once from {@link EngineConfig} and validated. Immutable and thread-safe.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>{@code analytics.initial_capital}</td><td>initial value and cash of a portfolio the engine sees in a
 *       fill before any Portfolio engine state of it, currency (1,000,000); every portfolio with a state uses its own
 *       capital</td></tr>
 *   <tr><td>{@code analytics.pnl.publish_interval_ms}</td><td>how often changed portfolios publish
 *       {@code pnl.<portfolio>} (250)</td></tr>
 *   <tr><td>{@code analytics.equity.sample_interval_ms}</td><td>equity curve sampling and persistence period
 *       (60,000)</td></tr>
 *   <tr><td>{@code analytics.periods_per_year}</td><td>annualization of daily metrics (252)</td></tr>
 *   <tr><td>{@code analytics.risk_free_rate}</td><td>annual risk-free rate, fraction (0.0)</td></tr>
 *   <tr><td>{@code analytics.var_confidence}</td><td>historical VaR/CVaR confidence (0.95)</td></tr>
 *   <tr><td>{@code analytics.marketdata.timeout_ms}</td><td>wait for the Market Data engine's bar history
 *       (3,000)</td></tr>
 *   <tr><td>{@code analytics.marketdata.bar_interval}</td><td>bar interval asked for symbol metrics ({@code 1d})</td></tr>
 *   <tr><td>{@code analytics.portfolio.sync_timeout_ms}</td><td>wait for the Portfolio engine's answer to the
 *       start-up request for every book, before asking again (2,000)</td></tr>
 * </table>
 *
 * @param initialCapital         capital of a portfolio known from fills alone (no state yet), &gt;= 0
 * @param publishIntervalMillis  P&amp;L publish period, &gt;= 1
 * @param sampleIntervalMillis   equity sampling period, &gt;= 1
 * @param performance            metric conventions (periods per year, risk-free rate, VaR confidence)
 * @param marketDataTimeoutMillis bar history request timeout, &gt;= 1
 * @param barInterval            bar interval label for symbol routes
 * @param portfolioSyncTimeoutMillis start-up book request timeout, &gt;= 1
 */
public record AnalyticsSettings(double initialCapital, long publishIntervalMillis, long sampleIntervalMillis,
                                PerformanceConfig performance, long marketDataTimeoutMillis, String barInterval,
                                long portfolioSyncTimeoutMillis) {

    public AnalyticsSettings {
        if (!(initialCapital >= 0) || !Double.isFinite(initialCapital)) {
            throw new IllegalArgumentException("analytics.initial_capital must be a finite number >= 0, got "
                    + initialCapital);
        }
        positive("analytics.pnl.publish_interval_ms", publishIntervalMillis);
        positive("analytics.equity.sample_interval_ms", sampleIntervalMillis);
        positive("analytics.marketdata.timeout_ms", marketDataTimeoutMillis);
        positive("analytics.portfolio.sync_timeout_ms", portfolioSyncTimeoutMillis);
        if (barInterval == null || barInterval.isBlank()) {
            throw new IllegalArgumentException("analytics.marketdata.bar_interval must not be blank");
        }
    }

    /** Reads the keys above, with their defaults. */
    public static AnalyticsSettings from(EngineConfig c) {
        PerformanceConfig performance = PerformanceConfig.DEFAULT
                .withPeriodsPerYear(c.integer("analytics.periods_per_year", PerformanceConfig.DEFAULT_PERIODS_PER_YEAR))
                .withRiskFreeRate(c.number("analytics.risk_free_rate", 0.0))
                .withVarConfidence(c.number("analytics.var_confidence", PerformanceConfig.DEFAULT_VAR_CONFIDENCE));
        return new AnalyticsSettings(c.number("analytics.initial_capital", 1_000_000),
                c.integer("analytics.pnl.publish_interval_ms", 250),
                c.integer("analytics.equity.sample_interval_ms", 60_000),
                performance,
                c.integer("analytics.marketdata.timeout_ms", 3_000),
                c.string("analytics.marketdata.bar_interval", "1d"),
                c.integer("analytics.portfolio.sync_timeout_ms", 2_000));
    }

    private static void positive(String key, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be >= 1, got " + value);
        }
    }
}
