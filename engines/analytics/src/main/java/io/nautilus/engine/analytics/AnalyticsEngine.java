package io.nautilus.engine.analytics;

import io.javalin.config.RoutesConfig;
import io.nautilus.core.bus.Delivery;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Subscription;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.PnlUpdate;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.Topics;
import io.nautilus.core.model.Trade;
import io.nautilus.core.time.Clock;
import io.nautilus.engine.analytics.pnl.PnlLedger;
import io.nautilus.engine.analytics.pnl.PortfolioSnapshot;
import io.nautilus.engine.analytics.pnl.PositionSnapshot;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Analytics engine (port 8100): real-time P&amp;L per portfolio and position from {@code fill.>},
 * {@code position.>}, {@code md.quote.*} and {@code md.trade.*}; {@code pnl.<portfolio>} events on a throttle;
 * a persisted equity curve sampled at a fixed interval; performance metrics, attribution, symbol metrics (bars
 * asked from the Market Data engine) and tear sheets over HTTP ({@link AnalyticsRoutes}, {@link SymbolRoutes}).
 *
 * <p>Threading: the {@link PnlLedger} is touched only on the engine's ring thread. Two timer threads only publish
 * {@link TimerTick}s to the engine's own topics, so publishing and sampling also run on the ring thread; the
 * ring thread replaces an immutable snapshot map that HTTP handlers read, and hands equity samples to a
 * single writer thread, so no store write blocks the ring.
 */
