package io.nautilus.engine.analytics.metrics;

import io.nautilus.core.quant.stats.SeriesChecks;
import java.util.OptionalDouble;

/**
 * Win/loss statistics of a sequence of outcomes: per-period returns, or per-trade profits and losses.
 *
 * <p>Conventions: a win is an outcome {@code > 0}, a loss one {@code < 0}; an outcome of exactly 0 is neither and
 * breaks both a winning and a losing streak. Rates divide by all outcomes, zeros included.
 * <ul>
 *   <li>{@code winRate = wins / count}, {@code lossRate = losses / count}</li>
 *   <li>{@code profitFactor = sumOfWins / |sumOfLosses|}, empty without losses</li>
 *   <li>{@code payoffRatio = averageWin / |averageLoss|}, empty without wins or without losses</li>
 *   <li>{@code expectancy = winRate * averageWin - lossRate * |averageLoss|}, which equals the mean outcome</li>
 * </ul>
 * Units are those of the outcomes (fractions for returns, currency for trade P&amp;L). Immutable and thread-safe.
 *
 * @param count number of outcomes
 * @param wins outcomes {@code > 0}
 * @param losses outcomes {@code < 0}
 * @param sumOfWins sum of the winning outcomes ({@code >= 0})
 * @param sumOfLosses sum of the losing outcomes ({@code <= 0})
 * @param maxConsecutiveWins longest run of wins
 * @param maxConsecutiveLosses longest run of losses
 */
public record WinLossStatistics(int count, int wins, int losses, double sumOfWins, double sumOfLosses,
                                int maxConsecutiveWins, int maxConsecutiveLosses) {

    public WinLossStatistics {
        if (count < 0 || wins < 0 || losses < 0 || wins + losses > count) {
            throw new IllegalArgumentException("counts must satisfy 0 <= wins + losses <= count, got wins " + wins
                    + ", losses " + losses + ", count " + count);
        }
        if (!(sumOfWins >= 0) || !(sumOfLosses <= 0)) {
            throw new IllegalArgumentException("sumOfWins must be >= 0 and sumOfLosses <= 0, got " + sumOfWins
                    + " and " + sumOfLosses);
        }
        if (maxConsecutiveWins > wins || maxConsecutiveLosses > losses
                || maxConsecutiveWins < 0 || maxConsecutiveLosses < 0) {
            throw new IllegalArgumentException("streaks must be within [0, wins] and [0, losses], got "
                    + maxConsecutiveWins + " and " + maxConsecutiveLosses);
        }
    }

    /**
     * Statistics of {@code outcomes} in order (any length, all finite).
     *
     * @param name the field name used in error messages, e.g. {@code "returns"} or {@code "pnl"}
     */
    public static WinLossStatistics of(double[] outcomes, String name) {
        SeriesChecks.requireFinite(outcomes, name, 0);
        int wins = 0;
        int losses = 0;
        double sumOfWins = 0;
        double sumOfLosses = 0;
        int winRun = 0;
        int lossRun = 0;
        int maxWinRun = 0;
        int maxLossRun = 0;
        for (double x : outcomes) {
            if (x > 0) {
                wins++;
                sumOfWins += x;
                winRun++;
                lossRun = 0;
                maxWinRun = Math.max(maxWinRun, winRun);
            } else if (x < 0) {
                losses++;
                sumOfLosses += x;
                lossRun++;
                winRun = 0;
                maxLossRun = Math.max(maxLossRun, lossRun);
            } else {
                winRun = 0;
                lossRun = 0;
            }
        }
        return new WinLossStatistics(outcomes.length, wins, losses, sumOfWins, sumOfLosses, maxWinRun, maxLossRun);
    }

    /** {@code wins / count}; empty without outcomes. */
    public OptionalDouble winRate() {
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) wins / count);
    }

    /** {@code losses / count}; empty without outcomes. */
    public OptionalDouble lossRate() {
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) losses / count);
    }

    /** Mean winning outcome ({@code > 0}); empty without wins. */
    public OptionalDouble averageWin() {
        return wins == 0 ? OptionalDouble.empty() : OptionalDouble.of(sumOfWins / wins);
    }

    /** Mean losing outcome ({@code < 0}); empty without losses. */
    public OptionalDouble averageLoss() {
        return losses == 0 ? OptionalDouble.empty() : OptionalDouble.of(sumOfLosses / losses);
    }

    /** {@code sumOfWins / |sumOfLosses|}; empty without losses. */
    public OptionalDouble profitFactor() {
        return losses == 0 ? OptionalDouble.empty() : OptionalDouble.of(sumOfWins / -sumOfLosses);
    }

    /** {@code averageWin / |averageLoss|}; empty without wins or without losses. */
    public OptionalDouble payoffRatio() {
        if (wins == 0 || losses == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((sumOfWins / wins) / (-sumOfLosses / losses));
    }

    /** Expected outcome per period or trade, {@code (sumOfWins + sumOfLosses) / count}; empty without outcomes. */
    public OptionalDouble expectancy() {
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of((sumOfWins + sumOfLosses) / count);
    }
}
