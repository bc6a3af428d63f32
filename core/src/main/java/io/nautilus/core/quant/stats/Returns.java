package io.nautilus.core.quant.stats;

/**
 * Simple per-period returns of a price or wealth series: {@code x[i] / x[i - 1] - 1} as fractions, one fewer than
 * the values (none for fewer than two), not annualized. The values must be finite (checked) and positive for the
 * returns to be finite (the caller's domain check: a wealth curve may legitimately cross zero, prices may not).
 * Stateless and thread-safe.
 */
public final class Returns {

    private Returns() {
    }

    /** {@code values.length - 1} simple returns (an empty array for fewer than two values). */
    public static double[] simple(double[] values) {
        SeriesChecks.requireFinite(values, "values", 0);
        double[] r = new double[Math.max(0, values.length - 1)];
        for (int i = 1; i < values.length; i++) {
            r[i - 1] = values[i] / values[i - 1] - 1;
        }
        return r;
    }
}
