package io.nautilus.engine.analytics.metrics;

import io.nautilus.core.quant.stats.SeriesChecks;
import java.util.OptionalDouble;

/**
 * The Omega ratio (Keating and Shadwick 2002) of returns at a threshold {@code L}, in its discrete empirical form:
 * {@code sum(max(r - L, 0)) / sum(max(L - r, 0))}, the probability-weighted gains over the probability-weighted
 * losses relative to {@code L} (PerformanceAnalytics {@code Omega(method = "simple")}). Unitless; the threshold
 * is in the returns' units and period. Stateless and thread-safe.
 */
public final class OmegaRatio {

    private OmegaRatio() {
    }

    /**
     * @param returns per-period returns, at least one, all finite
     * @param threshold per-period threshold return {@code L}
     * @return the ratio, empty when no return falls below the threshold
     */
    public static OptionalDouble of(double[] returns, double threshold) {
        SeriesChecks.requireFinite(returns, "returns", 1);
        SeriesChecks.requireFinite(threshold, "threshold");
        double gains = 0;
        double losses = 0;
        for (double r : returns) {
            double excess = r - threshold;
            if (excess > 0) {
                gains += excess;
            } else {
                losses -= excess;
            }
        }
        return losses == 0 ? OptionalDouble.empty() : OptionalDouble.of(gains / losses);
    }
}