public final class AnalyticsEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsEngine.class);
    static final String TIMER_TOPIC = "_local.analytics.timer";

    /** Timer commands the engine sends itself on {@code _local.analytics.timer.<kind>} (never exported). */
    enum TimerTick { PUBLISH, SAMPLE }

    private final List<Subscription> subscriptions = new ArrayList<>();
    private volatile AnalyticsSettings settings;
    private volatile EquityStore equityStore;
    private volatile Map<String, PortfolioSnapshot> latest = Map.of();
    private volatile MessageBus bus;
    private volatile Clock clock;
    /** Equity samples kept for a retry while the store fails: an hour of one-second samples. */
    static final int MAX_WAITING_SAMPLES = 3_600;
    private final EquityWriter equityWriter = new EquityWriter(samples -> equityStore.append(samples), MAX_WAITING_SAMPLES);
    private volatile List<String> symbols = List.of();
    private PnlLedger ledger;
    private long fills;
    private long positions;
    private long prices;
    private volatile Map<String, Long> counters = Map.of("fills", 0L, "positions", 0L, "prices", 0L);
    private ScheduledExecutorService timers;
    private ExecutorService writer;

    @Inject
    public AnalyticsEngine() {
    }

    @Override
    public EngineId id() {
        return EngineId.ANALYTICS;
    }

    @Override
    public void start(EngineContext ctx) {
        settings = AnalyticsSettings.from(ctx.config());
        bus = ctx.bus();
        clock = ctx.clock();
        equityStore = new EquityStore(ctx.store());
        ledger = restore(equityStore, settings.initialCapital());
        latest = index(ledger.snapshotAll(clock.nowNanos()));
        subscriptions.add(bus.subscribe("fill.>", Fill.class, (f, m) -> {
            ledger.onFill(f.portfolioId(), f.symbol(), f.signedQuantity(), f.price(), f.commission(), f.tsNanos());
            fills++;
        }));
        subscriptions.add(bus.subscribe("position.>", PositionUpdate.class, (p, m) -> {
            ledger.onPosition(p.portfolioId(), p.symbol(), p.quantity(), p.averageCost(), p.realizedPnl(),
                    p.lastPrice(), p.tsNanos());
            positions++;
        }));
        subscriptions.add(bus.subscribe("md.quote.*", Quote.class, (q, m) -> {
            ledger.onPrice(q.symbol(), q.mid());
            prices++;
        }, Delivery.LATEST));
        subscriptions.add(bus.subscribe("md.trade.*", Trade.class, (t, m) -> {
            ledger.onPrice(t.symbol(), t.price());
            prices++;
        }, Delivery.LATEST));
        subscriptions.add(bus.subscribe(TIMER_TOPIC + ".*", TimerTick.class, (tick, m) -> {
            switch (tick) {
                case PUBLISH -> publishChanged();
                case SAMPLE -> sample();
            }
        }));
        writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("analytics-writer").daemon(true).factory());
        timers = Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("analytics-timer").daemon(true).factory());
        timers.scheduleAtFixedRate(() -> bus.publish(TIMER_TOPIC + ".publish", TimerTick.PUBLISH),
                settings.publishIntervalMillis(), settings.publishIntervalMillis(), TimeUnit.MILLISECONDS);
        timers.scheduleAtFixedRate(() -> bus.publish(TIMER_TOPIC + ".sample", TimerTick.SAMPLE),
                settings.sampleIntervalMillis(), settings.sampleIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    private static PnlLedger restore(EquityStore store, double initialCapital) {
        var ledger = new PnlLedger(initialCapital);
        Map<String, Double> capitals = store.portfolios();
        capitals.forEach(ledger::restorePortfolio);
        for (PositionSnapshot p : store.positions()) {
            ledger.restore(p, capitals.getOrDefault(p.portfolioId(), initialCapital));
        }
        return ledger;
    }

    /** Ring thread: publishes {@code pnl.<portfolio>} for every portfolio that changed, refreshes the snapshot. */
    private void publishChanged() {
        long now = clock.nowNanos();
        List<PortfolioSnapshot> changed = ledger.drainChanged(now);
        counters = Map.of("fills", fills, "positions", positions, "prices", prices);
        if (ledger.symbolCount() != symbols.size()) {
            symbols = List.copyOf(ledger.symbols());
        }
        if (changed.isEmpty()) {
            return;
        }
        var next = new LinkedHashMap<>(latest);
        for (PortfolioSnapshot s : changed) {
            next.put(s.portfolioId(), s);
            bus.publish(Topics.pnl(s.portfolioId()), new PnlUpdate(s.portfolioId(), s.realized(), s.unrealized(),
                    s.fees(), s.equity(), now));
        }
        latest = Map.copyOf(next);
    }

    /** Ring thread: samples every portfolio's equity and hands the samples to the writer thread. */
    private void sample() {
        publishChanged();
        List<PortfolioSnapshot> all = ledger.snapshotAll(clock.nowNanos());
        if (all.isEmpty()) {
            return;
        }
        writer.execute(() -> equityWriter.write(all));
    }

    private static Map<String, PortfolioSnapshot> index(List<PortfolioSnapshot> snapshots) {
        var m = new LinkedHashMap<String, PortfolioSnapshot>();
        snapshots.forEach(s -> m.put(s.portfolioId(), s));
        return Map.copyOf(m);
    }

    /** The latest published P&amp;L of every portfolio (immutable; refreshed every publish interval). */
    Map<String, PortfolioSnapshot> latest() {
        return latest;
    }

    /** Symbols with a price or a position seen by the engine, sorted (refreshed every publish interval). */
    List<String> symbols() {
        return symbols;
    }

    AnalyticsSettings settings() {
        return settings;
    }

    EquityStore equityStore() {
        return equityStore;
    }

    MessageBus bus() {
        return bus;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void routes(RoutesConfig routes) {
        new AnalyticsRoutes(this).register(routes);
        new CalculatorRoutes(settings.performance()).register(routes);
        var marketData = new MarketDataClient(bus, settings);
        new SymbolRoutes(this, marketData).register(routes);
    }

    @Override
    public Health health() {
        var d = new LinkedHashMap<String, Object>(counters);
        d.put("portfolios", latest.size());
        d.put("equity_samples_written", equityWriter.written());
        d.put("equity_write_failures", equityWriter.failures());
        d.put("equity_samples_waiting", equityWriter.waiting());
        d.put("equity_samples_dropped", equityWriter.dropped());
        return equityWriter.failing()
                ? Health.degraded("equity samples fail to persist (" + equityWriter.waiting() + " kept for a retry)", d)
                : Health.up(d);
    }

    @Override
    public void stop() {
        if (timers != null) {
            timers.shutdownNow();
        }
        subscriptions.forEach(Subscription::close);
        if (writer != null) {
            writer.shutdown();
            try {
                if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("analytics: equity writer did not finish within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
