package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.nonNegative;
import static io.nautilus.core.model.Checks.notBlank;
import static io.nautilus.core.model.Checks.notNull;
import static io.nautilus.core.model.Checks.positive;
import static io.nautilus.core.model.Checks.validSymbol;
import static io.nautilus.core.model.Checks.timestamp;

/**
 * An execution of (part of) one of our orders. Published on {@code fill.<portfolio>} once durable.
 * Immutable and thread-safe.
 *
 * @param fillId      unique fill id
 * @param orderId     the order filled
 * @param portfolioId owning portfolio
 * @param symbol      instrument symbol
 * @param side        BUY or SELL
 * @param quantity    units filled, &gt; 0
 * @param price       execution price including slippage, &gt; 0
 * @param commission  fees paid in currency, &gt;= 0
 * @param tsNanos     execution time, epoch nanoseconds
 */
public record Fill(String fillId, String orderId, String portfolioId, String symbol, Side side, double quantity,
                   double price, double commission, long tsNanos) {
    public Fill {
        notBlank("fill_id", fillId);
        notBlank("order_id", orderId);
        notBlank("portfolio_id", portfolioId);
        validSymbol("symbol", symbol);
        notNull("side", side);
        positive("quantity", quantity);
        positive("price", price);
        nonNegative("commission", commission);
        timestamp("ts_nanos", tsNanos);
    }

    /** Signed quantity: +quantity for buys, -quantity for sells. */
    public double signedQuantity() {
        return side.sign() * quantity;
    }
}
