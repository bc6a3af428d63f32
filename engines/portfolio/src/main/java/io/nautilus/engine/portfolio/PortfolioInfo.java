package io.nautilus.engine.portfolio;

import java.util.List;

/**
 * A portfolio's settings as created (seed field names in JSON). Immutable and thread-safe.
 *
 * @param portfolioId        id
 * @param portfolioName      display name
 * @param initialValue       value at creation, currency
 * @param cashBalance        cash at creation, currency (defaults to initialValue)
 * @param optimizationMethod default optimizer for /optimize and scheduled rebalances
 * @param rebalanceFrequency none, daily, weekly, monthly or quarterly (calendar schedule)
 * @param symbols            the investable universe (may be empty: then the held symbols)
 * @param createdNanos       creation time, epoch nanoseconds
 */
public record PortfolioInfo(String portfolioId, String portfolioName, double initialValue, double cashBalance,
                            String optimizationMethod, String rebalanceFrequency, List<String> symbols,
                            long createdNanos) {
    public PortfolioInfo {
        symbols = List.copyOf(symbols);
    }
}
