package io.nautilus.engine.portfolio;

import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.http.Json;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.engine.portfolio.OptimizeRequests.OptimizeBody;
import io.nautilus.engine.portfolio.execution.PaperFillModel;
import io.nautilus.engine.portfolio.rebalance.RebalancePlan;
import io.nautilus.engine.portfolio.rebalance.RebalancePlanner;
import io.nautilus.engine.portfolio.rebalance.RebalanceSchedule;
import io.nautilus.engine.portfolio.rebalance.RebalanceTrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code POST /portfolios/{id}/rebalance}: to given target weights or to an optimizer's output; trades sized in
 * whole units above a minimum notional, estimated costs, a dry run that only returns the trades, otherwise market
 * orders sent through risk on {@code order.intent}. The targets of a non-dry-run rebalance are kept, and the timer
 * rebalances again when the portfolio's calendar frequency comes due or its drift exceeds the threshold.
 * Thread-safe.
 */
final class Rebalancing {
    /** Request body; every field optional (no target_weights and no method: the portfolio's optimization_method). */
    record RebalanceBody(Map<String, Double> targetWeights, String method, Boolean dryRun, Double minNotional,
                         Boolean wholeUnits, Double driftThreshold, OptimizeBody optimize) {
        static final RebalanceBody EMPTY = new RebalanceBody(null, null, null, null, null, null, null);
    }

    /** Response. */
    record RebalanceResponse(String status, String portfolioId, List<RebalanceTrade> trades, double turnover,
                             double cost, double estimatedCost, double maxDrift, Map<String, Double> targetWeights,
                             List<String> orderIds) {
    }

    private record Target(Map<String, Double> weights, long lastRebalanceNanos) {
    }

    private final EngineContext ctx;
    private final PortfolioStore store;
    private final PaperFillModel model;
    private final PortfolioSettings settings;
    private final RebalanceSkips skips = new RebalanceSkips();
    private final Function<Commands.Command, Object> ask;
    private final PortfolioOptimizing optimizing;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();

    Rebalancing(EngineContext ctx, PortfolioStore store, PortfolioSettings settings,
                Function<Commands.Command, Object> ask, PortfolioOptimizing optimizing) {
        this.ctx = ctx;
        this.store = store;
        this.settings = settings;
        this.model = settings.fillModel();
        this.ask = ask;
        this.optimizing = optimizing;
        for (String[] row : store.targets()) {
            targets.put(row[0], new Target(parse(row[1]), Long.parseLong(row[2])));
        }
    }

