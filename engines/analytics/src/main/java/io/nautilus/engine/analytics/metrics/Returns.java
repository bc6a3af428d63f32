package io.nautilus.engine.analytics.metrics;

/**
 * Simple per-period returns of a price or wealth series: {@code x[i] / x[i - 1] - 1}, one fewer than the values
 * (none for fewer than two). The input must be positive for the result to be finite; callers validate it.
 * Stateless and thread-safe.
 */
public final class Returns {

    private Returns() {
    }

    /** {@code values.length - 1} simple returns (an empty array for fewer than two values). */
    public static double[] simple(double[] values) {
        double[] r = new double[Math.max(0, values.length - 1)];
        for (int i = 1; i < values.length; i++) {
            r[i - 1] = values[i] / values[i - 1] - 1;
        }
        return r;
    }
}
