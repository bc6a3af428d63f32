package io.nautilus.engine.portfolio.execution;

import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.Side;

/**
 * How a paper order fills against the market. Buys trade at the ask, sells at the bid; with no quote yet, at
 * the last trade. Slippage moves the price against the order by {@code slippageBps} basis points
 * (buy: × (1 + bps/10⁴), sell: × (1 − bps/10⁴)). A limit order is marketable when the touch (before slippage) is
 * at or better than its limit, and then fills at min(limit, slipped price) for buys and max(limit, slipped price)
 * for sells. The quantity is capped by the size at the touch when the quote shows one (size 0 = unknown, no cap).
 * Commission = max(minimum, per-unit × quantity + bps × notional / 10⁴). Immutable and thread-safe.
 *
 * @param slippageBps       adverse slippage, basis points &gt;= 0
 * @param commissionBps     commission on notional, basis points &gt;= 0
 * @param commissionPerUnit commission per unit traded, &gt;= 0
 * @param minimumCommission minimum commission per fill, &gt;= 0
 */
public record PaperFillModel(double slippageBps, double commissionBps, double commissionPerUnit,
                             double minimumCommission) {
    /** 5 bps slippage, 1 bp commission. */
    public static final PaperFillModel DEFAULT = new PaperFillModel(5, 1, 0, 0);

    public PaperFillModel {
        for (double v : new double[] {slippageBps, commissionBps, commissionPerUnit, minimumCommission}) {
            if (!(Double.isFinite(v) && v >= 0)) {
                throw new IllegalArgumentException("slippage and commission settings must be finite numbers >= 0, got " + v);
            }
        }
    }

    /**
     * The execution price for the order at the current touch, or NaN when the order cannot fill now (no price
     * seen, or a limit order not marketable).
     */
    public double price(Side side, OrderType type, double limitPrice, MarketPrices.Touch touch) {
        double reference;
        if (touch.hasQuote()) {
            reference = side == Side.BUY ? touch.ask() : touch.bid();
        } else if (touch.last() > 0) {
            reference = touch.last();
        } else {
            return Double.NaN;
        }
        double slip = slippageBps / 10_000.0;
        double slipped = side == Side.BUY ? reference * (1 + slip) : reference * (1 - slip);
        if (type == OrderType.LIMIT) {
            boolean marketable = side == Side.BUY ? reference <= limitPrice : reference >= limitPrice;
            if (!marketable) {
                return Double.NaN;
            }
            return side == Side.BUY ? Math.min(limitPrice, slipped) : Math.max(limitPrice, slipped);
        }
        return slipped;
    }

    /** Units that can fill now: the remaining quantity, capped by the displayed size at the touch. */
    public double quantity(Side side, double remaining, MarketPrices.Touch touch) {
        if (!touch.hasQuote()) {
            return remaining;
        }
        double size = side == Side.BUY ? touch.askSize() : touch.bidSize();
        return size > 0 ? Math.min(remaining, size) : remaining;
    }

    /** Commission for a fill. */
    public double commission(double quantity, double price) {
        return Math.max(minimumCommission, commissionPerUnit * quantity + commissionBps * quantity * price / 10_000.0);
    }
}
