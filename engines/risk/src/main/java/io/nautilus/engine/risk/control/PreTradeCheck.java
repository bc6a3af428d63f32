package io.nautilus.engine.risk.control;

import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.engine.risk.limit.ExposureBook;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitEvaluation;
import io.nautilus.engine.risk.limit.LimitMeasures;
import io.nautilus.engine.risk.limit.LimitStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * The pre-trade check of one order: the trading state (kill switch), the order-level controls, then every
 * enabled limit measured on the portfolio as it would be after the order, then the order-rate throttles.
 *
 * <p>Rules: HALTED rejects everything; REDUCING, or an order flagged reduce-only, lets through only an order that
 * brings the position closer to zero without flipping it. A MARKET order is priced at the last price and is
 * rejected ({@code NO_PRICE}) without one; a LIMIT order at its limit price, and with a collar configured it
 * needs a last price to be checked against. A limit rejects the order when it would be at or over its breach
 * threshold after the order and the order does not lower its value (an order that reduces a breach already
 * there passes, with the breach as a remark). The throttles count approved orders only: a rejected order does not
 * use up the rate. A VaR, ES, volatility or correlation limit that cannot be measured because a symbol of the book
 * after the order is outside the covariance model rejects the order ({@code NO_HISTORY}, fail closed); other
 * unmeasurable limits are remarks ({@code NO_DATA}). A dry run ({@code dryRun}, HTTP pre-trade) is decided the
 * same way but uses none of the throttles' budget. All reasons found are reported, not only the first.
 *
 * <p>Not thread-safe (the throttles are state): one instance on the risk engine's ring thread. Allocates only
 * the reason list of an order that has reasons.
 */
public final class PreTradeCheck {
    private final OrderThrottle portfolioThrottle = new OrderThrottle();
    private final OrderThrottle strategyThrottle = new OrderThrottle();

    /**
     * @param order      the order
     * @param book       the order's portfolio
     * @param now        measures bound to {@code book}, used for the current values
     * @param after      another measures instance bound to {@code book}, used for the post-trade values
     * @param limits     the enabled limits that apply to the portfolio
     * @param controls   the portfolio's order controls
     * @param state      the portfolio's trading state (already combined with the global one)
     * @param lastPrice  last price of the symbol, NaN when unknown
     * @param nowNanos   decision time
     * @param dryRun     true for a question (HTTP pre-trade): the throttles are consulted, not used up
     * @return the decision
     */
    public RiskDecision check(OrderIntent order, ExposureBook book, LimitMeasures now, LimitMeasures after,
                              List<LimitDefinition> limits, OrderControls controls, TradingState state,
                              double lastPrice, long nowNanos, boolean dryRun) {
        List<String> reasons = null;
        boolean rejected = false;
        if (state == TradingState.HALTED) {
            return reject(order, List.of(ReasonCodes.TRADING_HALTED), nowNanos);
        }
        int slot = book.slot(order.symbol());
        double position = book.quantity(slot);
        double dq = order.signedQuantity();
        if (state == TradingState.REDUCING && !reduces(position, dq)) {
            reasons = add(reasons, ReasonCodes.TRADING_REDUCING);
            rejected = true;
        }
        if (order.reduceOnly() && !reduces(position, dq)) {
            reasons = add(reasons, ReasonCodes.REDUCE_ONLY);
            rejected = true;
        }
        if (controls.restrictedSymbols().contains(order.symbol())) {
            reasons = add(reasons, ReasonCodes.RESTRICTED_SYMBOL);
            rejected = true;
        }
        if (order.quantity() > controls.maxQuantity()) {
            reasons = add(reasons, ReasonCodes.MAX_QUANTITY);
            rejected = true;
        }
        boolean hasLast = lastPrice > 0;
        double execution = order.type() == OrderType.LIMIT ? order.limitPrice() : lastPrice;
        if (!(execution > 0)) {
            reasons = add(reasons, ReasonCodes.NO_PRICE);
            rejected = true;
        } else if (order.quantity() * execution > controls.maxNotional()) {
            reasons = add(reasons, ReasonCodes.MAX_NOTIONAL);
            rejected = true;
        }
        if (order.type() == OrderType.LIMIT && controls.priceCollar() != Double.POSITIVE_INFINITY) {
            if (!hasLast) {
                reasons = add(reasons, ReasonCodes.NO_PRICE);
                rejected = true;
            } else if (Math.abs(order.limitPrice() / lastPrice - 1.0) > controls.priceCollar()) {
                reasons = add(reasons, ReasonCodes.PRICE_COLLAR);
                rejected = true;
            }
        }
        if (execution > 0) {
            after.whatIf(slot, dq, hasLast ? lastPrice : execution);
            boolean currentReady = false;
            for (int i = 0, n = limits.size(); i < n; i++) {
                LimitDefinition limit = limits.get(i);
                double value = after.value(limit);
                LimitStatus status = LimitEvaluation.statusOf(limit, value / limit.limitValue() * 100.0);
                if (status == LimitStatus.OK) {
                    continue;
                }
                if (status == LimitStatus.BREACH) {
                    if (!currentReady) {
                        now.current();
                        currentReady = true;
                    }
                    boolean worsens = !(now.value(limit) >= value);
                    reasons = add(reasons, code(worsens ? ReasonCodes.LIMIT_BREACH : ReasonCodes.LIMIT_WARNING, limit));
                    rejected |= worsens;
                } else if (status == LimitStatus.WARNING) {
                    reasons = add(reasons, code(ReasonCodes.LIMIT_WARNING, limit));
                } else {
                    String missing = limit.type().needsModel() ? after.uncoveredSymbol() : null;
                    if (missing != null) {
                        reasons = add(reasons, code(ReasonCodes.NO_HISTORY, limit) + ':' + missing);
                        rejected = true;
                    } else {
                        reasons = add(reasons, code(ReasonCodes.NO_DATA, limit));
                    }
                }
            }
        }
        if (!rejected) {
            if (!portfolioThrottle.canAcquire(order.portfolioId(), controls.maxOrdersPerSecondPortfolio(), nowNanos)) {
                reasons = add(reasons, ReasonCodes.THROTTLE_PORTFOLIO);
                rejected = true;
            } else if (!strategyThrottle.canAcquire(order.strategyId(), controls.maxOrdersPerSecondStrategy(), nowNanos)) {
                reasons = add(reasons, ReasonCodes.THROTTLE_STRATEGY);
                rejected = true;
            } else if (!dryRun) {
                portfolioThrottle.tryAcquire(order.portfolioId(), controls.maxOrdersPerSecondPortfolio(), nowNanos);
                strategyThrottle.tryAcquire(order.strategyId(), controls.maxOrdersPerSecondStrategy(), nowNanos);
            }
        }
        return new RiskDecision(order, !rejected, reasons == null ? List.of() : reasons, nowNanos);
    }

    /** True if trading {@code dq} moves {@code position} towards zero without crossing it. */
    static boolean reduces(double position, double dq) {
        double next = position + dq;
        return position != 0 && Math.abs(next) < Math.abs(position) && next * position >= 0;
    }

    private static RiskDecision reject(OrderIntent order, List<String> reasons, long nowNanos) {
        return new RiskDecision(order, false, reasons, nowNanos);
    }

    private static String code(String prefix, LimitDefinition limit) {
        return prefix + ':' + limit.type().wireName() + ':' + limit.limitId();
    }

    private static List<String> add(List<String> reasons, String reason) {
        List<String> r = reasons == null ? new ArrayList<>(4) : reasons;
        r.add(reason);
        return r;
    }
}
