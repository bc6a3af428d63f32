package io.nautilus.engine.portfolio.execution;

import io.nautilus.core.model.WireName;

/**
 * Lifecycle of an order: NEW (accepted over HTTP) → PENDING_RISK (intent published) → APPROVED (working: a limit
 * order rests here until marketable) or REJECTED; APPROVED → PARTIALLY_FILLED → FILLED, or CANCELLED while working.
 * The wire name (JSON, the store's status column) is the lower-case constant name ({@link WireName}).
 */
public enum OrderStatus implements WireName {
    NEW, PENDING_RISK, APPROVED, REJECTED, PARTIALLY_FILLED, FILLED, CANCELLED;

    /** True once nothing more can happen to the order. */
    public boolean isFinal() {
        return this == REJECTED || this == FILLED || this == CANCELLED;
    }

    /** True while the order may still fill. */
    public boolean isWorking() {
        return this == APPROVED || this == PARTIALLY_FILLED;
    }
}
