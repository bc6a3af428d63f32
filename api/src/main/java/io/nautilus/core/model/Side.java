package io.nautilus.core.model;

/** Side of an order or fill. {@link #sign()} is +1 for buys and -1 for sells. */
public enum Side {
    BUY(1), SELL(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for BUY, -1 for SELL: signed quantity = sign * quantity. */
    public int sign() {
        return sign;
    }
}
