package io.nautilus.engine.risk;

import io.nautilus.core.engine.EngineConfig;
import io.nautilus.engine.risk.control.OrderControls;
import io.nautilus.engine.risk.limit.ExposureBook;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The risk engine's settings, read once from {@link EngineConfig} keys {@code risk.*} (see docs/risk.md).
 * Immutable and thread-safe.
 *
 * @param book              participation rate and annualization of the limit measures
 * @param defaultControls   order controls of portfolios without their own ({@code risk.controls.*})
 * @param modelLambda       EWMA decay of the covariance behind the limit measures
 * @param minHistory        daily returns a symbol needs before the model covers it
 * @param maxHistory        most recent daily bars kept per symbol
 * @param advDays           daily bars averaged into the ADV
 * @param requestHistory    whether to ask the Market Data engine for daily bars of new symbols
 * @param requestTimeoutMs  timeout of those requests and of HTTP requests to the ring
 * @param hysteresisPct     breach hysteresis band, utilisation points
 * @param autoResolve       whether breaches resolve themselves once back under the warning threshold
 * @param monitorOnStart    whether monitoring runs from the start (else after POST /risk/monitor/start)
 * @param varLambda         EWMA decay of the EWMA and FHS VaR methods
 * @param varSimulations    Monte Carlo simulations
 * @param varSeed           Monte Carlo seed
 * @param predictionSeconds period of the breach prediction (0 = off)
 * @param alertProbability  breach probability at which a prediction is published
 * @param predictionModel   {@code garch} or {@code ewma}
 * @param modelSeconds      shortest interval between two rebuilds of the covariance model
 * @param whatIfMaxOpen     most open what-if breaches kept; beyond it the oldest are dropped (deleted)
 * @param syncMaxHeldOrders most {@code order.intent}s held while the books sync (0 = none: refused at once)
 * @param syncMaxHoldMs     longest an intent is held while the books sync before it is refused
 */
public record RiskSettings(ExposureBook.Settings book, OrderControls defaultControls, double modelLambda,
                           int minHistory, int maxHistory, int advDays, boolean requestHistory, long requestTimeoutMs,
                           double hysteresisPct, boolean autoResolve, boolean monitorOnStart, double varLambda,
                           int varSimulations, long varSeed, int predictionSeconds, double alertProbability,
                           String predictionModel, int modelSeconds, int whatIfMaxOpen,
                           int syncMaxHeldOrders, long syncMaxHoldMs) {

    public RiskSettings {
        if (!(modelLambda > 0 && modelLambda < 1) || !(varLambda > 0 && varLambda < 1)) {
            throw new IllegalArgumentException("risk.model.lambda and risk.var.lambda must be in (0, 1)");
        }
        if (minHistory < 20 || maxHistory < minHistory + 1) {
            throw new IllegalArgumentException("risk.model.min_history must be >= 20 and risk.model.max_history > it");
        }
        if (advDays < 1) {
            throw new IllegalArgumentException("risk.adv.days must be >= 1, got " + advDays);
        }
        if (!(alertProbability > 0 && alertProbability < 1)) {
            throw new IllegalArgumentException("risk.prediction.alert_probability must be in (0, 1), got " + alertProbability);
        }
        if (!predictionModel.equals("garch") && !predictionModel.equals("ewma")) {
            throw new IllegalArgumentException("risk.prediction.model must be garch or ewma, got " + predictionModel);
        }
        if (whatIfMaxOpen < 1) {
            throw new IllegalArgumentException("risk.what_if.max_open must be >= 1, got " + whatIfMaxOpen);
        }
        if (syncMaxHeldOrders < 0) {
            throw new IllegalArgumentException("risk.sync.max_held_orders must be >= 0, got " + syncMaxHeldOrders);
        }
        if (syncMaxHoldMs < 1) {
            throw new IllegalArgumentException("risk.sync.max_hold_ms must be >= 1, got " + syncMaxHoldMs);
        }
    }

    /** Reads the settings; a malformed value fails fast naming its key. */
    public static RiskSettings from(EngineConfig c) {
        var book = new ExposureBook.Settings(c.number("risk.participation_rate", 0.1),
                c.number("risk.annualization_days", 252));
        Set<String> restricted = Arrays.stream(c.string("risk.controls.restricted_symbols", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        var controls = new OrderControls(
                c.number("risk.controls.max_quantity", Double.POSITIVE_INFINITY),
                c.number("risk.controls.max_notional", Double.POSITIVE_INFINITY),
                c.number("risk.controls.price_collar", Double.POSITIVE_INFINITY), restricted,
                c.integer("risk.controls.max_orders_per_second_portfolio", 0),
                c.integer("risk.controls.max_orders_per_second_strategy", 0));
        return new RiskSettings(book, controls, c.number("risk.model.lambda", 0.94),
                c.integer("risk.model.min_history", 30), c.integer("risk.model.max_history", 500),
                c.integer("risk.adv.days", 20), c.flag("risk.history.request", true),
                c.integer("risk.request.timeout_ms", 2000), c.number("risk.monitor.hysteresis_pct", 5.0),
                c.flag("risk.monitor.auto_resolve", true), c.flag("risk.monitor.enabled", true),
                c.number("risk.var.lambda", 0.94), c.integer("risk.var.simulations", 10_000),
                c.integer("risk.var.seed", 20_240_601), c.integer("risk.prediction.interval_seconds", 60),
                c.number("risk.prediction.alert_probability", 0.05), c.string("risk.prediction.model", "garch"),
                c.integer("risk.model.rebuild_seconds", 1), c.integer("risk.what_if.max_open", 10_000),
                c.integer("risk.sync.max_held_orders", 10_000), c.integer("risk.sync.max_hold_ms", 10_000));
    }
}
