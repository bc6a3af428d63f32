package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.timestamp;

import java.util.List;

/**
 * The Portfolio engine's reply to a {@link PortfolioStateRequest}: the books asked for (empty when the portfolio
 * asked for does not exist). Immutable and thread-safe.
 *
 * @param portfolios one state per portfolio
 * @param tsNanos    time of the reply, epoch nanoseconds
 */
public record PortfolioStates(List<PortfolioState> portfolios, long tsNanos) {
    public PortfolioStates {
        portfolios = List.copyOf(portfolios);
        timestamp("ts_nanos", tsNanos);
    }
}
