package io.nautilus.engine.analytics;

import io.nautilus.engine.analytics.pnl.PortfolioSnapshot;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What HTTP handlers and {@code /health} read of the engine's ring state: an immutable value the ring thread
 * replaces as a whole (after every batch that changed a book, and on the P&amp;L publish timer for prices), never
 * mutates. Thread-safe.
 *
 * @param portfolios the latest P&amp;L of every portfolio, by id, in order of first appearance
 * @param symbols    symbols with a price or a position seen by the engine, sorted
 * @param counters   events applied ({@code fills}, {@code positions}, {@code prices}, {@code portfolio_states},
 *                   {@code stale_events_ignored}), as of the last publish tick
 */
record AnalyticsView(Map<String, PortfolioSnapshot> portfolios, List<String> symbols, Map<String, Long> counters) {
    static final AnalyticsView EMPTY = new AnalyticsView(Map.of(), List.of(), Map.of());

    /** The ring thread hands over fresh maps it no longer touches; they are wrapped, not copied. */
    AnalyticsView {
        portfolios = Collections.unmodifiableMap(portfolios);
        symbols = List.copyOf(symbols);
        counters = Collections.unmodifiableMap(counters);
    }

    /** The latest P&amp;L of a portfolio, or null when the engine does not know it. */
    PortfolioSnapshot portfolio(String portfolioId) {
        return portfolios.get(portfolioId);
    }
}
