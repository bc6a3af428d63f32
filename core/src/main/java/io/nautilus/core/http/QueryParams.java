package io.nautilus.core.http;

import io.javalin.http.Context;
import io.nautilus.core.model.Checks;
import io.nautilus.core.model.WireName;
import io.nautilus.core.model.WireNames;

import java.util.Locale;

/**
 * Typed query parameters, read the same way by every route: absent or blank is the fallback; anything that is not
 * a value of the type and range is a 400 problem naming the parameter (with the bad value cut to
 * {@link Checks#MAX_ECHO} characters). Stateless.
 */
public final class QueryParams {
    private QueryParams() {
    }

    private static String raw(Context c, String name) {
        String raw = c.queryParam(name);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    /** An integer in [min, max]. */
    public static int intParam(Context c, String name, int fallback, int min, int max) {
        return (int) longParam(c, name, fallback, min, max);
    }

    /** A long in [min, max]. */
    public static long longParam(Context c, String name, long fallback, long min, long max) {
        String raw = raw(c, name);
        if (raw == null) {
            return fallback;
        }
        long v;
        try {
            v = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ProblemException.badField(name, "must be a whole number, got '" + Checks.shorten(raw) + "'");
        }
        if (v < min || v > max) {
            throw ProblemException.badField(name, "must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    /** A finite number in [min, max]. */
    public static double doubleParam(Context c, String name, double fallback, double min, double max) {
        String raw = raw(c, name);
        if (raw == null) {
            return fallback;
        }
        double v;
        try {
            v = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            throw ProblemException.badField(name, "must be a finite number, got '" + Checks.shorten(raw) + "'");
        }
        if (v < min || v > max) {
            throw ProblemException.badField(name, "must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    /** {@code true} or {@code false} in any case; absent is {@code null}. */
    public static Boolean booleanParam(Context c, String name) {
        String raw = raw(c, name);
        if (raw == null) {
            return null;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badField(name, "must be true or false, got '" + Checks.shorten(raw) + "'");
        };
    }

    /** {@code true} or {@code false} in any case, else the fallback when absent. */
    public static boolean booleanParam(Context c, String name, boolean fallback) {
        Boolean v = booleanParam(c, name);
        return v == null ? fallback : v;
    }

    /** A {@link WireName} enum by its wire name (see {@link WireNames#parse}). */
    public static <E extends Enum<E> & WireName> E enumParam(Context c, String name, Class<E> type, E fallback) {
        String raw = raw(c, name);
        if (raw == null) {
            return fallback;
        }
        try {
            return WireNames.parse(type, name, raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, e.getMessage().substring(name.length() + 1));
        }
    }

    /** An instrument symbol, upper-cased ({@link Checks#symbol}); absent is the fallback. */
    public static String symbolParam(Context c, String name, String fallback) {
        String raw = raw(c, name);
        if (raw == null) {
            return fallback;
        }
        try {
            return Checks.symbol(name, raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, e.getMessage().substring(name.length() + 1));
        }
    }

    /** An id ({@link Checks#id}); absent is the fallback. */
    public static String idParam(Context c, String name, String fallback) {
        String raw = raw(c, name);
        if (raw == null) {
            return fallback;
        }
        try {
            return Checks.id(name, raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, e.getMessage().substring(name.length() + 1));
        }
    }
}
