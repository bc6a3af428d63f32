package io.nautilus.engine.portfolio;

import io.nautilus.core.engine.DomainFailure;
import io.nautilus.core.engine.WriteBehind;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.WireNames;
import io.nautilus.engine.portfolio.PortfolioStore.Targets;
import io.nautilus.engine.portfolio.rebalance.RebalancePlan;
import io.nautilus.engine.portfolio.rebalance.RebalancePlanner;
import io.nautilus.engine.portfolio.rebalance.RebalanceSchedule;
import io.nautilus.engine.portfolio.rebalance.RebalanceTrade;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The kept targets of rebalanced portfolios and the timer's scheduled rebalances, on the ring thread: a portfolio
 * whose calendar frequency came due or whose drift exceeds {@code portfolio.rebalance.drift_threshold} is
 * rebalanced with market orders through Risk. Targets are kept in memory (loaded at start) and written behind the
 * ring ({@code write_behind.portfolio_targets}, {@code REJECT} when full: a refused write is logged and counted,
 * the targets stay in memory until the next restart). Ring-confined, except {@link #skips()}.
 */
final class ScheduledRebalances {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScheduledRebalances.class);

    private final Map<String, Targets> targets = new LinkedHashMap<>();
    private final RebalanceSkips skips = new RebalanceSkips();
    private final PortfolioSettings settings;
    private final WriteBehind<Targets> writer;

    ScheduledRebalances(Iterable<Targets> stored, PortfolioSettings settings, WriteBehind<Targets> writer) {
        this.settings = settings;
        this.writer = writer;
        for (Targets t : stored) {
            targets.put(t.portfolioId(), t);
        }
    }

    /** Keeps the portfolio's targets (in memory at once, in the store behind the ring). */
    void remember(String portfolioId, Map<String, Double> weights, long nowNanos) {
        var t = new Targets(portfolioId, weights, nowNanos);
        targets.put(portfolioId, t);
        if (!writer.offer(t)) {
            LOG.warn("rebalance targets of {} not written (write-behind full or closed); kept in memory", portfolioId);
        }
    }

    /** Skipped scheduled rebalances, for {@code /health} (thread-safe). */
    RebalanceSkips skips() {
        return skips;
    }

    /**
     * Timer tick: portfolios with kept targets whose schedule is due get their trades as orders. A portfolio whose
     * trades cannot be planned (e.g. a target without a price) is skipped this tick and recorded in {@link #skips()}.
     */
    void onTick(PortfolioDesk desk, long nowNanos) {
        var planner = new RebalancePlanner(settings.fillModel(), settings.rebalanceMinNotional(), true);
        for (Targets t : java.util.List.copyOf(targets.values())) {
            Account a = desk.accounts().get(t.portfolioId());
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
            for (String s : t.weights().keySet()) {
                double m = desk.mark(s);
                if (m > 0) {
                    prices.put(s, m);
                }
            }
            RebalanceSchedule schedule;
            RebalancePlan plan;
            try {
                schedule = new RebalanceSchedule(WireNames.parse(RebalanceSchedule.Frequency.class,
                        "rebalance_frequency", a.info.rebalanceFrequency()), settings.driftThreshold());
                plan = planner.plan(view.totalValue(), holdings, prices, t.weights());
            } catch (IllegalArgumentException unplannable) {
                skips.skipped(t.portfolioId(), unplannable.getMessage(), nowNanos);
                continue;
            }
            skips.planned(t.portfolioId());
            if (plan.trades().isEmpty() || !schedule.isDue(t.lastRebalanceNanos(), nowNanos, plan.maxDrift())) {
                continue;
            }
            for (RebalanceTrade trade : plan.trades()) {
                try {
                    desk.submit(new OrderIntent("ord-" + UUID.randomUUID(), t.portfolioId(), "rebalance",
                            trade.symbol(), trade.side(), trade.quantity(), OrderType.MARKET, Double.NaN, false, nowNanos));
                } catch (DomainFailure refused) {
                    LOG.warn("scheduled rebalance order of {} {} refused: {}", t.portfolioId(), trade.symbol(),
                            refused.getMessage());
                }
            }
            remember(t.portfolioId(), t.weights(), nowNanos);
        }
    }
}
