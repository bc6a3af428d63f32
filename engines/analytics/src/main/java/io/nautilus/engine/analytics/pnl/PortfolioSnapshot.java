package io.nautilus.engine.analytics.pnl;

import java.util.List;

/**
 * P&amp;L of one portfolio at a moment, with its positions. Amounts in currency. {@code equity = cash +
 * marketValue}: the portfolio's own cash (from the Portfolio engine's state, moved by the fills since) plus its
 * positions at the last marks; {@code totalReturn} is measured from the portfolio's own {@code initialCapital}.
 * Immutable and thread-safe.
 *
 * @param portfolioId    portfolio
 * @param initialCapital the portfolio's own capital at creation (its initial value), &gt;= 0
 * @param cash           cash now (negative for a leveraged book)
 * @param realized       realized P&amp;L of all positions, before fees
 * @param unrealized     unrealized P&amp;L at the last marks
 * @param fees           fees paid
 * @param marketValue    signed market value of the open positions at the last marks
 * @param equity         {@code cash + marketValue}
 * @param totalReturn    {@code equity / initialCapital - 1}, a fraction; {@code null} when the initial capital is 0
 * @param fromState      true when the book is reconciled to the Portfolio engine's state; false while it is built
 *                       from fills (or a restored sample) alone
 * @param tsNanos        snapshot time, epoch nanoseconds
 * @param positions      per-position P&amp;L, in order of first appearance
 */
public record PortfolioSnapshot(String portfolioId, double initialCapital, double cash, double realized,
                                double unrealized, double fees, double marketValue, double equity, Double totalReturn,
                                boolean fromState,
                                long tsNanos, List<PositionSnapshot> positions) {
    public PortfolioSnapshot {
        positions = List.copyOf(positions);
    }

    /** Net P&amp;L: {@code realized + unrealized - fees}. */
    public double net() {
        return realized + unrealized - fees;
    }

    /** {@code equity / initialCapital - 1}, or {@code null} when {@code initialCapital} is 0. */
    static Double totalReturn(double equity, double initialCapital) {
        return initialCapital > 0 ? equity / initialCapital - 1 : null;
    }
}
