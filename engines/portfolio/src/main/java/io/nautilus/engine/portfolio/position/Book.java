package io.nautilus.engine.portfolio.position;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A portfolio's accounting: cash, positions (FIFO {@link Position}s), fees and realized P&amp;L. A trade moves cash
 * by −(signed quantity × price) − commission. Values in the portfolio's currency. Mutable and not thread-safe:
 * owned by the engine's ring thread.
 */
public final class Book {
    private final Map<String, Position> positions = new LinkedHashMap<>();
    private double cash;
    private double fees;

    /** @param initialCash starting cash */
    public Book(double initialCash) {
        this.cash = initialCash;
    }

    /**
     * Applies a trade and returns the position it changed.
     *
     * @param symbol         instrument
     * @param signedQuantity +bought / −sold units
     * @param price          trade price
     * @param commission     fees paid, &gt;= 0
     * @param tsNanos        trade time
     */
    public Position apply(String symbol, double signedQuantity, double price, double commission, long tsNanos) {
        Position p = positions.computeIfAbsent(symbol, Position::new);
        p.apply(signedQuantity, price, tsNanos);
        cash -= signedQuantity * price + commission;
        fees += commission;
        return p;
    }

    public double cash() {
        return cash;
    }

    public double fees() {
        return fees;
    }

    /** Position of a symbol, or null if never traded. */
    public Position position(String symbol) {
        return positions.get(symbol);
    }

    /** Positions ever traded, in first-trade order (closed ones have quantity 0). */
    public Collection<Position> positions() {
        return Collections.unmodifiableCollection(positions.values());
    }

    /** Realized P&amp;L over all positions, before fees. */
    public double realizedPnl() {
        double r = 0;
        for (Position p : positions.values()) {
            r += p.realizedPnl();
        }
        return r;
    }
}