    private static Map<String, Double> parse(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<LinkedHashMap<String, Double>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt rebalance targets: " + e.getMessage(), e);
        }
    }

    RebalanceResponse rebalance(String portfolioId, RebalanceBody b) {
        var view = (Views.PortfolioView) ask.apply(new Commands.Snapshot(portfolioId));
        Map<String, Double> weights = b.targetWeights();
        if (weights == null) {
            OptimizeBody ob = b.optimize() != null ? b.optimize()
                    : new OptimizeBody(b.method(), null, null, null, null, null, null, null, null, null, null, null, null,
                            null, null, null, null);
            if (b.method() != null && b.optimize() != null && b.optimize().method() == null) {
                throw ProblemException.badField("optimize.method", "give the method inside optimize, or only method");
            }
            weights = optimizing.forPortfolio(portfolioId, ob).targetWeights();
        } else {
            double sum = 0;
            for (var e : weights.entrySet()) {
                if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                    throw ProblemException.badField("target_weights." + e.getKey(), "must be a finite number");
                }
                io.nautilus.core.model.Checks.validSymbol("target_weights", e.getKey());
                sum += e.getValue();
            }
            if (sum > 1 + 1e-9 || sum < -1e-9) {
                throw ProblemException.badField("target_weights", "must sum to a value in [0, 1], got " + sum);
            }
        }
        double minNotional = b.minNotional() != null ? b.minNotional() : settings.rebalanceMinNotional();
        boolean dryRun = Boolean.TRUE.equals(b.dryRun());
        RebalancePlan plan = plan(view, weights, minNotional, b.wholeUnits() == null || b.wholeUnits());
        double threshold = b.driftThreshold() == null ? Double.NaN : b.driftThreshold();
        if (!Double.isNaN(threshold) && !new RebalanceSchedule(RebalanceSchedule.Frequency.NONE, threshold).driftDue(plan.maxDrift())) {
            return new RebalanceResponse("within_threshold", portfolioId, List.of(), 0, 0, 0, plan.maxDrift(), weights, List.of());
        }
        List<String> orders = dryRun ? List.of() : send(portfolioId, plan);
        if (!dryRun) {
            remember(portfolioId, weights, ctx.clock().nowNanos());
        }
        return new RebalanceResponse(dryRun ? "dry_run" : "rebalance_submitted", portfolioId, plan.trades(),
                plan.turnover(), plan.estimatedCost(), plan.estimatedCost(), plan.maxDrift(), weights, orders);
    }

    private RebalancePlan plan(Views.PortfolioView view, Map<String, Double> weights, double minNotional, boolean whole) {
        var symbols = new LinkedHashSet<String>(weights.keySet());
        var holdings = new HashMap<String, Double>();
        var prices = new HashMap<String, Double>();
        for (Views.PositionView p : view.positions()) {
            symbols.add(p.symbol());
            holdings.put(p.symbol(), p.quantity());
            prices.put(p.symbol(), p.lastPrice());
        }
        @SuppressWarnings("unchecked")
        var marks = (Map<String, Double>) ask.apply(new Commands.Prices(List.copyOf(symbols)));
        marks.forEach((s, m) -> {
            if (m > 0) {
                prices.put(s, m);
            }
        });
        try {
            return new RebalancePlanner(model, minNotional, whole).plan(view.totalValue(), holdings, prices, weights);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage(), List.of());
        }
    }

    private List<String> send(String portfolioId, RebalancePlan plan) {
        var ids = new ArrayList<String>();
        for (RebalanceTrade t : plan.trades()) {
            var intent = new OrderIntent("ord-" + UUID.randomUUID(), portfolioId, "rebalance", t.symbol(), t.side(),
                    t.quantity(), OrderType.MARKET, Double.NaN, false, ctx.clock().nowNanos());
            ask.apply(new Commands.Submit(intent));
            ids.add(intent.orderId());
        }
        return ids;
    }

    private void remember(String portfolioId, Map<String, Double> weights, long nowNanos) {
        try {
            store.saveTargets(portfolioId, Json.mapper().writeValueAsString(weights), nowNanos);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize targets", e);
        }
        targets.put(portfolioId, new Target(Map.copyOf(weights), nowNanos));
    }

    /** Skipped scheduled rebalances, for {@code /health}. */
    RebalanceSkips skips() {
        return skips;
    }

    /**
     * Timer tick on the ring thread: portfolios with kept targets whose calendar frequency came due or whose drift
     * exceeds {@code portfolio.rebalance.drift_threshold} are rebalanced (orders go through risk). A portfolio whose
     * trades cannot be planned (e.g. a target without a price) is skipped this tick and recorded in {@link #skips()}.
     */
    void onTick(PortfolioDesk desk, long nowNanos) {
        var planner = new RebalancePlanner(model, settings.rebalanceMinNotional(), true);
        for (var e : targets.entrySet()) {
            Account a = desk.accounts().get(e.getKey());
            if (a == null) {
                continue;
            }
            Views.PortfolioView view = desk.view(a);
            var holdings = new HashMap<String, Double>();
            var prices = new HashMap<String, Double>();
            for (Views.PositionView p : view.positions()) {
                holdings.put(p.symbol(), p.quantity());
                prices.put(p.symbol(), p.lastPrice());
            }
            for (String s : e.getValue().weights().keySet()) {
                double m = desk.mark(s);
                if (m > 0) {
                    prices.put(s, m);
                }
            }
            RebalanceSchedule schedule;
            RebalancePlan plan;
            try {
                schedule = new RebalanceSchedule(RebalanceSchedule.Frequency.parse(a.info.rebalanceFrequency()),
                        settings.driftThreshold());
                plan = planner.plan(view.totalValue(), holdings, prices, e.getValue().weights());
            } catch (IllegalArgumentException unplannable) {
                skips.skipped(e.getKey(), unplannable.getMessage(), nowNanos);
                continue;
            }
            skips.planned(e.getKey());
            if (plan.trades().isEmpty() || !schedule.isDue(e.getValue().lastRebalanceNanos(), nowNanos, plan.maxDrift())) {
                continue;
            }
            for (RebalanceTrade t : plan.trades()) {
                desk.handle(new Commands.Submit(new OrderIntent("ord-" + UUID.randomUUID(), e.getKey(), "rebalance",
                        t.symbol(), t.side(), t.quantity(), OrderType.MARKET, Double.NaN, false, nowNanos)));
            }
            remember(e.getKey(), e.getValue().weights(), nowNanos);
        }
    }
}
