package io.nautilus.core.model;

/**
 * A request for portfolio books, answered by the Portfolio engine on {@link #TOPIC} with a
 * {@link PortfolioStates}. Engines that keep a view of portfolios (Risk, Analytics) send it at start, so that a
 * restart rebuilds their view from the book itself rather than from whatever they happened to persist.
 * Immutable and thread-safe.
 *
 * @param portfolioId one portfolio, or {@code null} for every portfolio
 */
public record PortfolioStateRequest(String portfolioId) {
    /** The request/reply topic (not under {@code portfolio.state.*}, whose payloads are {@link PortfolioState}). */
    public static final String TOPIC = "portfolio.snapshot";

    public PortfolioStateRequest {
        if (portfolioId != null) {
            Checks.id("portfolio_id", portfolioId);
        }
    }

    /** A request for every portfolio. */
    public static PortfolioStateRequest all() {
        return new PortfolioStateRequest(null);
    }
}
