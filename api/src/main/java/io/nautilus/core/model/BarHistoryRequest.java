package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.notBlank;
import static io.nautilus.core.model.Checks.validSymbol;

/**
 * A request for a symbol's bar history, answered by the Market Data engine on topic {@link #TOPIC} with a
 * {@link BarHistory}. Immutable and thread-safe.
 *
 * @param symbol     instrument symbol
 * @param interval   bar interval label ({@code 1m}, {@code 1d}, ...)
 * @param fromNanos  inclusive start, epoch nanoseconds (0 = from the beginning)
 * @param toNanos    exclusive end, epoch nanoseconds ({@code Long.MAX_VALUE} = up to now)
 * @param limit      at most this many bars, the most recent ones, in [1, 100000]
 */
public record BarHistoryRequest(String symbol, String interval, long fromNanos, long toNanos, int limit) {
    /** The request/reply topic. */
    public static final String TOPIC = "md.history.bars";

    public BarHistoryRequest {
        validSymbol("symbol", symbol);
        notBlank("interval", interval);
        if (fromNanos < 0 || toNanos <= fromNanos) {
            throw new IllegalArgumentException("need 0 <= from_nanos < to_nanos, got " + fromNanos + ", " + toNanos);
        }
        if (limit < 1 || limit > 100_000) {
            throw new IllegalArgumentException("limit must be in [1, 100000], got " + limit);
        }
    }
}
