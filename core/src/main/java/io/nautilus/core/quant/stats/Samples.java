package io.nautilus.core.quant.stats;

/** Argument checks shared by the statistics in this package. */
final class Samples {

    private Samples() {
    }

    /**
     * Rejects a null array, one shorter than {@code minLength}, or one holding NaN or an infinity.
     *
     * @param name the argument name used in the exception message, e.g. {@code "x"}
     */
    static void requireFinite(double[] values, String name, int minLength) {
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

    /** Rejects two arrays of different lengths (after each has passed {@link #requireFinite}). */
    static void requireSameLength(double[] x, String xName, double[] y, String yName) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(xName + " has " + x.length + " values and " + yName + " has "
                    + y.length + "; they must be the same length");
        }
    }
}
