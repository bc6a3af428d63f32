package io.nautilus.core.quant.stats;

import java.util.OptionalDouble;

/**
 * The first four moments of a sample, from which mean, variance, standard deviation, skewness and excess kurtosis
 * are read under explicitly named estimators.
 *
 * <p>Computed in two passes over the data (the mean, then the sums of the 2nd, 3rd and 4th powers of the deviations
 * from it), which avoids the cancellation of one-pass raw-moment formulas. Units are those of the data: for
 * per-period returns as fractions, the mean and standard deviation are per-period fractions (not annualized).
 *
 * <p>Estimators, with {@code d = x - mean} and {@code m_k = sum(d^k) / n}:
 * <ul>
 *   <li>{@code populationVariance = m_2}; {@code sampleVariance = sum(d^2) / (n - 1)} (Bessel-corrected; numpy
 *       {@code ddof=1}, R {@code var}, commons-math {@code Variance}).</li>
 *   <li>{@code populationSkewness = g1 = m_3 / m_2^1.5} (scipy {@code skew(bias=True)}, R e1071 type 1);
 *       {@code sampleSkewness = G1 = g1 * sqrt(n (n - 1)) / (n - 2)}, the adjusted Fisher-Pearson coefficient
 *       (Excel {@code SKEW}, scipy {@code bias=False}, commons-math {@code Skewness}).</li>
 *   <li>{@code populationExcessKurtosis = g2 = m_4 / m_2^2 - 3}; {@code sampleExcessKurtosis =
 *       G2 = ((n + 1) g2 + 6) (n - 1) / ((n - 2)(n - 3))} (Excel {@code KURT}, scipy {@code bias=False},
 *       commons-math {@code Kurtosis}).</li>
 * </ul>
 * Skewness and kurtosis are empty when the sample is too short for the estimator or has zero variance.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count number of observations, at least 1
 * @param mean arithmetic mean
 * @param sumSquaredDeviations {@code sum((x - mean)^2)}
 * @param sumCubedDeviations {@code sum((x - mean)^3)}
 * @param sumFourthPowerDeviations {@code sum((x - mean)^4)}
 */
public record Moments(int count, double mean, double sumSquaredDeviations, double sumCubedDeviations,
                      double sumFourthPowerDeviations) {

    public Moments {
        if (count < 1) {
            throw new IllegalArgumentException("count is " + count + ", must be >= 1");
        }
        if (!(sumSquaredDeviations >= 0) || !(sumFourthPowerDeviations >= 0)) {
            throw new IllegalArgumentException("even-power deviation sums must be >= 0, got "
                    + sumSquaredDeviations + " and " + sumFourthPowerDeviations);
        }
    }

    /** Moments of all values of {@code x} (at least one, all finite). */
    public static Moments of(double[] x) {
        SeriesChecks.requireFinite(x, "x", 1);
        int n = x.length;
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / n;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (double v : x) {
            double d = v - mean;
            double d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }
        return new Moments(n, mean, s2, s3, s4);
    }

    /** {@code sum((x - mean)^2) / n}. */
    public double populationVariance() {
        return sumSquaredDeviations / count;
    }

    /** {@code sqrt(populationVariance())}. */
    public double populationStandardDeviation() {
        return Math.sqrt(populationVariance());
    }

    /**
     * {@code sum((x - mean)^2) / (n - 1)}.
     *
     * @throws IllegalStateException when there is only one observation
     */
    public double sampleVariance() {
        if (count < 2) {
            throw new IllegalStateException("sample variance needs at least 2 observations, has " + count);
        }
        return sumSquaredDeviations / (count - 1);
    }

    /**
     * {@code sqrt(sampleVariance())}.
     *
     * @throws IllegalStateException when there is only one observation
     */
    public double sampleStandardDeviation() {
        return Math.sqrt(sampleVariance());
    }

    /** {@code g1 = m_3 / m_2^1.5}; empty when the variance is zero. */
    public OptionalDouble populationSkewness() {
        double m2 = sumSquaredDeviations / count;
        if (m2 == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(sumCubedDeviations / count / (m2 * Math.sqrt(m2)));
    }

    /** {@code G1 = g1 * sqrt(n (n - 1)) / (n - 2)}; empty when {@code n < 3} or the variance is zero. */
    public OptionalDouble sampleSkewness() {
        if (count < 3) {
            return OptionalDouble.empty();
        }
        double n = count;
        OptionalDouble g1 = populationSkewness();
        return g1.isEmpty() ? g1 : OptionalDouble.of(g1.getAsDouble() * Math.sqrt(n * (n - 1)) / (n - 2));
    }

    /** {@code g2 = m_4 / m_2^2 - 3}; empty when the variance is zero. */
    public OptionalDouble populationExcessKurtosis() {
        double m2 = sumSquaredDeviations / count;
        if (m2 == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(sumFourthPowerDeviations / count / (m2 * m2) - 3);
    }

    /**
     * {@code G2 = ((n + 1) g2 + 6) (n - 1) / ((n - 2)(n - 3))}; empty when {@code n < 4} or the variance is zero.
     */
    public OptionalDouble sampleExcessKurtosis() {
        if (count < 4) {
            return OptionalDouble.empty();
        }
        double n = count;
        OptionalDouble g2 = populationExcessKurtosis();
        return g2.isEmpty() ? g2
                : OptionalDouble.of(((n + 1) * g2.getAsDouble() + 6) * (n - 1) / ((n - 2) * (n - 3)));
    }
}
