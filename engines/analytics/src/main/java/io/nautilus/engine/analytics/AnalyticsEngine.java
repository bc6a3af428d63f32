package io.nautilus.engine.analytics;

import io.javalin.config.RoutesConfig;
import io.nautilus.core.bus.Delivery;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Subscription;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.engine.HealthStatus;
import io.nautilus.core.engine.Timer;
import io.nautilus.core.engine.WriteBehind;
import io.nautilus.core.engine.WriteBehindConfig;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.PnlUpdate;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PortfolioStateRequest;
import io.nautilus.core.model.PortfolioStates;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.Topics;
import io.nautilus.core.model.Trade;
import io.nautilus.engine.analytics.EquityStore.EquitySample;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Analytics engine (port 8100): real-time P&amp;L per portfolio and position, reconciled to the Portfolio
 * engine's books ({@code portfolio.state.*}, and a {@link PortfolioStateRequest} at start) and moved by
 * {@code fill.>}, {@code position.>}, {@code md.quote.*} and {@code md.trade.*}; {@code pnl.<portfolio>} events on a
 * throttle; a persisted equity curve sampled at a fixed interval and on stop; performance metrics, attribution,
 * symbol metrics (bars asked from the Market Data engine) and tear sheets over HTTP ({@link AnalyticsRoutes},
 * {@link SymbolRoutes}, {@link CalculatorRoutes}).
 *
 * <p>Threading: the {@link PnlLedger} and the counters are touched only on the engine's ring thread: bus handlers,
 * the publish and sample timers ({@code ctx.every}), the start-up request's retries ({@code ctx.after}) and its
 * reply ({@code ctx.call}) all run there. The ring thread publishes an immutable {@link AnalyticsView} that HTTP
 * handlers and {@code /health} read (after every batch that brought a state, fill or position, and on the publish
 * timer for prices), and offers equity samples to the {@code equity_samples} write-behind writer, so no store write
 * blocks the ring.
 */
