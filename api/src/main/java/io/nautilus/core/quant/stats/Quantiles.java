package io.nautilus.core.quant.stats;

import java.util.Arrays;

/**
 * Sample quantiles and the lower-tail mean (the empirical expected shortfall) under a named
 * {@link QuantileDefinition}.
 *
 * <p>Callers needing several quantiles of one series sort it once with {@link #sortedCopy} and read each with
 * {@link QuantileDefinition#ofSorted}; {@link #quantile} copies and sorts on every call. Stateless and thread-safe.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /** A sorted (ascending) copy of {@code x}; at least one value, all finite. {@code x} is left unchanged. */
    public static double[] sortedCopy(double[] x) {
        SeriesChecks.requireFinite(x, "x", 1);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** The {@code p}-quantile of unsorted {@code x} under {@code definition} (copies and sorts {@code x}). */
    public static double quantile(double[] x, double p, QuantileDefinition definition) {
        return definition.ofSorted(sortedCopy(x), p);
    }

    /**
     * The mean of the {@code k = max(1, ceil(n p))} smallest values: the average of the observations at or below
     * the {@link QuantileDefinition#TYPE_1_LOWER_EMPIRICAL type 1} {@code p}-quantile, counted as order statistics
     * (ties at the quantile enter only up to {@code k}). This is the historical expected shortfall (CVaR) of a
     * return series at confidence {@code 1 - p}, reported here as a return (negative for a loss).
     *
     * @param sortedAscending at least one finite value, sorted ascending (not re-checked)
     * @param p tail probability in [0, 1]
     */
    public static double lowerTailMean(double[] sortedAscending, double p) {
        requireProbability(p);
        if (sortedAscending == null || sortedAscending.length == 0) {
            throw new IllegalArgumentException("sortedAscending is empty; a tail mean needs at least 1 value");
        }
        int k = Math.max(1, (int) Math.ceil(sortedAscending.length * p));
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += sortedAscending[i];
        }
        return sum / k;
    }

    static void requireProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p is " + p + ", must be in [0, 1]");
        }
    }
}
