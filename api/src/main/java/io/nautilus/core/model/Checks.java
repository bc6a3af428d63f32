package io.nautilus.core.model;

/**
 * Argument checks shared by the domain records. Each check names the offending field and the allowed range,
 * so that a message that reaches an HTTP client or a dead-letter topic says how to fix the input.
 *
 * <p>Stateless and thread-safe.
 */
public final class Checks {

    private Checks() {
    }

    /** Returns {@code value} if finite, else throws naming {@code field}. */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
        return value;
    }

    /** Returns {@code value} if finite and strictly positive. */
    public static double positive(String field, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** Returns {@code value} if finite and not negative. */
    public static double nonNegative(String field, double value) {
        if (!(Double.isFinite(value) && value >= 0)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** Returns {@code value} if in {@code [min, max]}. */
    public static double inRange(String field, double value, double min, double max) {
        if (!(Double.isFinite(value) && value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** Returns {@code value} if strictly positive. */
    public static long positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
        return value;
    }

    /** An epoch-nanosecond timestamp: after 1970 and before the year 2262 (the long range). */
    public static long timestamp(String field, long epochNanos) {
        if (epochNanos <= 0) {
            throw new IllegalArgumentException(field + " must be epoch nanoseconds > 0, got " + epochNanos);
        }
        return epochNanos;
    }

    /** Returns {@code value} if not null and not blank. */
    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** Returns {@code value} if not null. */
    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    /**
     * Symbols: 1-32 characters of ASCII letters, digits and {@code - _ / : ^ =} (the regex
     * {@code [A-Za-z0-9^=_:/\-]{1,32}}). No dots: a symbol is one token of a bus topic ({@code md.quote.BRK-B}), so
     * share classes are written with a dash. A character loop rather than a regex: every Quote, Trade and Bar
     * checks its symbol, and the loop is several times cheaper and allocates no Matcher.
     */
    private static boolean isSymbol(String value) {
        int n = value.length();
        if (n < 1 || n > 32) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '^'
                    || c == '=' || c == '_' || c == ':' || c == '/' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A symbol as it arrives from outside (a path, a query, a body, a file), in the one form the platform uses:
     * trimmed and upper-case (Market Data publishes {@code md.quote.AAPL} whether a feed said {@code aapl} or
     * {@code AAPL}, so every engine looks symbols up upper-case). Throws naming {@code field} if it is not a
     * well-formed symbol.
     */
    public static String symbol(String field, String raw) {
        notBlank(field, raw);
        return validSymbol(field, raw.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** Returns the symbol if it is a well-formed instrument symbol (see class doc). */
    public static String validSymbol(String field, String value) {
        notBlank(field, value);
        if (!isSymbol(value)) {
            throw new IllegalArgumentException(field + " must be 1-32 characters of letters, digits and - _ / : ^ = (no dots), got '"
                    + shorten(value) + "'");
        }
        return value;
    }

    /** The longest id the platform stores (portfolio, limit, order, strategy ids). */
    public static final int MAX_ID_LENGTH = 64;
    /** The longest display name the platform stores. */
    public static final int MAX_NAME_LENGTH = 200;
    /** How much of a bad value an error message echoes. */
    public static final int MAX_ECHO = 64;

    /**
     * An id that may be stored and used as one token of a bus topic ({@code fill.<portfolio>}): 1-64 characters of
     * ASCII letters, digits and {@code - _ :}. Throws naming {@code field} otherwise (echoing at most
     * {@value #MAX_ECHO} characters of the value).
     */
    public static String id(String field, String value) {
        notBlank(field, value);
        int n = value.length();
        boolean ok = n <= MAX_ID_LENGTH;
        for (int i = 0; ok && i < n; i++) {
            char c = value.charAt(i);
            ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == ':'
                    || c == '-';
        }
        if (!ok) {
            throw new IllegalArgumentException(field + " must be 1-" + MAX_ID_LENGTH
                    + " characters of letters, digits and - _ :, got '" + shorten(value) + "'");
        }
        return value;
    }

    /**
     * A display name: trimmed, 1-200 characters, no control characters (NUL, newlines, ...). Throws naming
     * {@code field} otherwise.
     */
    public static String name(String field, String value) {
        notBlank(field, value);
        String v = value.strip();
        if (v.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_NAME_LENGTH + " characters, got "
                    + v.length());
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw new IllegalArgumentException(field + " must not contain control characters");
            }
        }
        return v;
    }

    /**
     * A value cut for an error message: at most {@value #MAX_ECHO} characters, control characters replaced by
     * {@code ?}, and {@code ...} where it was cut.
     */
    public static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        int n = Math.min(value.length(), MAX_ECHO);
        var b = new StringBuilder(n + 3);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX_ECHO) {
            b.append("...");
        }
        return b.toString();
    }
}
