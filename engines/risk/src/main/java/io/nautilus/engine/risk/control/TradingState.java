package io.nautilus.engine.risk.control;

import java.util.Locale;

/**
 * The kill switch of a portfolio (or of every portfolio, for the global state).
 * <ul>
 *   <li>{@link #ACTIVE}: orders are checked normally.</li>
 *   <li>{@link #REDUCING}: only orders that reduce an existing position (without flipping it) pass.</li>
 *   <li>{@link #HALTED}: every order is rejected.</li>
 * </ul>
 */
public enum TradingState {
    ACTIVE, REDUCING, HALTED;

    /** The more restrictive of two states. */
    public TradingState strictest(TradingState other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitive. */
    public static TradingState parse(String name) {
        for (TradingState s : values()) {
            if (s.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("state must be one of active, reducing, halted; got '" + name + "'");
    }
}
