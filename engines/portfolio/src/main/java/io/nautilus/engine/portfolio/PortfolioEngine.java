package io.nautilus.engine.portfolio;

import io.javalin.config.RoutesConfig;
import io.nautilus.core.bus.Delivery;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.PortfolioStateRequest;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Topics;
import io.nautilus.core.model.Trade;
import io.nautilus.core.store.journal.FsyncPolicy;
import io.nautilus.core.store.journal.JournalConfig;
import io.nautilus.core.store.journal.JournaledStore;

import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Portfolio engine (port 8900): portfolios and FIFO positions, paper execution of orders approved by the
 * Risk engine against the latest quotes, optimization, rebalancing. Consumes {@code md.quote.*}, {@code md.trade.*},
 * {@code order.intent}, {@code order.approved}, {@code order.rejected}; publishes {@code order.intent},
 * {@code fill.<portfolio>}, {@code position.<portfolio>}, {@code portfolio.state.<portfolio>}, and answers
 * {@code portfolio.snapshot} ({@link PortfolioStateRequest}). All mutable state lives in a {@link PortfolioDesk} on the
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
 * {@code portfolio.rebalance.drift_threshold} (0.05), {@code portfolio.request.timeout.ms} (5000),
 * {@code portfolio.pending_risk.max_age.seconds} (300); the journal:
 * {@code portfolio.journal.fsync} ({@code never} with SQLite, {@code batch} with PostgreSQL; or {@code interval}),
 * {@code portfolio.journal.fsync.interval.ms} (10), {@code portfolio.journal.dir} ({@code <data dir>/portfolio.journal}),
 * {@code portfolio.journal.segment.bytes} (64 MiB), {@code portfolio.journal.max_unapplied.bytes} (1 GiB),
 * {@code portfolio.journal.apply.interval.ms} (5). The non-journal settings are validated once at start
 * ({@link PortfolioSettings}); a bad value fails the start naming the key.
 */
public final class PortfolioEngine implements Engine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PortfolioEngine.class);
    private volatile EngineContext ctx;
    private volatile PortfolioDesk desk;
    private volatile PortfolioStore store;
    private volatile JournaledStore<PortfolioJournal.Row> journal;
    private volatile PortfolioRoutes routes;
    private volatile ScheduledExecutorService timer;
    private volatile long pendingRiskMaxAgeNanos;
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
        var settings = PortfolioSettings.from(context.config());
        pendingRiskMaxAgeNanos = settings.pendingRiskMaxAge().toNanos();
        var model = settings.fillModel();
        store = new PortfolioStore(context.store());
        journal = openJournal(context);
        desk = new PortfolioDesk(store, journal.journal(), context.bus(), context.clock(), model);
        desk.load();
        routes = new PortfolioRoutes(context, store, journal, settings);
        var bus = context.bus();
        bus.subscribe("md.quote.*", Quote.class, (q, m) -> desk.onQuote(q), Delivery.RELIABLE);
        bus.subscribe("md.trade.*", Trade.class, (t, m) -> desk.onTrade(t), Delivery.RELIABLE);
        // intents of other engines (strategies); its own come back no more (routed past by the bus)
        bus.subscribeFromOthers(Topics.ORDER_INTENT, OrderIntent.class, (i, m) -> desk.onIntent(i));
        bus.subscribe(Topics.ORDER_APPROVED, RiskDecision.class, (d, m) -> desk.onApproved(d));
        bus.subscribe(Topics.ORDER_REJECTED, RiskDecision.class, (d, m) -> desk.onRejected(d));
        bus.respond(Commands.TOPIC, Commands.Command.class, desk::handle);
        bus.respond(PortfolioStateRequest.TOPIC, PortfolioStateRequest.class, desk::states);
        bus.subscribe(Commands.TICK, Commands.Tick.class, (t, m) -> {
            desk.commit();
            routes.onTick(desk, t.nanos());
        });
        PortfolioDesk d = desk;
        context.onEndOfBatch(d::commit);
        int interval = settings.snapshotIntervalSeconds();
        if (interval > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("portfolio-timer").unstarted(r));
            timer.scheduleAtFixedRate(() -> bus.publish(Commands.TICK, new Commands.Tick(context.clock().nowNanos())),
                    interval, interval, TimeUnit.SECONDS);
        }
    }

    /**
     * Replays what the last run left in the journal into the store (so {@link PortfolioDesk#load} sees every fill
     * ever published), then opens a fresh journal and starts its store applier.
     */
    static JournaledStore<PortfolioJournal.Row> openJournal(EngineContext context) {
        var cfg = context.config();
        String defaultFsync = context.store().isSqlite() ? "never" : "batch";
        var journalConfig = new JournalConfig(
                FsyncPolicy.parse("portfolio.journal.fsync", cfg.string("portfolio.journal.fsync", defaultFsync)),
                positive(cfg, "portfolio.journal.fsync.interval.ms", JournalConfig.DEFAULT_FSYNC_INTERVAL_MS),
                positive(cfg, "portfolio.journal.segment.bytes", JournalConfig.DEFAULT_SEGMENT_BYTES),
                positive(cfg, "portfolio.journal.max_unapplied.bytes", JournalConfig.DEFAULT_MAX_UNAPPLIED_BYTES));
        Path dir = Path.of(cfg.string("portfolio.journal.dir", context.dataDir().resolve("portfolio.journal").toString()));
        return JournaledStore.open("portfolio", dir, journalConfig, context.store(), new PortfolioJournal(),
                positive(cfg, "portfolio.journal.apply.interval.ms", 5));
    }

    private static long positive(EngineConfig cfg, String key, long defaultValue) {
        double v = cfg.number(key, defaultValue);
        if (v <= 0 || v != Math.rint(v)) {
            throw new IllegalArgumentException("setting " + key + " must be a positive whole number, got " + v);
        }
        return (long) v;
    }

    /**
     * After each start: orders the last run left waiting for Risk are sent to Risk again or expire, and every
     * portfolio's state is published (on the ring thread; this waits for it).
     */
    @Override
    public void ready() {
        try {
            routes.ask(new Commands.Recover(pendingRiskMaxAgeNanos));
        } catch (RuntimeException e) {
            LOG.warn("portfolio recovery at ready did not complete: {}", e.toString());
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
            details.put("pending_risk_resent", d.pendingRiskResent());
            details.put("pending_risk_expired", d.pendingRiskExpired());
        }
        PortfolioRoutes r = routes;
        if (r != null) {
            r.describe(details);
        }
        JournaledStore<PortfolioJournal.Row> j = journal;
        if (j != null) {
            details.put("journal_fsync", j.journal().config().fsync().wireName());
            details.put("journal_seq", j.journal().lastSeq());
            details.put("journal_applied_seq", j.appliedSeq());
            details.put("journal_unapplied_bytes", j.journal().unappliedBytes());
            String error = j.lastError();
            if (error != null) {
                return Health.degraded("the store rejects journal records (fills stay durable in the journal): " + error,
                        details);
            }
        }
        return Health.up(details);
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdownNow();
        }
        JournaledStore<PortfolioJournal.Row> j = journal;
        if (j != null) {
            // the host drains the ring after stop(): its last batches still go to the (open) journal and are
            // applied to the store on the next start
            j.stopApplier(10_000);
        }
    }
}
