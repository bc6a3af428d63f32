package io.nautilus.engine.analytics.pnl;

import java.util.List;

/**
 * P&amp;L of one portfolio at a moment, with its positions. Amounts in currency; {@code equity = initialCapital +
 * realized + unrealized - fees} (cash plus market value when all trading is funded from the initial capital).
 * Immutable and thread-safe.
 *
 * @param portfolioId    portfolio
 * @param initialCapital starting capital the equity is measured from
 * @param realized       realized P&amp;L of all positions, before fees
 * @param unrealized     unrealized P&amp;L at the last marks
 * @param fees           fees paid
 * @param marketValue    signed market value of the open positions at the last marks
 * @param equity         {@code initialCapital + realized + unrealized - fees}
 * @param tsNanos        snapshot time, epoch nanoseconds
 * @param positions      per-position P&amp;L, in order of first appearance
 */
public record PortfolioSnapshot(String portfolioId, double initialCapital, double realized, double unrealized,
                                double fees, double marketValue, double equity, long tsNanos,
                                List<PositionSnapshot> positions) {
    public PortfolioSnapshot {
        positions = List.copyOf(positions);
    }

    /** Net P&amp;L: {@code realized + unrealized - fees}. */
    public double net() {
        return realized + unrealized - fees;
    }
}
