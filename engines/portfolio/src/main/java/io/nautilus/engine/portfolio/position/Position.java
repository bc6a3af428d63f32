package io.nautilus.engine.portfolio.position;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One symbol's holding as FIFO lots, all on the same side (long lots have positive quantity, short lots negative).
 * A fill against the position first closes the oldest lots at their own prices, realizing
 * (fill price − lot price) × closed quantity × side; whatever is left opens a new lot, so a sell larger than a
 * long position closes it and opens a short (a flip). Realized P&amp;L excludes commissions (the book tracks fees).
 * Average cost is the quantity-weighted price of the open lots. Quantities below {@link #EPSILON} in magnitude
 * count as zero. Mutable and not thread-safe: owned by the engine's ring thread.
 */
public final class Position {
    /** Quantities smaller than this are treated as zero (fractional units are allowed). */
    public static final double EPSILON = 1e-9;

    /** One open lot: signed quantity at a price. */
    public record Lot(double quantity, double price, long tsNanos) {
    }

    private final String symbol;
    private final ArrayDeque<Lot> lots = new ArrayDeque<>();
    private double quantity;
    private double realizedPnl;

    public Position(String symbol) {
        this.symbol = symbol;
    }

    /**
     * Applies a trade.
     *
     * @param signedQuantity +units bought, −units sold (non-zero, finite)
     * @param price          trade price &gt; 0
     * @param tsNanos        trade time
     * @return the P&amp;L this trade realized
     */
    public double apply(double signedQuantity, double price, long tsNanos) {
        if (!(Double.isFinite(signedQuantity) && Math.abs(signedQuantity) > EPSILON)) {
            throw new IllegalArgumentException("quantity must be a non-zero finite number, got " + signedQuantity);
        }
        if (!(Double.isFinite(price) && price > 0)) {
            throw new IllegalArgumentException("price must be a finite number > 0, got " + price);
        }
        double remaining = signedQuantity;
        double realized = 0;
        while (Math.abs(remaining) > EPSILON && !lots.isEmpty() && Math.signum(lots.peekFirst().quantity()) != Math.signum(remaining)) {
            Lot lot = lots.pollFirst();
            double lotSign = Math.signum(lot.quantity());
            double closed = Math.min(Math.abs(remaining), Math.abs(lot.quantity()));
            realized += closed * (price - lot.price()) * lotSign;
            double left = lot.quantity() - lotSign * closed;
            remaining += lotSign * closed;
            if (Math.abs(left) > EPSILON) {
                lots.addFirst(new Lot(left, lot.price(), lot.tsNanos()));
            }
        }
        if (Math.abs(remaining) > EPSILON) {
            lots.addLast(new Lot(remaining, price, tsNanos));
        }
        double q = 0;
        for (Lot lot : lots) {
            q += lot.quantity();
        }
        quantity = Math.abs(q) > EPSILON ? q : 0.0;
        realizedPnl += realized;
        return realized;
    }

    public String symbol() {
        return symbol;
    }

    /** Signed open quantity (0 when flat). */
    public double quantity() {
        return quantity;
    }

    /** Realized P&amp;L to date, before fees. */
    public double realizedPnl() {
        return realizedPnl;
    }

    /** Quantity-weighted price of the open lots; 0 when flat. */
    public double averageCost() {
        double notional = 0;
        double units = 0;
        for (Lot lot : lots) {
            notional += Math.abs(lot.quantity()) * lot.price();
            units += Math.abs(lot.quantity());
        }
        return units > EPSILON ? notional / units : 0.0;
    }

    /** Unrealized P&amp;L at a mark price: Σ lot quantity × (mark − lot price). */
    public double unrealizedPnl(double mark) {
        double u = 0;
        for (Lot lot : lots) {
            u += lot.quantity() * (mark - lot.price());
        }
        return u;
    }

    /** The open lots, oldest first. */
    public List<Lot> lots() {
        return List.copyOf(lots);
    }
}
