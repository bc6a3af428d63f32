package io.nautilus.engine.analytics;

import io.javalin.config.RoutesConfig;
import io.nautilus.core.bus.Delivery;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.bus.Subscription;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.engine.HealthStatus;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.PnlUpdate;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PortfolioStateRequest;
import io.nautilus.core.model.PortfolioStates;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.Topics;
import io.nautilus.core.model.Trade;
import io.nautilus.core.time.Clock;
import io.nautilus.engine.analytics.EquityStore.StoredPortfolio;
import io.nautilus.engine.analytics.pnl.PnlLedger;
import io.nautilus.engine.analytics.pnl.PortfolioSnapshot;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Analytics engine (port 8100): real-time P&amp;L per portfolio and position, reconciled to the Portfolio
 * engine's books ({@code portfolio.state.*}, and a {@link PortfolioStateRequest} at start) and moved by
 * {@code fill.>}, {@code position.>}, {@code md.quote.*} and {@code md.trade.*}; {@code pnl.<portfolio>} events on a
 * throttle; a persisted equity curve sampled at a fixed interval and on stop; performance metrics, attribution,
 * symbol metrics (bars asked from the Market Data engine) and tear sheets over HTTP ({@link AnalyticsRoutes},
 * {@link SymbolRoutes}).
 *
 * <p>Threading: the {@link PnlLedger} is touched only on the engine's ring thread. Timer threads only publish
 * {@link TimerTick}s (and the Portfolio engine's reply) to the engine's own topics, so publishing, sampling and
 * syncing also run on the ring thread; the ring thread replaces an immutable snapshot map that HTTP handlers read
 * (at the end of every batch that brought a state, fill or position, and on the publish timer for prices), and
 * hands equity samples to a single writer thread, so no store write blocks the ring.
 */
public final class AnalyticsEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsEngine.class);
    static final String TIMER_TOPIC = "_local.analytics.timer";
    /** The Portfolio engine's reply to the start-up request, handed to the ring thread. */
    static final String SYNC_TOPIC = "_local.analytics.sync";
    /** The final sample on stop. */
    static final String FLUSH_TOPIC = "_local.analytics.flush";
    /** First retry delay of the start-up state request; doubled after each failure up to the maximum. */
    static final long SYNC_RETRY_FIRST_MILLIS = 100;
    static final long SYNC_RETRY_MAX_MILLIS = 5_000;
    /** Equity samples kept for a retry while the store fails: an hour of one-second samples. */
    static final int MAX_WAITING_SAMPLES = 3_600;
    /** How long stop() waits for the final sample to be taken and for the writer to store what it was given. */
    static final long STOP_WAIT_MILLIS = 10_000;

    /** Timer commands the engine sends itself on {@code _local.analytics.timer.<kind>} (never exported). */
    enum TimerTick { PUBLISH, SAMPLE }

    /** Asks the ring thread for a final sample; {@code done} completes once it is handed to the writer. */
    record Flush(CompletableFuture<Void> done) {
    }

    private final List<Subscription> subscriptions = new ArrayList<>();
    private volatile AnalyticsSettings settings;
    private volatile EquityStore equityStore;
    private volatile Map<String, PortfolioSnapshot> latest = Map.of();
    private volatile MessageBus bus;
    private volatile Clock clock;
    private final EquityWriter equityWriter = new EquityWriter(samples -> equityStore.append(samples), MAX_WAITING_SAMPLES);
    private volatile List<String> symbols = List.of();
    private PnlLedger ledger;
    /** Portfolios whose book a state, fill or position changed in the current batch (ring thread). */
    private final Set<String> touched = new HashSet<>();
    private long fills;
    private long positions;
    private long prices;
    private long states;
    /** States, fills and positions older than the portfolio's last state (it holds them). */
    private long ignored;
    private volatile Map<String, Long> counters = Map.of("fills", 0L, "positions", 0L, "prices", 0L,
            "portfolio_states", 0L, "stale_events_ignored", 0L);
    private volatile boolean synced;
    private volatile long syncAttempts;
    private volatile String syncError = "not asked yet";
    private volatile boolean stopping;
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
        symbols = List.copyOf(ledger.symbols());
        subscriptions.add(bus.subscribe("portfolio.state.*", PortfolioState.class, (s, m) -> apply(s)));
        subscriptions.add(bus.subscribe(SYNC_TOPIC, PortfolioStates.class, (s, m) -> synced(s)));
        subscriptions.add(bus.subscribe("fill.>", Fill.class, (f, m) -> {
            if (ledger.onFill(f.portfolioId(), f.symbol(), f.signedQuantity(), f.price(), f.commission(), f.tsNanos())) {
                touched.add(f.portfolioId());
                fills++;
            } else {
                ignored++;
            }
        }));
        subscriptions.add(bus.subscribe("position.>", PositionUpdate.class, (p, m) -> {
            if (ledger.onPosition(p.portfolioId(), p.symbol(), p.quantity(), p.averageCost(), p.realizedPnl(),
                    p.lastPrice(), p.tsNanos())) {
                touched.add(p.portfolioId());
                positions++;
            } else {
                ignored++;
            }
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
        subscriptions.add(bus.subscribe(FLUSH_TOPIC, Flush.class, (f, m) -> {
            sample();
            f.done().complete(null);
        }));
        ctx.onEndOfBatch(this::refreshTouched);
        writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("analytics-writer").daemon(true).factory());
        timers = Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("analytics-timer").daemon(true).factory());
        timers.scheduleAtFixedRate(() -> bus.publish(TIMER_TOPIC + ".publish", TimerTick.PUBLISH),
                settings.publishIntervalMillis(), settings.publishIntervalMillis(), TimeUnit.MILLISECONDS);
        timers.scheduleAtFixedRate(() -> bus.publish(TIMER_TOPIC + ".sample", TimerTick.SAMPLE),
                settings.sampleIntervalMillis(), settings.sampleIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every engine of the process has started: ask the Portfolio engine for every book. */
    @Override
    public void ready() {
        requestStates(SYNC_RETRY_FIRST_MILLIS);
    }

    /** The last sampled books, which stand until the Portfolio engine's states replace them. */
    private static PnlLedger restore(EquityStore store, double defaultCapital) {
        var ledger = new PnlLedger(defaultCapital);
        for (StoredPortfolio p : store.portfolios()) {
            ledger.restorePortfolio(p.portfolioId(), p.initialCapital(), p.cash(), p.fees());
        }
        store.positions().forEach(ledger::restore);
        return ledger;
    }

    /**
     * Sends the start-up {@link PortfolioStateRequest}; on a failure (no Portfolio engine yet, no answer in time)
     * sends it again after {@code retryDelay}, doubling the delay up to {@link #SYNC_RETRY_MAX_MILLIS}, until it is
     * answered or the engine stops. The reply goes to the ring thread on {@link #SYNC_TOPIC}.
     */
    private void requestStates(long retryDelay) {
        if (stopping) {
            return;
        }
        syncAttempts++;
        CompletableFuture<PortfolioStates> reply;
        try {
            reply = bus.request(PortfolioStateRequest.TOPIC, PortfolioStateRequest.all(), PortfolioStates.class,
                    Duration.ofMillis(settings.portfolioSyncTimeoutMillis()));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((states, e) -> {
            if (stopping) {
                return;
            }
            if (e == null) {
                try {
                    bus.publish(SYNC_TOPIC, states, Priority.HIGH);
                } catch (RuntimeException closed) {
                    LOG.debug("analytics: the Portfolio engine's reply arrived as the bus closed", closed);
                }
                return;
            }
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            String why = cause instanceof TimeoutException ? "no answer within "
                    + settings.portfolioSyncTimeoutMillis() + " ms" : String.valueOf(cause.getMessage());
            if (syncAttempts == 1) {
                LOG.info("analytics: waiting for the Portfolio engine's books ({}); asking again", why);
            }
            syncError = why;
            try {
                timers.schedule(() -> requestStates(Math.min(2 * retryDelay, SYNC_RETRY_MAX_MILLIS)), retryDelay,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // the engine is stopping
            }
        });
    }

    /** Ring thread: the Portfolio engine's reply to the start-up request. */
    private void synced(PortfolioStates reply) {
        for (PortfolioState s : reply.portfolios()) {
            apply(s);
        }
        if (!synced) {
            LOG.info("analytics: synced with the Portfolio engine's books ({} portfolio(s), after {} request(s))",
                    reply.portfolios().size(), syncAttempts);
        }
        synced = true;
        syncError = null;
    }

    /** Ring thread: a portfolio's book as the Portfolio engine holds it replaces the ledger's. */
    private void apply(PortfolioState s) {
        if (ledger.onState(s)) {
            touched.add(s.portfolioId());
            states++;
        } else {
            ignored++;
        }
    }

    /**
     * Ring thread, after each batch: refreshes the HTTP snapshot of the portfolios whose book changed in it, so a
     * route sees a new portfolio or a fill as soon as it is applied (prices refresh on the publish timer).
     */
    private void refreshTouched() {
        if (touched.isEmpty()) {
            return;
        }
        long now = clock.nowNanos();
        var next = new LinkedHashMap<>(latest);
        for (String id : touched) {
            next.put(id, ledger.snapshot(id, now));
        }
        touched.clear();
        latest = Map.copyOf(next);
        if (ledger.symbolCount() != symbols.size()) {
            symbols = List.copyOf(ledger.symbols());
        }
    }

    /** Ring thread: publishes {@code pnl.<portfolio>} for every portfolio that changed, refreshes the snapshot. */
    private void publishChanged() {
        long now = clock.nowNanos();
        List<PortfolioSnapshot> changed = ledger.drainChanged(now);
        counters = Map.of("fills", fills, "positions", positions, "prices", prices, "portfolio_states", states,
                "stale_events_ignored", ignored);
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
        if (all.isEmpty() || writer.isShutdown()) {
            return;
        }
        writer.execute(() -> equityWriter.write(all));
    }

    private static Map<String, PortfolioSnapshot> index(List<PortfolioSnapshot> snapshots) {
        var m = new LinkedHashMap<String, PortfolioSnapshot>();
        snapshots.forEach(s -> m.put(s.portfolioId(), s));
        return Map.copyOf(m);
    }

    /**
     * The latest P&amp;L of every portfolio (immutable; refreshed after each batch that changed a book, and every
     * publish interval for prices).
     */
    Map<String, PortfolioSnapshot> latest() {
        return latest;
    }

    /** True once the Portfolio engine has answered the start-up request for every book. */
    boolean synced() {
        return synced;
    }

    /** Symbols with a price or a position seen by the engine, sorted. */
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
        d.put("synced", synced);
        d.put("portfolio_sync_attempts", syncAttempts);
        d.put("portfolios", latest.size());
        d.put("equity_samples_written", equityWriter.written());
        d.put("equity_write_failures", equityWriter.failures());
        d.put("equity_samples_waiting", equityWriter.waiting());
        d.put("equity_samples_dropped", equityWriter.dropped());
        Health h = Health.up(d);
        if (!synced) {
            h = h.and(HealthStatus.DEGRADED, "not synced with the Portfolio engine's books yet (" + syncAttempts
                    + " request(s): " + syncError + "); P&L shows the last sampled books and the fills since");
        }
        if (equityWriter.failing()) {
            h = h.and(HealthStatus.DEGRADED, "equity samples fail to persist (" + equityWriter.waiting()
                    + " kept for a retry)");
        }
        return h;
    }

    /**
     * Takes a final equity sample of every portfolio on the ring thread (after what is queued before it), waits
     * until the writer has stored it, then releases the timers and the writer. Idempotent.
     */
    @Override
    public void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        if (timers != null) {
            timers.shutdownNow();
        }
        if (writer != null && !writer.isShutdown()) {
            var done = new CompletableFuture<Void>();
            try {
                bus.publish(FLUSH_TOPIC, new Flush(done));
                done.get(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | RuntimeException e) {
                LOG.warn("analytics: the final equity sample was not taken before stop ({})", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscriptions.forEach(Subscription::close);
        if (writer != null) {
            writer.shutdown();
            try {
                if (!writer.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    LOG.warn("analytics: equity writer did not finish within {} ms", STOP_WAIT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (equityWriter.waiting() > 0) {
            LOG.warn("analytics: {} equity sample(s) not persisted at stop (the store refused them)",
                    equityWriter.waiting());
        }
    }
}
