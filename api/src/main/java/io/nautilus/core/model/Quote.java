package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.positive;
import static io.nautilus.core.model.Checks.nonNegative;
import static io.nautilus.core.model.Checks.validSymbol;
import static io.nautilus.core.model.Checks.timestamp;

/**
 * Top-of-book quote. Prices in the instrument's currency, sizes in units; {@code bid <= ask} (a locked book,
 * bid == ask, is allowed; a crossed one is rejected). Immutable and thread-safe.
 *
 * @param symbol   instrument symbol
 * @param bid      best bid price, &gt; 0
 * @param ask      best ask price, &gt;= bid
 * @param bidSize  size at the bid, &gt;= 0
 * @param askSize  size at the ask, &gt;= 0
 * @param tsNanos  event time, epoch nanoseconds
 */
public record Quote(String symbol, double bid, double ask, double bidSize, double askSize, long tsNanos) {
    public Quote {
        validSymbol("symbol", symbol);
        positive("bid", bid);
        positive("ask", ask);
        nonNegative("bid_size", bidSize);
        nonNegative("ask_size", askSize);
        timestamp("ts_nanos", tsNanos);
        if (bid > ask) {
            throw new IllegalArgumentException("crossed quote: bid " + bid + " > ask " + ask);
        }
    }

    /** The midpoint (bid + ask) / 2. */
    public double mid() {
        return 0.5 * (bid + ask);
    }
}
