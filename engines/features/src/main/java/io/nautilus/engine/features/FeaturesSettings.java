package io.nautilus.engine.features;

import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.model.BarInterval;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the features engine, read once from {@link EngineConfig} and validated. Immutable and
 * thread-safe.
 *
 * <table>
 * <caption>Configuration keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>features.intervals</td><td>1m,1d</td><td>bar intervals consumed from {@code md.bar.<interval>.<SYM>}</td></tr>
 * <tr><td>features.session.zone</td><td>UTC</td><td>time zone whose calendar days delimit VWAP sessions</td></tr>
 * <tr><td>features.trading_days_per_year</td><td>252</td><td>annualization of daily and intraday bars</td></tr>
 * <tr><td>features.session_seconds</td><td>23400</td><td>seconds of one trading session (intraday annualization)</td></tr>
 * <tr><td>features.max_series_length</td><td>100000</td><td>longest series accepted over HTTP</td></tr>
 * <tr><td>features.max_batch_symbols</td><td>500</td><td>most symbols in one {@code /features/batch}</td></tr>
 * </table>
 *
 * @param intervals          bar intervals consumed, in order
 * @param sessionZone        zone of the VWAP session days
 * @param tradingDaysPerYear trading days per year
 * @param sessionSeconds     seconds per trading session
 * @param maxSeriesLength    longest posted series, bars
 * @param maxBatchSymbols    most symbols per batch request
 */
public record FeaturesSettings(List<BarInterval> intervals, ZoneId sessionZone, double tradingDaysPerYear,
                               double sessionSeconds, int maxSeriesLength, int maxBatchSymbols) {

    public static final String INTERVALS = "features.intervals";
    public static final String SESSION_ZONE = "features.session.zone";
    public static final String TRADING_DAYS = "features.trading_days_per_year";
    public static final String SESSION_SECONDS = "features.session_seconds";
    public static final String MAX_SERIES_LENGTH = "features.max_series_length";
    public static final String MAX_BATCH_SYMBOLS = "features.max_batch_symbols";

    public FeaturesSettings {
        intervals = List.copyOf(intervals);
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("setting " + INTERVALS + " must list at least one interval");
        }
        if (!(tradingDaysPerYear >= 1 && tradingDaysPerYear <= 366)) {
            throw new IllegalArgumentException("setting " + TRADING_DAYS + " must be in [1, 366], got " + tradingDaysPerYear);
        }
        if (!(sessionSeconds >= 60 && sessionSeconds <= 86_400)) {
            throw new IllegalArgumentException("setting " + SESSION_SECONDS + " must be in [60, 86400], got " + sessionSeconds);
        }
        if (maxSeriesLength < 1 || maxSeriesLength > 10_000_000) {
            throw new IllegalArgumentException("setting " + MAX_SERIES_LENGTH + " must be in [1, 10000000], got " + maxSeriesLength);
        }
        if (maxBatchSymbols < 1) {
            throw new IllegalArgumentException("setting " + MAX_BATCH_SYMBOLS + " must be >= 1, got " + maxBatchSymbols);
        }
    }

    /** Reads and validates the settings; a bad value fails naming its key. */
    public static FeaturesSettings from(EngineConfig config) {
        List<BarInterval> intervals = new ArrayList<>();
        for (String label : config.string(INTERVALS, "1m,1d").split(",")) {
            if (!label.isBlank()) {
                try {
                    intervals.add(BarInterval.parse(label));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("setting " + INTERVALS + ": " + e.getMessage(), e);
                }
            }
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(config.string(SESSION_ZONE, "UTC"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("setting " + SESSION_ZONE + " must be a time zone id such as UTC or"
                    + " America/New_York, got '" + config.string(SESSION_ZONE, "") + "'", e);
        }
        return new FeaturesSettings(intervals, zone, config.number(TRADING_DAYS, 252), config.number(SESSION_SECONDS, 23_400),
                config.integer(MAX_SERIES_LENGTH, 100_000), config.integer(MAX_BATCH_SYMBOLS, 500));
    }

    /** Defaults (no settings). */
    public static FeaturesSettings defaults() {
        return from(EngineConfig.empty());
    }

    /** Bars per year of each configured interval, by label. */
    public Map<String, Double> periodsPerYear() {
        var out = new LinkedHashMap<String, Double>();
        for (BarInterval i : intervals) {
            out.put(i.label(), i.periodsPerYear(tradingDaysPerYear, sessionSeconds));
        }
        return out;
    }
}
