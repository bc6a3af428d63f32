package io.nautilus.engine.risk.http;

import io.nautilus.core.http.Validator;
import io.nautilus.core.model.Checks;
import io.nautilus.core.model.WireNames;
import io.nautilus.engine.risk.control.OrderControls;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitScope;
import io.nautilus.engine.risk.limit.LimitType;
import io.nautilus.engine.risk.limit.SymbolInfo;

import java.util.List;
import java.util.Set;

/**
 * The JSON bodies of the risk engine's HTTP API (snake_case on the wire), and their conversion to domain values.
 * Optional fields are boxed; {@code toXxx()} validates with a {@link Validator} (400 naming every bad field).
 */
public final class RiskApi {
    private RiskApi() {
    }

    /**
     * A limit as posted (the seed's fields plus scope, sector, bucket, confidence, horizon_days) and as stored.
     * Scope defaults from the keys present: symbol -&gt; symbol, sector -&gt; sector, portfolio_id -&gt; portfolio,
     * none -&gt; global.
     */
    public record LimitBody(String limitId, String limitType, Double limitValue, Double thresholdWarning,
                            Double thresholdBreach, Boolean enabled, String scope, String portfolioId, String symbol,
                            String sector, String bucket, Double confidence, Integer horizonDays) {

        public static LimitBody of(LimitDefinition d) {
            return new LimitBody(d.limitId(), d.type().wireName(), d.limitValue(), d.warningThreshold(),
                    d.breachThreshold(), d.enabled(), d.scope().wireName(), d.portfolioId(), d.symbol(), d.sector(),
                    d.bucket(), d.confidence(), d.horizonDays());
        }

        /** The definition, or a 400 naming the bad fields. */
        public LimitDefinition toDefinition() {
            var v = new Validator();
            v.notBlank("limit_id", limitId);
            v.notBlank("limit_type", limitType);
            double value = v.finite("limit_value", limitValue);
            double warning = thresholdWarning == null ? LimitDefinition.DEFAULT_WARNING
                    : v.finite("threshold_warning", thresholdWarning);
            double breach = thresholdBreach == null ? LimitDefinition.DEFAULT_BREACH
                    : v.finite("threshold_breach", thresholdBreach);
            double conf = confidence == null ? LimitDefinition.DEFAULT_CONFIDENCE : v.finite("confidence", confidence);
            v.throwIfInvalid();
            LimitScope s = scope != null && !scope.isBlank() ? WireNames.parse(LimitScope.class, "scope", scope)
                    : LimitScope.implied(portfolioId, symbol, sector);
            return new LimitDefinition(limitId.trim(), WireNames.parse(LimitType.class, "limit_type", limitType), value, warning, breach,
                    enabled == null || enabled, s, portfolioId, symbol, sector, bucket, conf,
                    horizonDays == null ? 1 : horizonDays);
        }
    }

    /**
     * A position in a seed check body: {@code {quantity, market_value, unrealized_pnl, leverage}} with an optional
     * symbol and price. Without a symbol the position is labelled {@code POS-<n>} (1-based).
     */
    public record PositionBody(String symbol, Double quantity, Double marketValue, Double price, Double unrealizedPnl,
                               Double leverage) {
    }

    /**
     * The seed check body: a list of positions, or one flat position at the top level, or nothing (then the live
     * portfolio is checked). {@code equity} overrides the equity of a posted set of positions.
     */
    public record CheckBody(List<PositionBody> positions, String symbol, Double quantity, Double marketValue,
                            Double price, Double unrealizedPnl, Double leverage, Double equity) {
        public static final CheckBody EMPTY = new CheckBody(null, null, null, null, null, null, null, null);

        /** The posted positions (the flat one included); empty when the live portfolio is to be checked. */
        public List<PositionBody> allPositions() {
            var all = new java.util.ArrayList<PositionBody>(positions == null ? List.of() : positions);
            if (quantity != null || marketValue != null) {
                all.add(new PositionBody(symbol, quantity, marketValue, price, unrealizedPnl, leverage));
            }
            return all;
        }
    }

