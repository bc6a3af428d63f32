package io.nautilus.engine.risk.control;

/**
 * Reason codes of {@link io.nautilus.core.model.RiskDecision}s. Rejections: the order-level codes below and
 * {@code LIMIT_BREACH:<type>:<limit_id>}. Remarks on an approved order: {@code LIMIT_WARNING:<type>:<limit_id>}
 * (in the warning band after the order) and {@code NO_DATA:<type>:<limit_id>} (the limit could not be measured).
 *
 * <p>Fail-closed rejections: {@code NO_HISTORY:<type>:<limit_id>:<symbol>} (a VaR, ES, volatility or correlation
 * limit cannot be measured because the book would hold a symbol the covariance model does not cover yet: its
 * daily history has not arrived), {@code NO_BOOK:syncing} (the engine has not yet received the books from the
 * Portfolio engine after its start) and {@code NO_BOOK:no_state} (no state of the order's portfolio has arrived).
 */
public final class ReasonCodes {
    public static final String TRADING_HALTED = "TRADING_HALTED";
    public static final String TRADING_REDUCING = "TRADING_REDUCING";
    public static final String REDUCE_ONLY = "REDUCE_ONLY";
    public static final String RESTRICTED_SYMBOL = "RESTRICTED_SYMBOL";
    public static final String MAX_QUANTITY = "MAX_QUANTITY";
    public static final String MAX_NOTIONAL = "MAX_NOTIONAL";
    public static final String PRICE_COLLAR = "PRICE_COLLAR";
    public static final String NO_PRICE = "NO_PRICE";
    public static final String THROTTLE_PORTFOLIO = "THROTTLE_PORTFOLIO";
    public static final String THROTTLE_STRATEGY = "THROTTLE_STRATEGY";
    public static final String LIMIT_BREACH = "LIMIT_BREACH";
    public static final String LIMIT_WARNING = "LIMIT_WARNING";
    public static final String NO_DATA = "NO_DATA";
    public static final String NO_HISTORY = "NO_HISTORY";
    public static final String NO_BOOK_SYNCING = "NO_BOOK:syncing";
    public static final String NO_BOOK_NO_STATE = "NO_BOOK:no_state";

    private ReasonCodes() {
    }
}
