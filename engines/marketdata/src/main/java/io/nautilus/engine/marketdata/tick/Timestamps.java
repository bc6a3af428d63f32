package io.nautilus.engine.marketdata.tick;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Normalizes the timestamps sources send to epoch nanoseconds (UTC). Accepted forms:
 * <ul>
 *   <li>ISO-8601: a date ({@code 1985-01-02}, midnight UTC), a date-time with offset or {@code Z}, or a local
 *       date-time (taken as UTC);</li>
 *   <li>a number, read by magnitude: below 10,000 a decimal year ({@code 1991.4962}: the year plus that
 *       fraction of its calendar length, as R's {@code time()} of a yearly-frequency series); below 1e11 epoch
 *       seconds; below 1e14 epoch milliseconds; below 1e17 epoch microseconds; else epoch nanoseconds.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /** Parses text; returns -1 when it is not a timestamp of one of the accepted forms. */
    public static long parse(String text) {
        if (text == null) {
            return -1;
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return -1;
        }
        char c0 = s.charAt(0);
        if (s.length() >= 10 && s.charAt(4) == '-' && Character.isDigit(c0)) {
            return parseIso(s);
        }
        try {
            return fromNumber(Double.parseDouble(s), s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Reads an integral epoch number by magnitude (seconds, ms, us or ns; see class doc); -1 when not after 1970. */
    public static long fromEpoch(long v) {
        if (v <= 0) {
            return -1;
        }
        if (v < 10_000) {
            return fromNumber(v, null);
        }
        if (v < 100_000_000_000L) {
            return v * 1_000_000_000L;
        }
        if (v < 100_000_000_000_000L) {
            return v * 1_000_000L;
        }
        if (v < 100_000_000_000_000_000L) {
            return v * 1_000L;
        }
        return v;
    }

    /** Reads a JSON number by magnitude (see class doc); -1 when not finite or not after 1970. */
    public static long fromNumber(double v) {
        return fromNumber(v, null);
    }

    private static long fromNumber(double v, String exact) {
        if (!Double.isFinite(v) || v <= 0) {
            return -1;
        }
        if (v < 10_000) {
            int year = (int) Math.floor(v);
            if (year < 1970) {
                return -1;
            }
            long start = LocalDate.of(year, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            double days = Year.of(year).length();
            return Math.round((start + (v - year) * days * 86_400.0) * 1e9);
        }
        if (v < 1e11) {
            return Math.round(v * 1e9);
        }
        if (v < 1e14) {
            return Math.round(v * 1e6);
        }
        if (v < 1e17) {
            return Math.round(v * 1e3);
        }
        if (exact != null && exact.indexOf('.') < 0 && exact.indexOf('e') < 0 && exact.indexOf('E') < 0) {
            return Long.parseLong(exact); // whole nanoseconds beyond double precision
        }
        return v < 9.2e18 ? (long) v : -1;
    }

    private static long parseIso(String s) {
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
            }
            Instant t;
            char last = s.charAt(s.length() - 1);
            if (last == 'Z' || last == 'z') {
                t = Instant.parse(s);
            } else if (s.length() > 19 && (s.charAt(s.length() - 6) == '+' || s.charAt(s.length() - 6) == '-')) {
                t = OffsetDateTime.parse(s).toInstant();
            } else {
                t = LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            }
            long nanos = t.getEpochSecond() * 1_000_000_000L + t.getNano();
            return nanos > 0 ? nanos : -1;
        } catch (DateTimeParseException | ArithmeticException e) {
            return -1;
        }
    }
}
