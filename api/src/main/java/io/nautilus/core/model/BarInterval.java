package io.nautilus.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar interval: a label ({@code 1s}, {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}, any {@code <n><s|m|h|d>})
 * and its length. Buckets are aligned on the Unix epoch, so minute and hour bars start on the minute and hour
 * and daily bars on UTC midnight. One definition for the engine that builds bars (Market Data publishes
 * {@code md.bar.<label>.<SYM>}) and the ones that subscribe to them (Features), so a label one accepts is a label
 * the other publishes. Immutable and thread-safe.
 *
 * @param label  the label used in topics ({@code md.bar.<label>.<SYM>}) and queries
 * @param nanos  length in nanoseconds, &gt; 0
 */
public record BarInterval(String label, long nanos) {
    private static final long SECOND = 1_000_000_000L;

    /** The default intervals: 1s, 1m, 5m, 1h, 1d. */
    public static final List<BarInterval> DEFAULTS = parseList("1s,1m,5m,1h,1d");

    /** Daily bars: the ones persisted. */
    public static final BarInterval DAILY = parse("1d");

    public BarInterval {
        if (nanos <= 0) {
            throw new IllegalArgumentException("interval length must be > 0 ns, got " + nanos);
        }
    }

    /** Parses a label like {@code 5m}: a positive count and one of s, m, h, d. */
    public static BarInterval parse(String label) {
        String l = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        if (l.length() < 2 || l.length() > 16) {
            throw new IllegalArgumentException("interval must look like 1s, 1m, 5m, 1h or 1d, got '" + Checks.shorten(label) + "'");
        }
        long unit = switch (l.charAt(l.length() - 1)) {
            case 's' -> SECOND;
            case 'm' -> 60 * SECOND;
            case 'h' -> 3600 * SECOND;
            case 'd' -> 86_400 * SECOND;
            default -> throw new IllegalArgumentException("interval unit must be s, m, h or d, got '" + Checks.shorten(label) + "'");
        };
        long count;
        try {
            count = Long.parseLong(l.substring(0, l.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("interval must be a count then a unit, like 5m, got '" + Checks.shorten(label) + "'");
        }
        if (count < 1 || count > 366) {
            throw new IllegalArgumentException("interval count must be in [1, 366], got '" + Checks.shorten(label) + "'");
        }
        return new BarInterval(count + l.substring(l.length() - 1), count * unit);
    }

    /** Parses a comma-separated list of labels. */
    public static List<BarInterval> parseList(String labels) {
        var out = new ArrayList<BarInterval>();
        for (String s : labels.split(",")) {
            if (!s.isBlank()) {
                out.add(parse(s));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("at least one bar interval is required, got '" + labels + "'");
        }
        return List.copyOf(out);
    }

    /** Start of the bucket holding {@code tsNanos}. */
    public long bucketStart(long tsNanos) {
        return Math.floorDiv(tsNanos, nanos) * nanos;
    }

    /** Length in whole seconds (at least 1: every label is a whole number of seconds). */
    public long seconds() {
        return nanos / SECOND;
    }

    /**
     * Bars of this interval per trading year, to annualize: intraday bars count only the trading session,
     * {@code tradingDaysPerYear x sessionSeconds / seconds} (US equities: 252 days of 23,400 seconds, so 98,280
     * one-minute bars); bars of whole days {@code tradingDaysPerYear / days}.
     *
     * @param tradingDaysPerYear trading days in a year, such as 252
     * @param sessionSeconds     length of one trading session in seconds, such as 23,400 (6.5 hours)
     */
    public double periodsPerYear(double tradingDaysPerYear, double sessionSeconds) {
        long day = 86_400;
        long s = seconds();
        if (s % day == 0) {
            return tradingDaysPerYear / (s / day);
        }
        return tradingDaysPerYear * sessionSeconds / s;
    }
}
