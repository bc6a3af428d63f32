package io.nautilus.engine.risk.control;

import io.nautilus.core.model.Checks;

import java.util.Set;

/**
 * Order-level controls of a portfolio, applied before any limit. A control that is off is
 * {@code Double.POSITIVE_INFINITY} (numbers) or 0 (rates). Immutable and thread-safe.
 *
 * @param maxQuantity                largest order quantity in units, &gt; 0
 * @param maxNotional                largest order notional (quantity x price) in currency, &gt; 0
 * @param priceCollar                largest relative distance of a limit price from the last price, as a fraction
 *                                   (0.05 = 5%), &gt; 0
 * @param restrictedSymbols          symbols that may not be traded
 * @param maxOrdersPerSecondPortfolio largest number of orders approved per second for the portfolio, &gt;= 0
 * @param maxOrdersPerSecondStrategy  largest number of orders approved per second per strategy, &gt;= 0
 */
public record OrderControls(double maxQuantity, double maxNotional, double priceCollar, Set<String> restrictedSymbols,
                            int maxOrdersPerSecondPortfolio, int maxOrdersPerSecondStrategy) {
    /** No controls. */
    public static final OrderControls NONE = new OrderControls(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, Set.of(), 0, 0);
    /** Largest rate accepted (orders per second). */
    public static final int MAX_RATE = 1_000_000;

    public OrderControls {
        positiveOrOff("max_quantity", maxQuantity);
        positiveOrOff("max_notional", maxNotional);
        positiveOrOff("price_collar", priceCollar);
        restrictedSymbols = Set.copyOf(restrictedSymbols == null ? Set.of() : restrictedSymbols);
        for (String s : restrictedSymbols) {
            Checks.validSymbol("restricted_symbols", s);
        }
        rate("max_orders_per_second_portfolio", maxOrdersPerSecondPortfolio);
        rate("max_orders_per_second_strategy", maxOrdersPerSecondStrategy);
    }

    /** Controls from optional values (HTTP bodies, stored rows): an absent ({@code null}) control is off. */
    public static OrderControls ofOptional(Double maxQuantity, Double maxNotional, Double priceCollar,
                                           Set<String> restrictedSymbols, Integer maxOrdersPerSecondPortfolio,
                                           Integer maxOrdersPerSecondStrategy) {
        return new OrderControls(orOff(maxQuantity), orOff(maxNotional), orOff(priceCollar), restrictedSymbols,
                maxOrdersPerSecondPortfolio == null ? 0 : maxOrdersPerSecondPortfolio,
                maxOrdersPerSecondStrategy == null ? 0 : maxOrdersPerSecondStrategy);
    }

    /** A quantity, notional or collar control as an optional value: {@code null} when off. */
    public static Double optional(double control) {
        return Double.isInfinite(control) ? null : control;
    }

    private static double orOff(Double d) {
        return d == null ? Double.POSITIVE_INFINITY : d;
    }

    private static void positiveOrOff(String field, double v) {
        if (!(v > 0) || Double.isNaN(v)) {
            throw new IllegalArgumentException(field + " must be > 0 (or absent for no control), got " + v);
        }
    }

    private static void rate(String field, int v) {
        if (v < 0 || v > MAX_RATE) {
            throw new IllegalArgumentException(field + " must be in [0, " + MAX_RATE + "] (0 = off), got " + v);
        }
    }
}
