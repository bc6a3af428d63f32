package io.nautilus.core.quant.stats;

import java.util.OptionalInt;

/**
 * The maximum drawdown of a wealth curve: its depth, where it started, bottomed and recovered, and how long it took.
 *
 * <p>Positions are indices on the wealth curve. For {@link #ofReturns(double[])} the curve is
 * {@link Drawdowns#wealth}: position 0 is the initial wealth and position {@code t} the wealth after the
 * {@code t}-th return, so a difference of positions is a number of periods.
 * <ul>
 *   <li>{@code depth}: {@code 1 - W[trough] / W[peak]}, a fraction in [0, 1] (0.25 = a 25% loss from the peak).
 *       The deepest drawdown; on ties the first one.</li>
 *   <li>{@code peakPosition}: the last position at the running peak before the trough.</li>
 *   <li>{@code recoveryPosition}: the first position after the trough where wealth is back at or above the peak
 *       wealth; empty when the curve ends under water.</li>
 *   <li>{@link #durationPeriods()}: peak to recovery, or peak to the end of the curve when not recovered.</li>
 * </ul>
 * A curve that never falls below its running peak has depth 0 and peak, trough and recovery at position 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param depth loss from peak to trough as a positive fraction in [0, 1]
 * @param peakPosition position of the peak the drawdown is measured from
 * @param troughPosition position of the lowest wealth
 * @param recoveryPosition first position after the trough at or above the peak wealth, if any
 * @param lastPosition last position of the curve (its length minus one)
 */
public record MaxDrawdown(double depth, int peakPosition, int troughPosition, OptionalInt recoveryPosition,
                          int lastPosition) {

    public MaxDrawdown {
        if (!(depth >= 0 && depth <= 1)) {
            throw new IllegalArgumentException("depth is " + depth + ", must be in [0, 1]");
        }
        if (peakPosition < 0 || troughPosition < peakPosition || lastPosition < troughPosition) {
            throw new IllegalArgumentException("positions must satisfy 0 <= peak <= trough <= last, got peak "
                    + peakPosition + ", trough " + troughPosition + ", last " + lastPosition);
        }
        if (recoveryPosition == null) {
            throw new IllegalArgumentException("recoveryPosition is null; use OptionalInt.empty() if not recovered");
        }
        if (recoveryPosition.isPresent()
                && (recoveryPosition.getAsInt() < troughPosition || recoveryPosition.getAsInt() > lastPosition)) {
            throw new IllegalArgumentException("recoveryPosition " + recoveryPosition.getAsInt()
                    + " must be in [trough " + troughPosition + ", last " + lastPosition + "]");
        }
    }

    /** Maximum drawdown of compounded simple returns (each finite, {@code >= -1}; at least one). */
    public static MaxDrawdown ofReturns(double[] returns) {
        return scan(Drawdowns.wealth(returns));
    }

    /** Maximum drawdown of a wealth or price curve (values {@code >= 0}, the first {@code > 0}). */
    public static MaxDrawdown ofWealth(double[] wealth) {
        Drawdowns.requireWealth(wealth);
        return scan(wealth);
    }

    private static MaxDrawdown scan(double[] wealth) {
        int last = wealth.length - 1;
        double peak = wealth[0];
        int peakAt = 0;
        double deepest = 0;
        int deepestPeakAt = 0;
        int troughAt = 0;
        for (int t = 0; t <= last; t++) {
            if (wealth[t] >= peak) {
                peak = wealth[t];
                peakAt = t;
            } else {
                double depth = 1 - wealth[t] / peak;
                if (depth > deepest) {
                    deepest = depth;
                    deepestPeakAt = peakAt;
                    troughAt = t;
                }
            }
        }
        if (deepest == 0) {
            return new MaxDrawdown(0, 0, 0, OptionalInt.of(0), last);
        }
        OptionalInt recovery = OptionalInt.empty();
        for (int t = troughAt + 1; t <= last; t++) {
            if (wealth[t] >= wealth[deepestPeakAt]) {
                recovery = OptionalInt.of(t);
                break;
            }
        }
        return new MaxDrawdown(Math.min(deepest, 1), deepestPeakAt, troughAt, recovery, last);
    }

    /** Periods from the peak to the trough. */
    public int declinePeriods() {
        return troughPosition - peakPosition;
    }

    /** Periods from the trough back to the peak wealth; empty when not recovered. */
    public OptionalInt recoveryPeriods() {
        return recoveryPosition.isPresent()
                ? OptionalInt.of(recoveryPosition.getAsInt() - troughPosition) : OptionalInt.empty();
    }

    /** Periods from the peak to the recovery, or to the end of the curve when the drawdown is not recovered. */
    public int durationPeriods() {
        return recoveryPosition.orElse(lastPosition) - peakPosition;
    }

    /** Whether wealth returned to the peak before the end of the curve. */
    public boolean isRecovered() {
        return recoveryPosition.isPresent();
    }
}
