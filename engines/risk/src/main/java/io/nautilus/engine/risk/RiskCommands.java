package io.nautilus.engine.risk;

import io.nautilus.engine.risk.limit.LimitEvaluation;
import io.nautilus.engine.risk.limit.RiskModel;

import java.util.List;
import java.util.Map;

/**
 * Messages the risk engine sends to its own ring thread on {@code _local.risk.*} topics (HTTP handlers, timers and
 * compute tasks never touch ring state directly). Engine-internal: not exchanged with other engines. Immutable.
 */
final class RiskCommands {
    static final String CHANGED = "_local.risk.changed";
    static final String TICK = "_local.risk.tick";
    static final String MODEL = "_local.risk.model";
    static final String HISTORY = "_local.risk.history";
    static final String CHECK = "_local.risk.check";
    static final String PRETRADE = "_local.risk.pretrade";
    static final String RESOLVE = "_local.risk.resolve";
    static final String SNAPSHOT = "_local.risk.snapshot";
    static final String MONITOR = "_local.risk.monitor";
    static final String PREDICTED = "_local.risk.predicted";
    static final String BOOKS = "_local.risk.books";
    static final String HISTORY_FAILED = "_local.risk.history_failed";
    static final String WHAT_IF_LIST = "_local.risk.what_if_list";
    static final String WHAT_IF_SAVE = "_local.risk.what_if_save";

    private RiskCommands() {
    }

    /** Configuration changed: {@code limits}, {@code reference}, {@code capital}. */
    record Changed(String kind) {
    }

    /** Timer tick (once a second). */
    record Tick(long tsNanos) {
    }

    /** A bar-history request of a symbol failed or timed out. */
    record HistoryFailed(String symbol) {
    }

    /** A covariance model was estimated. */
    record ModelReady(RiskModel model) {
    }

    /** Evaluate a portfolio: the live one (no positions) or a book of the posted positions. */
    record Check(String portfolioId, List<CheckPosition> positions, Double equity) {
    }

    /**
     * A posted position, validated: price 0 when unknown (the last price is then used), unrealized P&amp;L and
     * leverage 0 when not given.
     */
    record CheckPosition(String symbol, double quantity, double price, double unrealizedPnl, double leverage) {
    }

    /**
     * The breaches (open after the check) and every evaluation; or {@code refused} (a {@code NO_BOOK:*} reason
     * code) when the live portfolio cannot be checked.
     */
    record CheckOutcome(List<RiskViews.BreachView> breaches, List<LimitEvaluation> evaluations, String refused) {
        static CheckOutcome refused(String reason) {
            return new CheckOutcome(List.of(), List.of(), reason);
        }
    }

    /** List the what-if breaches kept in memory. */
    record WhatIfList(String portfolioId, boolean openOnly, int limit) {
    }

    /** Write the what-if breaches kept in memory to the store (at stop). */
    record WhatIfSave() {
    }

    /** Resolve a breach by hand. */
    record Resolve(String breachId, String actionTaken, String actor) {
    }

    /**
     * The resolved breach, or the error {@code not_open} (unknown or already resolved; with the breach when it is
     * a what-if breach resolved before).
     */
    record ResolveOutcome(RiskStore.BreachRecord breach, String error) {
    }

    /** Ask for a portfolio's state. */
    record Snapshot(String portfolioId) {
    }

    /**
     * A portfolio's state for reports, VaR and predictions: market values of the open positions, equity, today's
     * P&amp;L, evaluations of its limits, and the aligned daily returns of its symbols ({@code returns} columns
     * follow {@code returnSymbols}; symbols without enough history are missing from them).
     */
    record PortfolioSnapshot(String portfolioId, boolean known, Map<String, Double> marketValues, double cash,
                             double capital, double equity,
                             double peakEquity, double dayPnl, List<LimitEvaluation> evaluations,
                             List<String> returnSymbols, double[][] returns, long tsNanos) {
    }

    /** Start or stop monitoring ({@code null} = only report). */
    record Monitor(Boolean on) {
    }

    /** Monitoring status: open live breaches, and apart from them the open what-if breaches. */
    record MonitorStatus(boolean monitoring, int portfolios, int limits, int openBreaches, int openWhatIfBreaches) {
    }

    /** A prediction computed off the ring. */
    record Predicted(RiskViews.PortfolioPrediction prediction) {
    }
}
