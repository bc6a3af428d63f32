package io.nautilus.engine.analytics.pnl;

/**
 * P&amp;L of one position at a moment, in the instrument's currency. Immutable and thread-safe.
 *
 * @param portfolioId  owning portfolio
 * @param symbol       instrument
 * @param quantity     signed units (negative = short), 0 when flat
 * @param averageCost  average cost per unit of the open quantity (0 when flat)
 * @param mark         last price seen (quote midpoint, trade price, or the last fill/position price)
 * @param realized     realized P&amp;L to date, before fees
 * @param unrealized   {@code quantity * (mark - averageCost)}
 * @param fees         commissions paid to date, &gt;= 0
 * @param updatedNanos time of the last fill or position update, epoch nanoseconds
 */
public record PositionSnapshot(String portfolioId, String symbol, double quantity, double averageCost, double mark,
                               double realized, double unrealized, double fees, long updatedNanos) {

    /** Net P&amp;L: {@code realized + unrealized - fees}. */
    public double net() {
        return realized + unrealized - fees;
    }
}
