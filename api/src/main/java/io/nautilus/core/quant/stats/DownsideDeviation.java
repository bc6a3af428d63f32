package io.nautilus.core.quant.stats;

/**
 * Downside deviation of returns below a threshold (the minimum acceptable return, MAR):
 * {@code sqrt(sum(min(x_i - threshold, 0)^2) / n)} over all {@code n} observations.
 *
 * <p>Convention: the denominator is the full sample size {@code n}, not the count of observations below the
 * threshold (Sortino and Price 1994; PerformanceAnalytics {@code DownsideDeviation(method = "full")}, empyrical
 * {@code downside_risk}). Units are those of the data and the threshold (per-period fractions for per-period
 * returns; not annualized). Stateless and thread-safe.
 */
public final class DownsideDeviation {

    private DownsideDeviation() {
    }

    /**
     * @param x at least one finite value
     * @param threshold the minimum acceptable return, same units and period as {@code x}
     */
    public static double of(double[] x, double threshold) {
        SeriesChecks.requireFinite(x, "x", 1);
        SeriesChecks.requireFinite(threshold, "threshold");
        double sum = 0;
        for (double v : x) {
            double shortfall = Math.min(v - threshold, 0);
            sum += shortfall * shortfall;
        }
        return Math.sqrt(sum / x.length);
    }
}
