package io.nautilus.core.quant.stats;

import java.util.OptionalDouble;

/**
 * Joint second moments of two paired series {@code x} and {@code y}: covariance (sample and population), Pearson
 * correlation and the least-squares slope of {@code y} on {@code x} (the beta of {@code y} against {@code x}).
 *
 * <p>Two passes (means, then deviation cross-products). With {@code dx = x - mean(x)}, {@code dy = y - mean(y)}:
 * {@code populationCovariance = sum(dx dy) / n}, {@code sampleCovariance = sum(dx dy) / (n - 1)} (numpy
 * {@code cov} default, R {@code cov}, commons-math {@code Covariance} bias-corrected),
 * {@code correlation = sum(dx dy) / sqrt(sum(dx^2) sum(dy^2))} and {@code slope = sum(dx dy) / sum(dx^2)}; the
 * last two do not depend on the n vs n - 1 choice. Immutable and thread-safe.
 *
 * @param count number of pairs, at least 1
 * @param meanX mean of x
 * @param meanY mean of y
 * @param sumSquaredDeviationsX {@code sum(dx^2)}
 * @param sumSquaredDeviationsY {@code sum(dy^2)}
 * @param sumCrossDeviations {@code sum(dx dy)}
 */
public record CoMoments(int count, double meanX, double meanY, double sumSquaredDeviationsX,
                        double sumSquaredDeviationsY, double sumCrossDeviations) {

    public CoMoments {
        if (count < 1) {
            throw new IllegalArgumentException("count is " + count + ", must be >= 1");
        }
        if (!(sumSquaredDeviationsX >= 0) || !(sumSquaredDeviationsY >= 0)) {
            throw new IllegalArgumentException("squared deviation sums must be >= 0, got "
                    + sumSquaredDeviationsX + " and " + sumSquaredDeviationsY);
        }
    }

    /** Joint moments of the pairs {@code (x[i], y[i])}; same length, at least 1, all finite. */
    public static CoMoments of(double[] x, double[] y) {
        SeriesChecks.requireFinite(x, "x", 1);
        SeriesChecks.requireFinite(y, "y", 1);
        SeriesChecks.requireSameLength(x, "x", y, "y");
        int n = x.length;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < n; i++) {
            sumX += x[i];
            sumY += y[i];
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        return new CoMoments(n, meanX, meanY, sxx, syy, sxy);
    }

    /** {@code sum(dx dy) / n}. */
    public double populationCovariance() {
        return sumCrossDeviations / count;
    }

    /**
     * {@code sum(dx dy) / (n - 1)}.
     *
     * @throws IllegalStateException when there is only one pair
     */
    public double sampleCovariance() {
        if (count < 2) {
            throw new IllegalStateException("sample covariance needs at least 2 pairs, has " + count);
        }
        return sumCrossDeviations / (count - 1);
    }

    /** Pearson correlation; empty when either series is constant. */
    public OptionalDouble correlation() {
        if (sumSquaredDeviationsX == 0 || sumSquaredDeviationsY == 0) {
            return OptionalDouble.empty();
        }
        double r = sumCrossDeviations / Math.sqrt(sumSquaredDeviationsX * sumSquaredDeviationsY);
        return OptionalDouble.of(Math.max(-1, Math.min(1, r)));
    }

    /** Least-squares slope of y on x, {@code cov(x, y) / var(x)} (beta of y against x); empty when x is constant. */
    public OptionalDouble slope() {
        if (sumSquaredDeviationsX == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(sumCrossDeviations / sumSquaredDeviationsX);
    }
}
