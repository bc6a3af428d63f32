package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.inRange;
import static io.nautilus.core.model.Checks.notBlank;
import static io.nautilus.core.model.Checks.validSymbol;
import static io.nautilus.core.model.Checks.timestamp;

/**
 * A strategy's view on a symbol: a signed strength in [-1, 1] (-1 full short, +1 full long, 0 flat).
 * Immutable and thread-safe.
 *
 * @param strategyId strategy identifier
 * @param symbol     instrument symbol
 * @param strength   signed conviction in [-1, 1]
 * @param reason     short human-readable reason
 * @param tsNanos    signal time, epoch nanoseconds
 */
public record Signal(String strategyId, String symbol, double strength, String reason, long tsNanos) {
    public Signal {
        notBlank("strategy_id", strategyId);
        validSymbol("symbol", symbol);
        inRange("strength", strength, -1, 1);
        reason = reason == null ? "" : reason;
        timestamp("ts_nanos", tsNanos);
    }
}
