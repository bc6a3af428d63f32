package io.nautilus.engine.features.stream;

import java.util.regex.Pattern;

/**
 * A bar interval label ({@code 1s}, {@code 30s}, {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}, {@code 1w}) and
 * how many such bars make a trading year, used to annualize volatility features. Intraday bars count only the
 * trading session: {@code tradingDaysPerYear x sessionSeconds / barSeconds} (US equities: 252 days of 23,400
 * seconds, so 98,280 one-minute bars); daily bars {@code tradingDaysPerYear / n}; weekly bars {@code 52 / n}.
 * Immutable and thread-safe.
 *
 * @param label   the label as it appears in topics {@code md.bar.<label>.<SYM>}
 * @param seconds the bar length in seconds
 */
public record BarInterval(String label, long seconds) {

    private static final Pattern LABEL = Pattern.compile("([1-9][0-9]{0,5})([smhdw])");
    private static final long DAY = 86_400;

    public BarInterval {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("bar interval must be a count and a unit s, m, h, d or w (such as 1m,"
                    + " 5m, 1d), got '" + label + "'");
        }
        if (seconds <= 0) {
            throw new IllegalArgumentException("seconds must be > 0, got " + seconds);
        }
    }

    /** Parses a label such as {@code 5m}. */
    public static BarInterval parse(String label) {
        String l = label == null ? "" : label.trim();
        var m = LABEL.matcher(l);
        if (!m.matches()) {
            return new BarInterval(l, 1);
        }
        long count = Long.parseLong(m.group(1));
        long unit = switch (m.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3_600;
            case "d" -> DAY;
            default -> 7 * DAY;
        };
        return new BarInterval(l, count * unit);
    }

    /**
     * Bars of this interval per trading year.
     *
     * @param tradingDaysPerYear trading days in a year, such as 252
     * @param sessionSeconds     length of one trading session in seconds, such as 23,400 (6.5 hours)
     */
    public double periodsPerYear(double tradingDaysPerYear, double sessionSeconds) {
        if (seconds % (7 * DAY) == 0) {
            return 52.0 / (seconds / (7 * DAY));
        }
        if (seconds % DAY == 0) {
            return tradingDaysPerYear / (seconds / DAY);
        }
        return tradingDaysPerYear * sessionSeconds / seconds;
    }
}
