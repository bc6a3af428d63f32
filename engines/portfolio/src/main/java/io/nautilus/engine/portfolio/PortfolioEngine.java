package io.nautilus.engine.portfolio;

import io.javalin.config.RoutesConfig;
import io.nautilus.core.bus.Delivery;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.engine.Timer;
import io.nautilus.core.engine.WriteBehind;
import io.nautilus.core.engine.WriteBehindConfig;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.PortfolioStateRequest;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Topics;
import io.nautilus.core.model.Trade;
import io.nautilus.core.store.journal.FsyncPolicy;
import io.nautilus.core.store.journal.JournalConfig;
import io.nautilus.core.store.journal.JournaledStore;
import io.nautilus.engine.portfolio.PortfolioStore.EquitySample;
import io.nautilus.engine.portfolio.PortfolioStore.Targets;

import jakarta.inject.Inject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Portfolio engine (port 8900): portfolios and FIFO positions, paper execution of orders approved by the
 * Risk engine against the latest quotes, optimization, rebalancing. Consumes {@code md.quote.*}, {@code md.trade.*},
 * {@code order.intent}, {@code order.approved}, {@code order.rejected}; publishes {@code order.intent},
 * {@code fill.<portfolio>}, {@code position.<portfolio>}, {@code portfolio.state.<portfolio>}, and answers
 * {@code portfolio.snapshot} ({@link PortfolioStateRequest}). All mutable state lives in a {@link PortfolioDesk} on the
 * ring thread; HTTP threads talk to it with ring calls ({@link EngineContext#call}, answered after the batch's group
 * commit), optimizations run on the compute pool ({@link EngineContext#offload}). Fills and order changes of one
 * ring batch are committed together at the end of the batch ({@link EngineContext#onEndOfBatch}) through the journal
 * and only then published. The timer ({@link EngineContext#every}, {@code portfolio.snapshot.interval.seconds}) takes
 * equity snapshots and runs scheduled rebalances on the ring; snapshots and rebalance targets are written behind the
 * ring ({@link EngineContext#writeBehind}: {@code portfolio_equity}, {@code portfolio_targets}).
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
    /** Equity snapshots that may wait for the store: a day of 60 s snapshots for ~70 portfolios. */
    static final int EQUITY_CAPACITY = 100_000;
    /** Rebalance targets that may wait for the store. */
    static final int TARGETS_CAPACITY = 10_000;

    private volatile EngineContext ctx;
    private volatile PortfolioDesk desk;
    private volatile PortfolioStore store;
    private volatile JournaledStore<PortfolioJournal.Row> journal;
    private volatile PortfolioRoutes routes;
    private volatile ScheduledRebalances scheduled;
    private volatile WriteBehind<EquitySample> equity;
    private volatile Timer timer;
    private volatile long pendingRiskMaxAgeNanos;
    private volatile Duration requestTimeout;
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
        requestTimeout = settings.requestTimeout();
        var model = settings.fillModel();
        store = new PortfolioStore(context.store());
        journal = openJournal(context);
        desk = new PortfolioDesk(store, journal.journal(), context.bus(), context.clock(), model);
        desk.load();
        PortfolioStore s = store;
        // samples: when the store is away longer than the queue holds, the oldest snapshots go (counted in /health)
        equity = context.writeBehind(WriteBehindConfig.custom("portfolio_equity").capacity(EQUITY_CAPACITY)
                .maxBatch(1_000).overflow(WriteBehindConfig.Overflow.DROP_OLDEST).build(), s::insertEquity);
        // targets must not be lost silently: a full queue refuses (logged, counted), the targets stay in memory
        WriteBehind<Targets> targets = context.writeBehind(WriteBehindConfig.custom("portfolio_targets")
                .capacity(TARGETS_CAPACITY).maxBatch(500).overflow(WriteBehindConfig.Overflow.REJECT).build(),
                s::saveTargets);
        scheduled = new ScheduledRebalances(store.targets(), settings, targets);
        routes = new PortfolioRoutes(context, desk, store, journal, equity, scheduled, targets, settings);
        var bus = context.bus();
        PortfolioDesk d = desk;
        bus.subscribe("md.quote.*", Quote.class, (q, m) -> d.onQuote(q), Delivery.RELIABLE);
        bus.subscribe("md.trade.*", Trade.class, (t, m) -> d.onTrade(t), Delivery.RELIABLE);
        // intents of other engines (strategies); its own come back no more (routed past by the bus)
        bus.subscribeFromOthers(Topics.ORDER_INTENT, OrderIntent.class, (i, m) -> d.onIntent(i));
        bus.subscribe(Topics.ORDER_APPROVED, RiskDecision.class, (r, m) -> d.onApproved(r));
        bus.subscribe(Topics.ORDER_REJECTED, RiskDecision.class, (r, m) -> d.onRejected(r));
        bus.respond(PortfolioStateRequest.TOPIC, PortfolioStateRequest.class, d::states);
        context.onEndOfBatch(d::settle);
        int interval = settings.snapshotIntervalSeconds();
        if (interval > 0) {
            timer = context.every(Duration.ofSeconds(interval), this::onTick);
        }
    }

    /**
     * The timer's work, on the ring thread: commits what the batch left pending, offers one equity snapshot per
     * portfolio to the write-behind, then runs the scheduled rebalances that are due.
     */
    private void onTick() {
        PortfolioDesk d = desk;
        d.commit();
        long now = ctx.clock().nowNanos();
        for (Account a : d.accounts().values()) {
            equity.offer(new EquitySample(a.info.portfolioId(), now, d.view(a).totalValue()));
        }
        scheduled.onTick(d, now);
    }

    /**
     * Runs one timer tick now (tests), as the timer does: on the ring thread's normal lane, so after the messages
     * already queued there (quotes published before it); the future completes when it has run.
     */
    CompletableFuture<Void> tick() {
        var done = new CompletableFuture<Void>();
        ctx.after(Duration.ZERO, () -> {
            try {
                onTick();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                throw e;
            }
        });
        return done;
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
        PortfolioDesk d = desk;
        long maxAge = pendingRiskMaxAgeNanos;
        try {
            ctx.call(() -> d.recover(maxAge)).get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("portfolio recovery at ready interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
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
        ScheduledRebalances r = scheduled;
        if (r != null) {
            r.skips().describe(details);
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
        Timer t = timer;
        if (t != null) {
            t.cancel();
        }
        JournaledStore<PortfolioJournal.Row> j = journal;
        if (j != null) {
            // the host drains the ring after stop(): its last batches still go to the (open) journal and are
            // applied to the store on the next start
            j.stopApplier(10_000);
        }
    }
}
