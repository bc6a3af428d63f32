package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.notBlank;
import static io.nautilus.core.model.Checks.notNull;
import static io.nautilus.core.model.Checks.positive;
import static io.nautilus.core.model.Checks.validSymbol;
import static io.nautilus.core.model.Checks.timestamp;

/**
 * An order that wants to trade, before the risk check. Published on {@code order.intent}; answered on
 * {@code order.approved} or {@code order.rejected} with a {@link RiskDecision}. Immutable and thread-safe.
 *
 * @param orderId     unique order id
 * @param portfolioId owning portfolio
 * @param strategyId  originating strategy, or {@code "manual"} for orders entered over HTTP
 * @param symbol      instrument symbol
 * @param side        BUY or SELL
 * @param quantity    units, &gt; 0
 * @param type        MARKET or LIMIT
 * @param limitPrice  limit price &gt; 0 for LIMIT orders; NaN for MARKET orders
 * @param reduceOnly  true if the order may only reduce an existing position
 * @param tsNanos     creation time, epoch nanoseconds
 */
public record OrderIntent(String orderId, String portfolioId, String strategyId, String symbol, Side side,
                          double quantity, OrderType type, double limitPrice, boolean reduceOnly, long tsNanos) {
    public OrderIntent {
        notBlank("order_id", orderId);
        notBlank("portfolio_id", portfolioId);
        strategyId = strategyId == null || strategyId.isBlank() ? "manual" : strategyId;
        validSymbol("symbol", symbol);
        notNull("side", side);
        positive("quantity", quantity);
        notNull("type", type);
        if (type == OrderType.LIMIT) {
            positive("limit_price", limitPrice);
        } else {
            limitPrice = Double.NaN;
        }
        timestamp("ts_nanos", tsNanos);
    }

    /** Signed quantity: +quantity for buys, -quantity for sells. */
    public double signedQuantity() {
        return side.sign() * quantity;
    }
}
