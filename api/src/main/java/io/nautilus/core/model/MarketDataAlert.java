package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.notBlank;
import static io.nautilus.core.model.Checks.notNull;
import static io.nautilus.core.model.Checks.timestamp;
import static io.nautilus.core.model.Checks.validSymbol;

/**
 * A data-quality alert on {@code md.alert.<symbol>}: a source went stale, a gap in the data, a failover.
 * Immutable.
 *
 * @param symbol  instrument symbol
 * @param kind    what happened
 * @param source  the data source concerned
 * @param message human-readable detail
 * @param tsNanos detection time, epoch nanoseconds
 */
public record MarketDataAlert(String symbol, Kind kind, String source, String message, long tsNanos) {
    /** Alert kinds. */
    public enum Kind { STALE, GAP, FAILOVER, RECOVERED }

    public MarketDataAlert {
        validSymbol("symbol", symbol);
        notNull("kind", kind);
        notBlank("source", source);
        message = message == null ? "" : message;
        timestamp("ts_nanos", tsNanos);
    }
}
