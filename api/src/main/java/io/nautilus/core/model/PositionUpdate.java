package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.finite;
import static io.nautilus.core.model.Checks.nonNegative;
import static io.nautilus.core.model.Checks.notBlank;
import static io.nautilus.core.model.Checks.validSymbol;
import static io.nautilus.core.model.Checks.timestamp;

/**
 * A position after a change. Published on {@code position.<portfolio>}. Immutable and thread-safe.
 *
 * @param portfolioId owning portfolio
 * @param symbol      instrument symbol
 * @param quantity    signed units (negative = short); 0 when closed
 * @param averageCost average cost per unit of the open quantity, &gt;= 0 (0 when flat)
 * @param realizedPnl realized P&amp;L of this position to date, in currency (FIFO lots)
 * @param lastPrice   last mark price, &gt;= 0 (0 when unknown)
 * @param tsNanos     time of the change, epoch nanoseconds
 */
public record PositionUpdate(String portfolioId, String symbol, double quantity, double averageCost,
                             double realizedPnl, double lastPrice, long tsNanos) {
    public PositionUpdate {
        notBlank("portfolio_id", portfolioId);
        validSymbol("symbol", symbol);
        finite("quantity", quantity);
        nonNegative("average_cost", averageCost);
        finite("realized_pnl", realizedPnl);
        nonNegative("last_price", lastPrice);
        timestamp("ts_nanos", tsNanos);
    }

    /** Signed market value at {@code lastPrice}. */
    public double marketValue() {
        return quantity * lastPrice;
    }
}
