package io.nautilus.core.quant.stats;

/**
 * Argument checks for numeric series, shared by the statistics here and by their callers so that every
 * rejection names the field and index the same way ({@code "returns[17] is NaN, must be finite"}).
 * Stateless and thread-safe.
 */
public final class SeriesChecks {

    private SeriesChecks() {
    }

    /**
     * Rejects a null array, one shorter than {@code minLength}, or one holding NaN or an infinity.
     *
     * @param name the argument name used in the exception message, e.g. {@code "x"}
     */
    public static void requireFinite(double[] values, String name, int minLength) {
        if (values == null) {
            throw new IllegalArgumentException(name + " is null; pass an array of at least " + minLength + " values");
        }
        if (values.length < minLength) {
            throw new IllegalArgumentException(
                    name + " has " + values.length + " values, needs at least " + minLength);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i] + ", must be finite");
            }
        }
    }

    /** Rejects a NaN or infinite scalar argument. */
    public static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + ", must be finite");
        }
    }

    /** Rejects two arrays of different lengths (after each has passed {@link #requireFinite}). */
    public static void requireSameLength(double[] x, String xName, double[] y, String yName) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(xName + " has " + x.length + " values and " + yName + " has "
                    + y.length + "; they must be the same length");
        }
    }

    /**
     * Rejects what {@link #requireFinite} rejects and any value below -1: simple returns are fractions
     * ({@code 0.01} = +1%) and -1 is a total loss.
     */
    public static void requireSimpleReturns(double[] returns, String name, int minLength) {
        requireFinite(returns, name, minLength);
        for (int i = 0; i < returns.length; i++) {
            if (returns[i] < -1) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + returns[i]
                        + ", must be >= -1 (simple returns as fractions: -1 is a total loss)");
            }
        }
    }
}
