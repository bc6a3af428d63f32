package io.nautilus.core.quant.stats;

/**
 * How a sample quantile is read from sorted data, named by its Hyndman-Fan (1996) type.
 *
 * <p>With {@code x(1) <= ... <= x(n)} the sorted sample and {@code p} in [0, 1]:
 * <ul>
 *   <li>{@link #TYPE_1_LOWER_EMPIRICAL}: {@code x(k)} with {@code k = max(1, ceil(n p))}, the inverse of the
 *       empirical distribution function; always an observed value. The order statistic of historical VaR
 *       (R {@code quantile(type = 1)}, numpy {@code method="inverted_cdf"}, commons-math
 *       {@code EstimationType.R_1}).</li>
 *   <li>{@link #TYPE_7_LINEAR}: {@code h = (n - 1) p}, linear interpolation between {@code x(floor(h) + 1)} and
 *       {@code x(floor(h) + 2)}; the default of R {@code quantile}, numpy {@code percentile} and Excel
 *       {@code PERCENTILE.INC} (commons-math {@code EstimationType.R_7}).</li>
 * </ul>
 * {@code n p} is computed in double precision, as numpy and R do.
 *
 * <p>Immutable and thread-safe.
 */
public enum QuantileDefinition {

    /** Hyndman-Fan type 1: the inverse empirical CDF, {@code x(max(1, ceil(n p)))}. */
    TYPE_1_LOWER_EMPIRICAL {
        @Override
        double read(double[] sorted, double p) {
            int k = (int) Math.ceil(sorted.length * p);
            return sorted[Math.max(k, 1) - 1];
        }
    },

    /** Hyndman-Fan type 7: linear interpolation at {@code h = (n - 1) p} (0-based). */
    TYPE_7_LINEAR {
        @Override
        double read(double[] sorted, double p) {
            double h = (sorted.length - 1) * p;
            int lo = (int) Math.floor(h);
            if (lo >= sorted.length - 1) {
                return sorted[sorted.length - 1];
            }
            return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
        }
    };

    /**
     * The {@code p}-quantile of data already sorted ascending (use {@link Quantiles#sortedCopy}); the order is
     * not re-checked, so unsorted input gives a meaningless answer.
     *
     * @param sortedAscending at least one finite value, sorted ascending
     * @param p probability in [0, 1]
     */
    public double ofSorted(double[] sortedAscending, double p) {
        Quantiles.requireProbability(p);
        if (sortedAscending == null || sortedAscending.length == 0) {
            throw new IllegalArgumentException("sortedAscending is empty; a quantile needs at least 1 value");
        }
        return read(sortedAscending, p);
    }

    abstract double read(double[] sorted, double p);
}
