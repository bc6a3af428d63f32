package io.nautilus.engine.portfolio.execution;

import java.util.Locale;

/**
 * Lifecycle of an order: NEW (accepted over HTTP) → PENDING_RISK (intent published) → APPROVED (working: a limit
 * order rests here until marketable) or REJECTED; APPROVED → PARTIALLY_FILLED → FILLED, or CANCELLED while working.
 */
public enum OrderStatus {
    NEW, PENDING_RISK, APPROVED, REJECTED, PARTIALLY_FILLED, FILLED, CANCELLED;

    /** Lower-case name used in JSON and the store. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True once nothing more can happen to the order. */
    public boolean isFinal() {
        return this == REJECTED || this == FILLED || this == CANCELLED;
    }

    /** True while the order may still fill. */
    public boolean isWorking() {
        return this == APPROVED || this == PARTIALLY_FILLED;
    }
}
