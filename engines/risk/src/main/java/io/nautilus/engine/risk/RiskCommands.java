package io.nautilus.engine.risk;

import io.nautilus.engine.risk.limit.LimitEvaluation;

import java.util.List;
import java.util.Map;

/**
 * The risk engine's internal questions and answers: what HTTP handlers hand to the ring thread in a ring call
 * ({@code EngineContext.call}) and what it answers, and the bar-history answers the request callbacks publish on
 * {@code _local.risk.*} topics. Engine-internal: not exchanged with other engines. Immutable.
 */
final class RiskCommands {
    static final String HISTORY = "_local.risk.history";
    static final String HISTORY_FAILED = "_local.risk.history_failed";

    private RiskCommands() {
    }

    /** A bar-history request of a symbol failed or timed out. */
    record HistoryFailed(String symbol) {
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

    /** Resolve a breach by hand. */
    record Resolve(String breachId, String actionTaken, String actor) {
    }

    /**
     * The resolved breach, or the error {@code not_open} (unknown or already resolved; with the breach when it is
     * a what-if breach resolved before).
     */
    record ResolveOutcome(RiskStore.BreachRecord breach, String error) {
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

    /** Monitoring status: open live breaches, and apart from them the open what-if breaches. */
    record MonitorStatus(boolean monitoring, int portfolios, int limits, int openBreaches, int openWhatIfBreaches) {
    }

}
