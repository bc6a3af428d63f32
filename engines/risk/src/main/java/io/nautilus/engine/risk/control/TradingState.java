package io.nautilus.engine.risk.control;

import io.nautilus.core.model.WireName;

/**
 * The kill switch of a portfolio (or of every portfolio, for the global state).
 * <ul>
 *   <li>{@link #ACTIVE}: orders are checked normally.</li>
 *   <li>{@link #REDUCING}: only orders that reduce an existing position (without flipping it) pass.</li>
 *   <li>{@link #HALTED}: every order is rejected.</li>
 * </ul>
 */
public enum TradingState implements WireName {
    ACTIVE, REDUCING, HALTED;

    /** The more restrictive of two states. */
    public TradingState strictest(TradingState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
