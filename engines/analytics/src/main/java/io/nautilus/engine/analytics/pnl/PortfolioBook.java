package io.nautilus.engine.analytics.pnl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One portfolio inside a {@link PnlLedger}: its own initial value, cash and fees, its positions, and whether
 * anything changed since the last snapshot. Not thread-safe: owned by the ledger's single thread.
 */
final class PortfolioBook {
    final String portfolioId;
    /** The portfolio's capital at creation: its Portfolio engine state's, else the ledger's default. */
    double initialValue;
    /** Cash now: the last state's, moved by every fill since ({@code -quantity * price - commission}). */
    double cash;
    /** Fees paid to date: the last state's plus the commissions of the fills since. */
    double fees;
    /** Time of the last Portfolio engine state applied, or {@link Long#MIN_VALUE} when none has been. */
    long stateNanos = Long.MIN_VALUE;
    /** Counts the states applied; positions carry the count of the last state that held them. */
    int generation;
    final Map<String, PositionPnl> positions = new HashMap<>();
    final List<PositionPnl> ordered = new ArrayList<>();
    boolean dirty = true;
    long updatedNanos;

    PortfolioBook(String portfolioId, double initialValue, double cash) {
        this.portfolioId = portfolioId;
        this.initialValue = initialValue;
        this.cash = cash;
    }

    /** True once a Portfolio engine state has been applied (else the book is built from fills alone). */
    boolean fromState() {
        return stateNanos != Long.MIN_VALUE;
    }

    /** Sums the positions into an immutable snapshot stamped {@code tsNanos}. */
    PortfolioSnapshot snapshot(long tsNanos) {
        double realized = 0;
        double unrealized = 0;
        double marketValue = 0;
        var views = new ArrayList<PositionSnapshot>(ordered.size());
        for (PositionPnl p : ordered) {
            realized += p.realized;
            unrealized += p.unrealized();
            marketValue += p.quantity * p.mark;
            views.add(p.snapshot());
        }
        double equity = cash + marketValue;
        return new PortfolioSnapshot(portfolioId, initialValue, cash, realized, unrealized, fees, marketValue,
                equity, PortfolioSnapshot.totalReturn(equity, initialValue), fromState(), tsNanos, views);
    }
}
