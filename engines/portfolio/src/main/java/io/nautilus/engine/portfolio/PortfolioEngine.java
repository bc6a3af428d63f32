package io.nautilus.engine.portfolio;

import io.javalin.config.RoutesConfig;
import io.nautilus.core.bus.Delivery;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Topics;
import io.nautilus.core.model.Trade;
import io.nautilus.engine.portfolio.execution.PaperFillModel;

import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Portfolio engine (port 8900): portfolios and FIFO positions, paper execution of orders approved by the
 * Risk engine against the latest quotes, optimization, rebalancing. Consumes {@code md.quote.*}, {@code md.trade.*},
 * {@code order.intent}, {@code order.approved}, {@code order.rejected}; publishes {@code order.intent},
 * {@code fill.<portfolio>}, {@code position.<portfolio>}. All mutable state lives in a {@link PortfolioDesk} on the
 * ring thread; HTTP threads talk to it with bus requests on {@link Commands#TOPIC}. Fills and order changes of one
 * ring batch are committed together at the end of the batch ({@link EngineContext#onEndOfBatch}) and only then
 * published.
 *
 * <p>Configuration: {@code portfolio.slippage.bps} (5), {@code portfolio.commission.bps} (1),
 * {@code portfolio.commission.per_unit} (0), {@code portfolio.commission.min} (0),
 * {@code portfolio.snapshot.interval.seconds} (60; equity snapshots and scheduled rebalances, 0 = off),
 * {@code portfolio.history.interval} (1d), {@code portfolio.history.lookback} (252),
 * {@code portfolio.history.min_periods} (20), {@code portfolio.periods_per_year} (252),
 * {@code portfolio.risk_free_rate} (0), {@code portfolio.rebalance.min_notional} (0),
 * {@code portfolio.rebalance.drift_threshold} (0.05), {@code portfolio.request.timeout.ms} (5000).
 */
public final class PortfolioEngine implements Engine {
    private volatile EngineContext ctx;
    private volatile PortfolioDesk desk;
    private volatile PortfolioStore store;
    private volatile PortfolioRoutes routes;
    private volatile ScheduledExecutorService timer;
    private final long startedNanos = System.nanoTime();

    @Inject
    public PortfolioEngine() {
    }

    @Override
    public EngineId id() {
        return EngineId.PORTFOLIO;
    }

    @Override
    public void start(EngineContext context) {
        this.ctx = context;
        var cfg = context.config();
        var model = new PaperFillModel(cfg.number("portfolio.slippage.bps", 5), cfg.number("portfolio.commission.bps", 1),
                cfg.number("portfolio.commission.per_unit", 0), cfg.number("portfolio.commission.min", 0));
        store = new PortfolioStore(context.store());
        desk = new PortfolioDesk(store, context.bus(), context.clock(), model);
        desk.load();
        routes = new PortfolioRoutes(context, store, model);
        var bus = context.bus();
        bus.subscribe("md.quote.*", Quote.class, (q, m) -> desk.onQuote(q), Delivery.RELIABLE);
        bus.subscribe("md.trade.*", Trade.class, (t, m) -> desk.onTrade(t), Delivery.RELIABLE);
        bus.subscribe(Topics.ORDER_INTENT, OrderIntent.class, (i, m) -> desk.onIntent(i));
        bus.subscribe(Topics.ORDER_APPROVED, RiskDecision.class, (d, m) -> desk.onApproved(d));
        bus.subscribe(Topics.ORDER_REJECTED, RiskDecision.class, (d, m) -> desk.onRejected(d));
        bus.respond(Commands.TOPIC, Commands.Command.class, desk::handle);
        bus.subscribe(Commands.TICK, Commands.Tick.class, (t, m) -> {
            desk.commit();
            routes.onTick(desk, t.nanos());
        });
        PortfolioDesk d = desk;
        context.onEndOfBatch(d::commit);
        int interval = cfg.integer("portfolio.snapshot.interval.seconds", 60);
        if (interval > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("portfolio-timer").unstarted(r));
            timer.scheduleAtFixedRate(() -> bus.publish(Commands.TICK, new Commands.Tick(context.clock().nowNanos())),
                    interval, interval, TimeUnit.SECONDS);
        }
    }

    @Override
    public void routes(RoutesConfig r) {
        routes.register(r);
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("uptime_seconds", (System.nanoTime() - startedNanos) / 1_000_000_000L);
        PortfolioDesk d = desk;
        if (d != null) {
            // counters are written on the ring thread; a slightly stale read is fine for health
            details.put("portfolios", d.accounts().size());
            details.put("fills", d.fillCount());
            details.put("orders_rejected", d.rejectedCount());
        }
        return Health.up(details);
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdownNow();
        }
    }
}
