package io.nautilus.engine.analytics.pnl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The positions of one portfolio inside a {@link PnlLedger}, and whether anything changed since the last
 * snapshot. Not thread-safe: owned by the ledger's single thread.
 */
final class PortfolioBook {
    final String portfolioId;
    final double initialCapital;
    final Map<String, PositionPnl> positions = new HashMap<>();
    final List<PositionPnl> ordered = new ArrayList<>();
    boolean dirty = true;
    long updatedNanos;

    PortfolioBook(String portfolioId, double initialCapital) {
        this.portfolioId = portfolioId;
        this.initialCapital = initialCapital;
    }

    /** Sums the positions into an immutable snapshot stamped {@code tsNanos}. */
    PortfolioSnapshot snapshot(long tsNanos) {
        double realized = 0;
        double unrealized = 0;
        double fees = 0;
        double marketValue = 0;
        var views = new ArrayList<PositionSnapshot>(ordered.size());
        for (PositionPnl p : ordered) {
            realized += p.realized;
            unrealized += p.unrealized();
            fees += p.fees;
            marketValue += p.quantity * p.mark;
            views.add(p.snapshot());
        }
        return new PortfolioSnapshot(portfolioId, initialCapital, realized, unrealized, fees, marketValue,
                initialCapital + realized + unrealized - fees, tsNanos, views);
    }
}
