package io.nautilus.engine.portfolio;

import io.nautilus.core.engine.EngineConfig;
import io.nautilus.engine.portfolio.execution.PaperFillModel;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Portfolio engine's settings, read from {@link EngineConfig} and validated once when the engine starts: a bad
 * value fails the start with a message naming the key and the allowed range, instead of answering requests with
 * errors that blame the client or throwing on the ring thread at every timer tick. Immutable and thread-safe.
 *
 * @param fillModel               slippage and commission ({@code portfolio.slippage.bps}, {@code portfolio.commission.*})
 * @param snapshotIntervalSeconds equity snapshots and schedule checks, seconds &gt;= 0 (0 = off)
 * @param historyInterval         bar interval label asked from Market Data ({@code 1d}, {@code 1h}, ...)
 * @param historyLookback         returns used when the body gives no {@code lookback}, in [2, 100000]
 * @param historyMinPeriods       fewer common returns than this answer 422 insufficient data, &gt;= 1
 * @param periodsPerYear          annualization of per-period history returns, &gt; 0
 * @param riskFreeRate            annual risk-free rate, fraction in (-1, 1)
 * @param rebalanceMinNotional    default minimum trade notional, currency &gt;= 0
 * @param driftThreshold          drift trigger of scheduled rebalances, fraction in (0, 1)
 * @param requestTimeout          HTTP → ring thread and Market Data request timeout, &gt; 0
 * @param pendingRiskMaxAge       at start, orders still waiting for Risk that are older than this expire (rejected
 *                                with reason {@value PortfolioDesk#EXPIRED_AT_RESTART}); younger ones are sent to
 *                                Risk again ({@code portfolio.pending_risk.max_age.seconds}, 300, &gt;= 0)
 */
record PortfolioSettings(PaperFillModel fillModel, int snapshotIntervalSeconds, String historyInterval,
                         int historyLookback, int historyMinPeriods, double periodsPerYear, double riskFreeRate,
                         double rebalanceMinNotional, double driftThreshold, Duration requestTimeout,
                         Duration pendingRiskMaxAge) {
    /** Lookback bounds, shared with the body's {@code lookback} field. */
    static final int MIN_LOOKBACK = 2;
    static final int MAX_LOOKBACK = 100_000;
    private static final Pattern INTERVAL = Pattern.compile("[1-9][0-9]{0,2}[smhd]");

    /** Reads and validates every setting; throws {@link IllegalArgumentException} naming the first bad key. */
    static PortfolioSettings from(EngineConfig cfg) {
        var fills = new PaperFillModel(nonNegative(cfg, "portfolio.slippage.bps", 5),
                nonNegative(cfg, "portfolio.commission.bps", 1), nonNegative(cfg, "portfolio.commission.per_unit", 0),
                nonNegative(cfg, "portfolio.commission.min", 0));
        int snapshot = cfg.integer("portfolio.snapshot.interval.seconds", 60);
        check(snapshot >= 0, "portfolio.snapshot.interval.seconds", "must be >= 0 (0 = off)", snapshot);
        String interval = cfg.string("portfolio.history.interval", "1d").toLowerCase(Locale.ROOT);
        check(INTERVAL.matcher(interval).matches() && Integer.parseInt(interval.substring(0, interval.length() - 1)) <= 366,
                "portfolio.history.interval", "must be a bar interval like 1m, 5m, 1h or 1d (count 1-366)", interval);
        int lookback = cfg.integer("portfolio.history.lookback", 252);
        check(lookback >= MIN_LOOKBACK && lookback <= MAX_LOOKBACK, "portfolio.history.lookback",
                "must be in [" + MIN_LOOKBACK + ", " + MAX_LOOKBACK + "]", lookback);
        int minPeriods = cfg.integer("portfolio.history.min_periods", 20);
        check(minPeriods >= 1, "portfolio.history.min_periods", "must be >= 1", minPeriods);
        double periods = cfg.number("portfolio.periods_per_year", 252);
        check(periods > 0, "portfolio.periods_per_year", "must be > 0", periods);
        double riskFree = cfg.number("portfolio.risk_free_rate", 0);
        check(riskFree > -1 && riskFree < 1, "portfolio.risk_free_rate",
                "must be an annual fraction in (-1, 1), e.g. 0.02 for 2 %", riskFree);
        double minNotional = nonNegative(cfg, "portfolio.rebalance.min_notional", 0);
        double drift = cfg.number("portfolio.rebalance.drift_threshold", 0.05);
        check(drift > 0 && drift < 1, "portfolio.rebalance.drift_threshold", "must be a fraction in (0, 1)", drift);
        int timeoutMs = cfg.integer("portfolio.request.timeout.ms", 5000);
        check(timeoutMs > 0, "portfolio.request.timeout.ms", "must be > 0", timeoutMs);
        double maxAge = nonNegative(cfg, "portfolio.pending_risk.max_age.seconds", 300);
        return new PortfolioSettings(fills, snapshot, interval, lookback, minPeriods, periods, riskFree, minNotional,
                drift, Duration.ofMillis(timeoutMs), Duration.ofMillis(Math.round(Math.min(maxAge, 1e12) * 1000)));
    }

    private static double nonNegative(EngineConfig cfg, String key, double defaultValue) {
        double v = cfg.number(key, defaultValue);
        check(v >= 0, key, "must be >= 0", v);
        return v;
    }

    private static void check(boolean ok, String key, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("setting " + key + " " + rule + ", got " + value);
        }
    }
}