    /** Order controls; absent numbers mean "no control". */
    public record ControlsBody(Double maxQuantity, Double maxNotional, Double priceCollar, Set<String> restrictedSymbols,
                               Integer maxOrdersPerSecondPortfolio, Integer maxOrdersPerSecondStrategy) {
        public static ControlsBody of(OrderControls c) {
            return new ControlsBody(OrderControls.optional(c.maxQuantity()), OrderControls.optional(c.maxNotional()),
                    OrderControls.optional(c.priceCollar()), c.restrictedSymbols(), c.maxOrdersPerSecondPortfolio(),
                    c.maxOrdersPerSecondStrategy());
        }

        /**
         * The controls; a number that is present must be finite and &gt; 0 (400 naming the field): read as
         * absent, an {@code "Infinity"} or {@code 1e400} would switch the control off.
         */
        public OrderControls toControls() {
            var v = new Validator();
            for (var f : new Object[][] {{"max_quantity", maxQuantity}, {"max_notional", maxNotional},
                    {"price_collar", priceCollar}}) {
                if (f[1] != null) {
                    v.positive((String) f[0], (Double) f[1]);
                }
            }
            v.throwIfInvalid();
            return OrderControls.ofOptional(maxQuantity, maxNotional, priceCollar, restrictedSymbols,
                    maxOrdersPerSecondPortfolio, maxOrdersPerSecondStrategy);
        }
    }

    /** A trading-state change; the reason is a printable name of at most 200 characters. */
    public record StateBody(String state, String reason) {
        public StateBody {
            if (reason != null && !reason.isBlank()) {
                reason = Checks.name("reason", reason);
            }
        }
    }

    /** Reference data of one symbol; absent fields are unknown. */
    public record ReferenceBody(String symbol, String sector, String country, String currency, Double adv) {
        public SymbolInfo toInfo() {
            Checks.validSymbol("symbol", symbol);
            var v = new Validator();
            if (adv != null) {
                v.positive("adv", adv);
            }
            v.throwIfInvalid();
            return new SymbolInfo(optionalName("sector", sector), optionalName("country", country),
                    optionalName("currency", currency), adv == null ? Double.NaN : adv);
        }
    }

    /** A batch of reference data. */
    public record ReferenceBatch(List<ReferenceBody> symbols) {
    }

    /** Capital of a portfolio, the base of its equity when the portfolio engine reports none. */
    public record CapitalBody(Double capital) {
    }

    /** A manual resolution; the action is a printable name of at most 200 characters. */
    public record ResolveBody(String actionTaken) {
        public ResolveBody {
            actionTaken = optionalName("action_taken", actionTaken);
        }
    }

    /** A display name when present ({@link Checks#name}: printable, at most 200 characters), else null. */
    public static String optionalName(String field, String value) {
        return value == null || value.isBlank() ? null : Checks.name(field, value);
    }

    /** An id when present ({@link Checks#id}), else null. */
    public static String optionalId(String field, String value) {
        return value == null || value.isBlank() ? null : Checks.id(field, value);
    }

    /** An order to check over HTTP (an {@code OrderIntent} with optional id, strategy and time). */
    public record OrderBody(String orderId, String portfolioId, String strategyId, String symbol, String side,
                            Double quantity, String type, Double limitPrice, Boolean reduceOnly) {
    }

    /** Stateless VaR request: returns per period (rows) per asset (columns), and weights or market values. */
    public record VarBody(double[][] returns, double[] weights, double[] marketValues, Double portfolioValue,
                          Double confidence, Integer horizonDays, String method, Integer simulations, Long seed) {
    }

    /** Stateless volatility forecast request. */
    public record ForecastBody(double[] returns, String model, Integer horizonDays, Double lambda) {
    }
}
