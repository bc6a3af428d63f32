package io.nautilus.engine.portfolio.rebalance;

import io.nautilus.core.model.Side;

/**
 * One trade of a rebalance. Immutable and thread-safe.
 *
 * @param symbol        instrument
 * @param side          BUY or SELL
 * @param quantity      units, &gt; 0 (whole units unless fractional trading was asked for)
 * @param price         reference (mark) price used to size the trade
 * @param notional      quantity × price, currency
 * @param currentWeight weight before the trade (fraction of portfolio value)
 * @param targetWeight  target weight
 * @param estimatedCost slippage plus commission estimated with the paper fill model, currency
 */
public record RebalanceTrade(String symbol, Side side, double quantity, double price, double notional,
                             double currentWeight, double targetWeight, double estimatedCost) {
}
