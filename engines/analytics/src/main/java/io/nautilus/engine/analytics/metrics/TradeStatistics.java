package io.nautilus.engine.analytics.metrics;

import io.nautilus.core.quant.stats.SeriesChecks;
import java.util.OptionalDouble;

/**
 * Statistics of closed trades: count, win/loss figures ({@link WinLossStatistics} over the per-trade P&amp;L, in
 * the order given, which should be the order of exit) and the average holding time.
 *
 * <p>Times are in any one unit the caller chooses (epoch milliseconds, bar indices); the average holding time,
 * {@code mean(exitTime - entryTime)}, is in that unit. Immutable and thread-safe.
 *
 * @param outcomes win/loss statistics of the trade P&amp;L (its {@code count()} is the trade count)
 * @param averageHoldingTime mean of {@code exitTime - entryTime}; empty without trades
 */
public record TradeStatistics(WinLossStatistics outcomes, OptionalDouble averageHoldingTime) {

    public TradeStatistics {
        if (outcomes == null || averageHoldingTime == null) {
            throw new IllegalArgumentException("outcomes and averageHoldingTime must not be null");
        }
    }

    /**
     * Statistics of the trades {@code i = 0..n-1}, each with P&amp;L {@code pnl[i]} held from {@code entryTimes[i]} to
     * {@code exitTimes[i]}.
     *
     * @param pnl realized profit or loss per trade, finite, in account currency or as a return
     * @param entryTimes entry time per trade
     * @param exitTimes exit time per trade, each {@code >=} its entry time
     */
    public static TradeStatistics of(double[] pnl, long[] entryTimes, long[] exitTimes) {
        SeriesChecks.requireFinite(pnl, "pnl", 0);
        if (entryTimes == null || exitTimes == null
                || entryTimes.length != pnl.length || exitTimes.length != pnl.length) {
            throw new IllegalArgumentException("pnl, entry_times and exit_times must have the same length, got "
                    + pnl.length + ", " + (entryTimes == null ? "null" : entryTimes.length) + " and "
                    + (exitTimes == null ? "null" : exitTimes.length));
        }
        double totalHolding = 0;
        for (int i = 0; i < pnl.length; i++) {
            if (exitTimes[i] < entryTimes[i]) {
                throw new IllegalArgumentException("exit_times[" + i + "] is " + exitTimes[i]
                        + ", before entry_times[" + i + "] " + entryTimes[i]);
            }
            totalHolding += (double) (exitTimes[i] - entryTimes[i]);
        }
        OptionalDouble averageHolding = pnl.length == 0
                ? OptionalDouble.empty() : OptionalDouble.of(totalHolding / pnl.length);
        return new TradeStatistics(WinLossStatistics.of(pnl, "pnl"), averageHolding);
    }

    /** Number of trades. */
    public int count() {
        return outcomes.count();
    }
}
