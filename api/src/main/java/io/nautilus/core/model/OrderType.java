package io.nautilus.core.model;

/** How an order is priced: at the market, or only at the limit price or better. */
public enum OrderType {
    MARKET, LIMIT
}
