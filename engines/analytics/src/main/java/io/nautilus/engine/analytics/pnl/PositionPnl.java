package io.nautilus.engine.analytics.pnl;

/**
 * The mutable P&amp;L state of one position inside a {@link PnlLedger}: signed quantity, average cost, realized
 * P&amp;L, fees and the last mark. Average-cost convention (see {@link PnlLedger}). Amounts in the instrument's
 * currency.
 *
 * <p>Not thread-safe: owned by the ledger's single thread. Read it through {@link PositionSnapshot}.
 */
final class PositionPnl {
    final String portfolioId;
    final String symbol;
    final PortfolioBook portfolio;
    double quantity;
    double averageCost;
    double realized;
    double fees;
    double mark;
    long updatedNanos;
    /** {@link PortfolioBook#generation} of the last state that held this position. */
    int generation;

    PositionPnl(PortfolioBook portfolio, String symbol, double mark) {
        this.portfolio = portfolio;
        this.portfolioId = portfolio.portfolioId;
        this.symbol = symbol;
        this.mark = mark;
    }

    /**
     * Applies a fill of {@code signedQuantity} units at {@code price}: adds to the position at a new average cost,
     * or closes (part of) it realizing {@code closed * (price - averageCost) * sign(position)}; a fill that crosses
     * zero opens the remainder at {@code price}.
     */
    void fill(double signedQuantity, double price, double commission, long tsNanos) {
        double q = quantity;
        if (q == 0 || Math.signum(q) == Math.signum(signedQuantity)) {
            double size = Math.abs(q) + Math.abs(signedQuantity);
            averageCost = (Math.abs(q) * averageCost + Math.abs(signedQuantity) * price) / size;
            quantity = q + signedQuantity;
        } else {
            double closed = Math.min(Math.abs(signedQuantity), Math.abs(q));
            realized += closed * (price - averageCost) * Math.signum(q);
            double after = q + signedQuantity;
            if (Math.abs(signedQuantity) > Math.abs(q)) {
                averageCost = price;
            } else if (Math.abs(after) < 1e-12 * Math.abs(q)) {
                after = 0;
                averageCost = 0;
            }
            quantity = after;
        }
        fees += commission;
        if (mark == 0) {
            mark = price;
        }
        updatedNanos = tsNanos;
    }

    /** Unrealized P&amp;L at the mark, {@code quantity * (mark - averageCost)}; 0 when flat. */
    double unrealized() {
        return quantity == 0 ? 0 : quantity * (mark - averageCost);
    }

    PositionSnapshot snapshot() {
        return new PositionSnapshot(portfolioId, symbol, quantity, averageCost, mark, realized, unrealized(), fees,
                updatedNanos);
    }
}