public final class AnalyticsEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsEngine.class);
    /** First retry delay of the start-up state request; doubled after each failure up to the maximum. */
    static final long SYNC_RETRY_FIRST_MILLIS = 100;
    static final long SYNC_RETRY_MAX_MILLIS = 5_000;
    /** Equity samples kept for a retry while the store fails: an hour of one-second samples. */
    static final int MAX_WAITING_SAMPLES = 3_600;
    /** Samples written per transaction when several wait (after a store outage). */
    static final int SAMPLES_PER_BATCH = 60;
    /** How long stop() waits for the final sample to be taken on the ring thread. */
    static final long STOP_WAIT_MILLIS = 10_000;
    /** The write-behind writer of equity samples ({@code /health} {@code write_behind.equity_samples}). */
    static final String WRITER = "equity_samples";

    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Timer> timers = new ArrayList<>();
    private volatile EngineContext ctx;
    private volatile AnalyticsSettings settings;
    private volatile EquityStore equityStore;
    private volatile WriteBehind<EquitySample> samples;
    /** Portfolio rows of equity written (the writer thread adds, after each batch it wrote). */
    private final AtomicLong rowsWritten = new AtomicLong();
    /** What HTTP threads read; replaced by the ring thread, never mutated. */
    private volatile AnalyticsView view = AnalyticsView.EMPTY;
    private PnlLedger ledger;
    /** Portfolios whose book a state, fill or position changed in the current batch (ring thread). */
    private final Set<String> touched = new HashSet<>();
    private long fills;
    private long positions;
    private long prices;
    private long states;
    /** States, fills and positions older than the portfolio's last state (it holds them). */
    private long ignored;
    /** Written on the ring thread only; volatile for /health. */
    private volatile boolean synced;
    private volatile long syncAttempts;
    private volatile String syncError = "not asked yet";
    private volatile boolean stopping;

    @Inject
    public AnalyticsEngine() {
    }

    @Override
    public EngineId id() {
        return EngineId.ANALYTICS;
    }

    @Override
    public void start(EngineContext ctx) {
        this.ctx = ctx;
        settings = AnalyticsSettings.from(ctx.config());
        MessageBus bus = ctx.bus();
        equityStore = new EquityStore(ctx.store());
        ledger = restore(equityStore, settings.initialCapital());
        view = new AnalyticsView(index(ledger.snapshotAll(ctx.clock().nowNanos())), List.copyOf(ledger.symbols()),
                counters());
        samples = ctx.writeBehind(WriteBehindConfig.custom(WRITER).capacity(MAX_WAITING_SAMPLES)
                .maxBatch(SAMPLES_PER_BATCH).overflow(WriteBehindConfig.Overflow.DROP_OLDEST).build(),
                batch -> rowsWritten.addAndGet(equityStore.append(batch)));
        subscriptions.add(bus.subscribe("portfolio.state.*", PortfolioState.class, (s, m) -> apply(s)));
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
        ctx.onEndOfBatch(this::refreshTouched);
        timers.add(ctx.every(Duration.ofMillis(settings.publishIntervalMillis()), this::publishChanged));
        timers.add(ctx.every(Duration.ofMillis(settings.sampleIntervalMillis()), this::sample));
    }

    /** Every engine of the process has started: ask the Portfolio engine for every book (from the ring thread). */
    @Override
    public void ready() {
        ctx.call(() -> {
            requestStates(SYNC_RETRY_FIRST_MILLIS);
            return null;
        });
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
     * Ring thread: sends the start-up {@link PortfolioStateRequest}. The reply is applied on the ring thread
     * ({@code ctx.call}); a failure (no Portfolio engine yet, no answer in time) sends it again after
     * {@code retryDelay} ({@code ctx.after}), doubling the delay up to {@link #SYNC_RETRY_MAX_MILLIS}, until it is
     * answered or the engine stops.
     */
    private void requestStates(long retryDelay) {
        if (stopping) {
            return;
        }
        syncAttempts++;
        CompletableFuture<PortfolioStates> reply;
        try {
            reply = ctx.bus().request(PortfolioStateRequest.TOPIC, PortfolioStateRequest.all(), PortfolioStates.class,
                    Duration.ofMillis(settings.portfolioSyncTimeoutMillis()));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((states, e) -> {
            if (stopping) {
                return;
            }
            if (e == null) {
                ctx.call(() -> {
                    synced(states);
                    return null;
                });
                return;
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            String why = cause instanceof TimeoutException ? "no answer within "
                    + settings.portfolioSyncTimeoutMillis() + " ms" : String.valueOf(cause.getMessage());
            if (syncAttempts == 1) {
                LOG.info("analytics: waiting for the Portfolio engine's books ({}); asking again", why);
            }
            syncError = why;
            try {
                ctx.after(Duration.ofMillis(retryDelay),
                        () -> requestStates(Math.min(2 * retryDelay, SYNC_RETRY_MAX_MILLIS)));
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
     * Ring thread, after each batch: refreshes the view of the portfolios whose book changed in it, so a route sees
     * a new portfolio or a fill as soon as it is applied (prices refresh on the publish timer).
     */
    private void refreshTouched() {
        if (touched.isEmpty()) {
            return;
        }
        long now = ctx.clock().nowNanos();
        AnalyticsView v = view;
        var next = new LinkedHashMap<>(v.portfolios());
        for (String id : touched) {
            next.put(id, ledger.snapshot(id, now));
        }
        touched.clear();
        view = new AnalyticsView(next, symbols(v), v.counters());
    }

    /** Ring thread: the ledger's symbols, reusing the view's list while their number is unchanged. */
    private List<String> symbols(AnalyticsView v) {
        return ledger.symbolCount() == v.symbols().size() ? v.symbols() : List.copyOf(ledger.symbols());
    }

    private Map<String, Long> counters() {
        var c = new LinkedHashMap<String, Long>();
        c.put("fills", fills);
        c.put("positions", positions);
        c.put("prices", prices);
        c.put("portfolio_states", states);
        c.put("stale_events_ignored", ignored);
        return c;
    }

    /** Ring thread (publish timer): publishes {@code pnl.<portfolio>} for every portfolio that changed, refreshes the view. */
    private void publishChanged() {
        long now = ctx.clock().nowNanos();
        List<PortfolioSnapshot> changed = ledger.drainChanged(now);
        AnalyticsView v = view;
        var next = new LinkedHashMap<>(v.portfolios());
        for (PortfolioSnapshot s : changed) {
            next.put(s.portfolioId(), s);
            ctx.bus().publish(Topics.pnl(s.portfolioId()), new PnlUpdate(s.portfolioId(), s.realized(), s.unrealized(),
                    s.fees(), s.equity(), now));
        }
        view = new AnalyticsView(changed.isEmpty() ? v.portfolios() : next, symbols(v), counters());
    }

    /** Ring thread (sample timer, and once at stop): samples every portfolio's equity and offers it to the writer. */
    private void sample() {
        publishChanged();
        List<PortfolioSnapshot> all = ledger.snapshotAll(ctx.clock().nowNanos());
        if (!all.isEmpty()) {
            samples.offer(new EquitySample(all));
        }
    }

    private static Map<String, PortfolioSnapshot> index(List<PortfolioSnapshot> snapshots) {
        var m = new LinkedHashMap<String, PortfolioSnapshot>();
        snapshots.forEach(s -> m.put(s.portfolioId(), s));
        return m;
    }

    /** The view HTTP threads read (immutable; see {@link AnalyticsView}). */
    AnalyticsView view() {
        return view;
    }

    @Override
    public void routes(RoutesConfig routes) {
        var pnl = new AnalyticsRoutes(this::view, equityStore, settings, ctx.clock());
        pnl.register(routes);
        new CalculatorRoutes(settings.performance()).register(routes);
        var symbols = new SymbolRoutes(this::view, settings, new MarketDataClient(ctx.bus(), settings), pnl);
        symbols.register(routes);
        new CalculateRoutes(this::view, settings, symbols).register(routes);
    }

    @Override
    public Health health() {
        AnalyticsView v = view;
        var d = new LinkedHashMap<String, Object>(v.counters());
        d.put("synced", synced);
        d.put("portfolio_sync_attempts", syncAttempts);
        d.put("portfolios", v.portfolios().size());
        WriteBehind<EquitySample> w = samples;
        if (w != null) {
            // the writer's own counters (and the DEGRADED while it fails) are under write_behind.equity_samples
            WriteBehind.Stats st = w.stats();
            d.put("equity_samples_written", rowsWritten.get());
            d.put("equity_write_failures", st.failures());
            d.put("equity_samples_waiting", st.waiting());
            d.put("equity_samples_dropped", st.dropped());
        }
        Health h = Health.up(d);
        if (!synced) {
            h = h.and(HealthStatus.DEGRADED, "not synced with the Portfolio engine's books yet (" + syncAttempts
                    + " request(s): " + syncError + "); P&L shows the last sampled books and the fills since");
        }
        return h;
    }

    /**
     * Stops the timers and takes a final equity sample of every portfolio on the ring thread, after the messages
     * queued before the stop (a one-shot {@code ctx.after} runs on the ring's normal lane, behind them; a
     * {@code ctx.call} would overtake them on the urgent lane); the host then drains the ring and flushes the
     * writer, so the sample is stored before the store closes. Idempotent.
     */
    @Override
    public void stop() {
        if (stopping || ctx == null) {
            return;
        }
        stopping = true;
        timers.forEach(Timer::cancel);
        var taken = new CompletableFuture<Void>();
        try {
            ctx.after(Duration.ZERO, () -> {
                try {
                    sample();
                    taken.complete(null);
                } catch (RuntimeException e) {
                    taken.completeExceptionally(e);
                    throw e;
                }
            });
            taken.get(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | RejectedExecutionException e) {
            LOG.warn("analytics: the final equity sample was not taken before stop ({})", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscriptions.forEach(Subscription::close);
    }
}
