package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.positive;
import static io.nautilus.core.model.Checks.validSymbol;
import static io.nautilus.core.model.Checks.timestamp;

/**
 * A trade print on the market (not our own fill, see {@link Fill}). Immutable and thread-safe.
 *
 * @param symbol  instrument symbol
 * @param price   trade price, &gt; 0
 * @param size    traded quantity in units, &gt; 0
 * @param tsNanos event time, epoch nanoseconds
 */
public record Trade(String symbol, double price, double size, long tsNanos) {
    public Trade {
        validSymbol("symbol", symbol);
        positive("price", price);
        positive("size", size);
        timestamp("ts_nanos", tsNanos);
    }
}
