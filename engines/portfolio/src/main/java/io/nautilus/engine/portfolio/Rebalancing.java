package io.nautilus.engine.portfolio;

import io.nautilus.core.engine.DomainFailure;
import io.nautilus.core.engine.WriteBehind;
import io.nautilus.core.model.Checks;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.time.Clock;
import io.nautilus.engine.portfolio.OptimizeRequests.OptimizeBody;
import io.nautilus.engine.portfolio.PortfolioStore.Targets;
import io.nautilus.engine.portfolio.execution.PaperFillModel;
import io.nautilus.engine.portfolio.rebalance.RebalancePlan;
import io.nautilus.engine.portfolio.rebalance.RebalancePlanner;
import io.nautilus.engine.portfolio.rebalance.RebalanceSchedule;
import io.nautilus.engine.portfolio.rebalance.RebalanceTrade;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /portfolios/{id}/rebalance}: to given target weights or to an optimizer's output; trades sized in
 * whole units above a minimum notional, estimated costs, a dry run that only returns the trades, otherwise market
 * orders sent through risk on {@code order.intent}. The targets of a non-dry-run rebalance are kept, and the timer
 * rebalances again when the portfolio's calendar frequency comes due or its drift exceeds the threshold
 * ({@link ScheduledRebalances}). Runs on the compute pool; reads and changes the desk only with ring calls
 * ({@link DeskCalls}); bad input is a {@link DomainFailure}. Thread-safe.
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

    private final Clock clock;
    private final PaperFillModel model;
    private final PortfolioSettings settings;
    private final DeskCalls desk;
    private final ScheduledRebalances scheduled;
    private final WriteBehind<Targets> targetsWriter;
    private final PortfolioOptimizing optimizing;

    Rebalancing(Clock clock, PortfolioSettings settings, DeskCalls desk, ScheduledRebalances scheduled,
                WriteBehind<Targets> targetsWriter, PortfolioOptimizing optimizing) {
        this.clock = clock;
        this.settings = settings;
        this.model = settings.fillModel();
        this.desk = desk;
        this.scheduled = scheduled;
        this.targetsWriter = targetsWriter;
        this.optimizing = optimizing;
    }

    RebalanceResponse rebalance(String portfolioId, RebalanceBody b) {
        Views.PortfolioView view = desk.ask(d -> d.view(portfolioId));
        Map<String, Double> weights = b.targetWeights();
        if (weights == null) {
            OptimizeBody ob = b.optimize() != null ? b.optimize()
                    : new OptimizeBody(b.method(), null, null, null, null, null, null, null, null, null, null, null, null,
                            null, null, null, null);
            if (b.method() != null && b.optimize() != null && b.optimize().method() == null) {
                throw DomainFailure.invalid("optimize.method", "give the method inside optimize, or only method");
            }
            weights = optimizing.forPortfolio(portfolioId, ob).targetWeights();
        } else {
            double sum = 0;
            for (var e : weights.entrySet()) {
                if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                    throw DomainFailure.invalid("target_weights." + e.getKey(), "must be a finite number");
                }
                try {
                    Checks.validSymbol("target_weights", e.getKey());
                } catch (IllegalArgumentException bad) {
                    throw DomainFailure.invalid("target_weights", bad.getMessage());
                }
                sum += e.getValue();
            }
            if (sum > 1 + 1e-9 || sum < -1e-9) {
                throw DomainFailure.invalid("target_weights", "must sum to a value in [0, 1], got " + sum);
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
            remember(portfolioId, weights, clock.nowNanos());
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
        Map<String, Double> marks = desk.ask(d -> d.marks(symbols));
        marks.forEach((s, m) -> {
            if (m > 0) {
                prices.put(s, m);
            }
        });
        try {
            return new RebalancePlanner(model, minNotional, whole).plan(view.totalValue(), holdings, prices, weights);
        } catch (IllegalArgumentException e) {
            throw DomainFailure.unprocessable("target_weights", e.getMessage());
        }
    }

    private List<String> send(String portfolioId, RebalancePlan plan) {
        var ids = new ArrayList<String>();
        for (RebalanceTrade t : plan.trades()) {
            var intent = new OrderIntent("ord-" + UUID.randomUUID(), portfolioId, "rebalance", t.symbol(), t.side(),
                    t.quantity(), OrderType.MARKET, Double.NaN, false, clock.nowNanos());
            desk.ask(d -> d.submit(intent));
            ids.add(intent.orderId());
        }
        return ids;
    }

    /**
     * Keeps the targets on the ring ({@link ScheduledRebalances}) and waits until they are written, so the answer
     * reports stored targets as before.
     */
    private void remember(String portfolioId, Map<String, Double> weights, long nowNanos) {
        desk.ask(d -> {
            scheduled.remember(portfolioId, weights, nowNanos);
            return null;
        });
        if (!targetsWriter.flush(settings.requestTimeout())) {
            throw new IllegalStateException("the rebalance targets of " + portfolioId + " are not stored yet (see /health"
                    + " write_behind.portfolio_targets); they are kept and written when the store takes them");
        }
    }
}
