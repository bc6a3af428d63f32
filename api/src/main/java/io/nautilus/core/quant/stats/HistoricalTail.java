package io.nautilus.core.quant.stats;

/**
 * The historical (empirical) loss tail of a sample of returns or P&amp;Ls at a confidence level: VaR as minus the
 * Hyndman-Fan type 1 lower quantile {@code x(k)} and ES as minus the mean of the {@code k} smallest values, with
 * {@code k = max(1, ceil(n p))} and {@code p = 1 - confidence} ({@link #tailProbability}). The one definition the
 * Risk engine's historical VaR and the Analytics engine's performance VaR/CVaR share. Immutable and thread-safe.
 *
 * @param valueAtRisk       minus the type 1 {@code p}-quantile (positive for a loss)
 * @param expectedShortfall minus the mean of the {@code k} smallest values
 * @param quantile          the {@code p}-quantile itself, a value of the sample
 */
public record HistoricalTail(double valueAtRisk, double expectedShortfall, double quantile) {

    /**
     * The tail probability {@code 1 - confidence}, rounded to 12 decimals so that {@code 1 - 0.99} is 0.01 and
     * {@code n p} is not pushed over an integer by binary floating point ({@code 1 - 0.95} is 0.050000000000000044,
     * and 1000 x (1 - 0.99) is 10.000000000000009: unrounded they would select one observation too far).
     */
    public static double tailProbability(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        return Math.rint((1.0 - confidence) * 1e12) / 1e12;
    }

    /** The tail of values already sorted ascending (at least one, finite; not re-checked). */
    public static HistoricalTail ofSorted(double[] sortedAscending, double confidence) {
        double p = tailProbability(confidence);
        double q = QuantileDefinition.TYPE_1_LOWER_EMPIRICAL.ofSorted(sortedAscending, p);
        return new HistoricalTail(-q, -Quantiles.lowerTailMean(sortedAscending, p), q);
    }

    /** The tail of {@code values} (at least one, finite), which are not modified. */
    public static HistoricalTail of(double[] values, double confidence) {
        return ofSorted(Quantiles.sortedCopy(values), confidence);
    }
}
