package io.nautilus.core.quant.indicator;

/**
 * One parameter of a catalog indicator: its name, default, inclusive range and whether it must be a whole
 * number. Immutable and thread-safe.
 *
 * @param name         parameter name as used in requests, such as {@code period}
 * @param defaultValue value used when a request omits the parameter
 * @param min          smallest allowed value (inclusive)
 * @param max          largest allowed value (inclusive)
 * @param integer      whether the value must be a whole number (periods, bar counts)
 * @param description  one line for a user: meaning and unit
 */
public record ParamSpec(String name, double defaultValue, double min, double max, boolean integer,
        String description) {

    public ParamSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be non-blank");
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("range of '" + name + "' must be finite with min <= max, was ["
                    + min + ", " + max + "]");
        }
        if (!(defaultValue >= min && defaultValue <= max)) {
            throw new IllegalArgumentException("default of '" + name + "' must lie in [" + min + ", " + max
                    + "], was " + defaultValue);
        }
    }

    static ParamSpec period(String name, int defaultValue, int min, String description) {
        return new ParamSpec(name, defaultValue, min, MAX_PERIOD, true, description);
    }

    static ParamSpec real(String name, double defaultValue, double min, double max, String description) {
        return new ParamSpec(name, defaultValue, min, max, false, description);
    }

    /** Largest accepted bar count for any period parameter. */
    public static final int MAX_PERIOD = 100_000;

    /**
     * Checks {@code value} against this parameter; the message names the indicator, the parameter and the
     * allowed range.
     */
    double validate(String indicator, double value) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException("parameter '" + name + "' of indicator '" + indicator
                    + "' must lie in [" + format(min) + ", " + format(max) + "], was " + value);
        }
        if (integer && value != Math.rint(value)) {
            throw new IllegalArgumentException("parameter '" + name + "' of indicator '" + indicator
                    + "' must be a whole number, was " + value);
        }
        return value;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
