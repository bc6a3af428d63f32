package io.nautilus.engine.risk;

import io.javalin.config.RoutesConfig;
import io.nautilus.core.bus.Delivery;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.engine.Timer;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PortfolioStateRequest;
import io.nautilus.core.model.PortfolioStates;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskBreach;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Severity;
import io.nautilus.core.model.Topics;
import io.nautilus.core.model.Trade;
import io.nautilus.core.quant.covariance.EwmaCovariance;
import io.nautilus.engine.risk.limit.RiskModel;

import jakarta.inject.Inject;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Risk engine (port 8200): pre-trade checks of {@code order.intent} answered on {@code order.approved} /
 * {@code order.rejected}; books from the Portfolio engine (every book requested on {@code portfolio.snapshot} at
 * start, retried until answered, then kept by {@code portfolio.state.*}); limits monitored on those states,
 * {@code md.quote.*} and {@code md.trade.*} with breaches on {@code risk.breach.<portfolio>} (CRITICAL); a
 * daily-returns covariance model from {@code md.bar.1d.*} and bar-history requests to the Market Data engine;
 * breach predictions on {@code risk.prediction.<portfolio>}; VaR, reports and the seed routes over HTTP (see
 * docs/risk.md). Until the books have arrived every dry run is refused ({@code NO_BOOK:syncing}), order intents
 * are held (bounded in number and time) and decided once the books are in, and /health is degraded.
 *
 * <p>Threading: every handler, timer and ring call runs on the engine's ring thread and only there is
 * {@link RiskState} touched. HTTP handlers read the {@link RiskRegistry} snapshots, or ask the ring with
 * {@link EngineContext#call} ({@link #onRing}); model estimation, VaR, reports and predictions run on the compute
 * pool ({@link EngineContext#offload}) and come back to the ring with a ring call.
 */
public final class RiskEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(RiskEngine.class);
    static final String PREDICTION_TOPIC = "risk.prediction.";
    /** Longest a model estimation, prediction, VaR or report may take on the compute pool. */
    static final Duration COMPUTE_TIMEOUT = Duration.ofSeconds(60);

    private EngineContext ctx;
    private MessageBus bus;
    private RiskSettings settings;
    private RiskStore store;
    private RiskRegistry registry;
    private RiskState state;
    private HistoryRequests historyRequests;
    private final Map<String, Boolean> alerting = new java.util.HashMap<>();
    private boolean modelBuilding;
    /** A symbol's history arrived while a model was being built: build again as soon as it is done. */
    private boolean modelUrgent;
    /** A book or order showed a symbol for the first time since the waiting symbols were last counted. */
    private boolean newSymbolSeen;
    private long lastModelNanos;
    private long lastPredictionNanos;
    private volatile long approvedCount;
    private volatile long rejectedCount;
    private volatile boolean booksSynced;
    private volatile int bookSyncAttempts;
    private volatile int portfolioCount;
    private volatile List<String> waitingForHistory = List.of();
    /** Order intents held while the books sync, oldest first (ring thread only). */
    private final java.util.ArrayDeque<HeldIntent> held = new java.util.ArrayDeque<>();
    /** Expires the oldest held intent; {@code null} when none is held. */
    private Timer holdExpiry;
    private volatile int heldCount;

    /** An order intent held while the books sync, with when it was held (engine clock). */
    private record HeldIntent(OrderIntent intent, long heldAtNanos) {
    }

    @Inject
    public RiskEngine() {
    }

    @Override
    public EngineId id() {
        return EngineId.RISK;
    }

    @Override
    public void start(EngineContext context) {
        this.ctx = context;
        this.bus = context.bus();
        this.settings = RiskSettings.from(context.config());
        this.store = new RiskStore(context.store());
        store.migrate();
        this.registry = new RiskRegistry(store, settings.defaultControls());
        registry.load();
        this.historyRequests = new HistoryRequests(bus, settings);
        this.state = new RiskState(settings, registry, store, bus, symbol -> symbolSeen(symbol));
        // breach transitions are committed (then published) at the end of each batch; ctx.call answers follow it
        context.onEndOfBatch(state.breaches::commit);
        bus.subscribe(Topics.ORDER_INTENT, OrderIntent.class, (o, m) -> onIntent(o));
        bus.subscribe(Topics.portfolioState("*"), PortfolioState.class, (p, m) -> {
            state.onPortfolioState(p, now());
            afterBookChange();
        });
        bus.subscribe("md.quote.*", Quote.class, (q, m) -> state.onPrice(q.symbol(), q.mid(), q.tsNanos(), now()),
                Delivery.LATEST);
        bus.subscribe("md.trade.*", Trade.class, (t, m) -> state.onPrice(t.symbol(), t.price(), t.tsNanos(), now()),
                Delivery.LATEST);
        bus.subscribe("md.bar." + MarketHistory.DAILY + ".*", Bar.class, (b, m) -> onBar(b));
        bus.subscribe(RiskCommands.HISTORY, BarHistory.class, (h, m) -> onHistory(h));
        bus.subscribe(RiskCommands.HISTORY_FAILED, RiskCommands.HistoryFailed.class, (f, m) -> {
            historyRequests.failed(f.symbol(), now());
            refreshWaiting();
        });
        ctx.every(Duration.ofSeconds(1), () -> onTick(now()));
        requestBooks(0);
    }

    /** First retry of the book request after a failure; doubled per attempt up to {@link #BOOKS_RETRY_MAX_MS}. */
    static final long BOOKS_RETRY_FIRST_MS = 100;
    static final long BOOKS_RETRY_MAX_MS = 5_000;

    /**
     * Asks the Portfolio engine for every book; retried with a doubling backoff until answered (in distributed mode
     * the Portfolio engine may start later). The answer is handed to the ring thread with a ring call.
     */
    private void requestBooks(int attempt) {
        bookSyncAttempts = attempt + 1;
        bus.request(PortfolioStateRequest.TOPIC, PortfolioStateRequest.all(), PortfolioStates.class,
                        Duration.ofMillis(settings.requestTimeoutMs()))
                .whenComplete((books, error) -> {
                    if (error == null) {
                        ctx.call(() -> {
                            onBooks(books);
                            return null;
                        });
                        return;
                    }
                    long delay = Math.min(BOOKS_RETRY_MAX_MS, BOOKS_RETRY_FIRST_MS << Math.min(attempt, 10));
                    LOG.info("engine=risk books not answered by the Portfolio engine (attempt {}): {}; retry in {} ms",
                            attempt + 1, error.toString(), delay);
                    try {
                        ctx.after(Duration.ofMillis(delay), () -> requestBooks(attempt + 1));
                    } catch (java.util.concurrent.RejectedExecutionException stopped) {
                        LOG.debug("engine=risk stopped before the books arrived");
                    }
                });
    }

    private void onBooks(PortfolioStates books) {
        boolean first = !state.booksSynced();
        state.onBooks(books, now());
        booksSynced = true;
        if (first) {
            LOG.info("engine=risk books synced: {} portfolios from the Portfolio engine; {} held order intents "
                    + "decided now", books.portfolios().size(), held.size());
        }
        afterBookChange();
        releaseHeld(Long.MAX_VALUE);
    }

    /**
     * An {@code order.intent}: decided at once once the books are synced. Before, it is held (in arrival order) up
     * to {@code risk.sync.max_held_orders} and decided as soon as the books arrive, so that orders the Portfolio
     * engine re-sends at its start are not refused for a sync that completes a moment later; beyond the bound it
     * is refused at once ({@code NO_BOOK:syncing}).
     */
    private void onIntent(OrderIntent o) {
        if (!state.booksSynced() && held.size() < settings.syncMaxHeldOrders()) {
            held.addLast(new HeldIntent(o, now()));
            heldCount = held.size();
            if (holdExpiry == null) {
                scheduleHoldExpiry();
            }
            return;
        }
        decide(o);
    }

    /**
     * Decides, in order, the held intents held at or before {@code heldBeforeNanos} (all of them once the books are
     * in; while syncing, those past {@code risk.sync.max_hold_ms}, which are refused {@code NO_BOOK:syncing}).
     */
    private void releaseHeld(long heldBeforeNanos) {
        while (!held.isEmpty() && held.peekFirst().heldAtNanos() <= heldBeforeNanos) {
            decide(held.pollFirst().intent());
        }
        heldCount = held.size();
        if (holdExpiry != null) {
            holdExpiry.cancel();
            holdExpiry = null;
        }
        if (!held.isEmpty()) {
            scheduleHoldExpiry();
        }
    }

    /** A ring timer for when the oldest held intent reaches {@code risk.sync.max_hold_ms}. */
    private void scheduleHoldExpiry() {
        long maxHoldNanos = settings.syncMaxHoldMs() * 1_000_000L;
        long dueIn = held.peekFirst().heldAtNanos() + maxHoldNanos - now();
        holdExpiry = ctx.after(Duration.ofNanos(Math.max(1_000_000L, dueIn)), () -> {
            holdExpiry = null;
            releaseHeld(now() - maxHoldNanos);
        });
    }

    /**
     * Counters for /health and an urgent model rebuild when a book brought a symbol whose history is here. The
     * waiting symbols are recounted only when a new symbol was seen (else on the once-a-second tick): a recount
     * walks every book.
     */
    private void afterBookChange() {
        portfolioCount = state.bookCount();
        if (newSymbolSeen) {
            newSymbolSeen = false;
            refreshWaiting();
        }
        rebuildModel(now());
    }

    /** Called by the state for each symbol first seen in a book or a real order. */
    private void symbolSeen(String symbol) {
        newSymbolSeen = true;
        if (state.history.bars(symbol) > settings.minHistory()) {
            modelUrgent = true; // its bars are here already: into the model now
        } else {
            historyRequests.want(symbol, now());
        }
    }

    private void onHistory(BarHistory h) {
        state.onHistory(h);
        historyRequests.answered(h.symbol(), state.history.bars(h.symbol()), now());
        modelUrgent = true;
        rebuildModel(now());
        refreshWaiting();
    }

    private void onBar(Bar b) {
        state.onBar(b);
        int bars = state.history.bars(b.symbol());
        historyRequests.barsArrived(b.symbol(), bars);
        if (!state.covered(b.symbol()) && bars > settings.minHistory()) {
            modelUrgent = true;
            rebuildModel(now());
        }
    }

    /** Symbols held outside the model, and symbols whose history is still asked for (for /health). */
    private void refreshWaiting() {
        var waiting = new java.util.TreeSet<>(state.waitingForHistory());
        waiting.addAll(historyRequests.pending());
        waitingForHistory = List.copyOf(waiting);
    }

    long now() {
        return ctx.clock().nowNanos();
    }

    /**
     * Runs {@code fn} on the ring thread with the engine's state ({@link EngineContext#call}): the future completes
     * after the batch's breach commit, or fails with it. For HTTP threads; never wait on it from the ring thread.
     */
    <R> CompletableFuture<R> onRing(Function<RiskState, R> fn) {
        return ctx.call(() -> fn.apply(state));
    }

    /** A configuration change ({@code limits}, {@code reference}, {@code capital}, {@code deleted:<id>}) to the ring. */
    void changed(String kind) {
        ctx.call(() -> {
            state.onChanged(kind, now());
            return null;
        });
    }

    private void decide(OrderIntent o) {
        RiskDecision d = state.check(o, now(), false);
        if (d.approved()) {
            approvedCount++;
            bus.publish(Topics.ORDER_APPROVED, d, Priority.HIGH);
        } else {
            rejectedCount++;
            bus.publish(Topics.ORDER_REJECTED, d, Priority.HIGH);
        }
    }

    private void onTick(long nowNanos) {
        if (state.referenceDirty) {
            state.onChanged("reference", nowNanos);
        }
        historyRequests.tick(nowNanos);
        rebuildModel(nowNanos);
        refreshWaiting();
        if (settings.predictionSeconds() > 0
                && nowNanos - lastPredictionNanos >= settings.predictionSeconds() * 1_000_000_000L) {
            lastPredictionNanos = nowNanos;
            for (String portfolio : state.portfolios()) {
                RiskCommands.PortfolioSnapshot s = state.snapshot(portfolio, nowNanos);
                ctx.offload(() -> RiskAnalytics.predict(s, settings.predictionModel(), settings.alertProbability(),
                                settings.varLambda()), COMPUTE_TIMEOUT)
                        .whenComplete((p, error) -> {
                            if (error == null) {
                                ctx.call(() -> {
                                    onPredicted(p);
                                    return null;
                                });
                            } else {
                                LOG.debug("engine=risk prediction of {} not made: {}", portfolio, error.toString());
                            }
                        });
            }
        }
    }

    /**
     * Estimates the covariance model on the compute pool when it is out of date: at once when a symbol's history
     * has just arrived ({@link #modelUrgent}; after the build under way, if any), otherwise at most every
     * {@code risk.model.rebuild_seconds}.
     */
    private void rebuildModel(long nowNanos) {
        if (!state.modelDirty && !modelUrgent || modelBuilding) {
            return;
        }
        if (!modelUrgent && nowNanos - lastModelNanos < settings.modelSeconds() * 1_000_000_000L) {
            return;
        }
        modelUrgent = false;
        state.modelDirty = false;
        lastModelNanos = nowNanos;
        MarketHistory.Panel panel = state.history.panel(state.modelSymbols(), settings.minHistory());
        if (panel.symbols().isEmpty()) {
            return;
        }
        modelBuilding = true;
        var estimator = new EwmaCovariance(settings.modelLambda());
        ctx.offload(() -> RiskModel.estimate(panel.symbols(), panel.returns(), estimator), COMPUTE_TIMEOUT)
                .whenComplete((model, error) -> {
                    if (error != null) {
                        LOG.warn("engine=risk covariance model estimation failed", error);
                    }
                    boolean poolFull = error instanceof io.github.resilience4j.bulkhead.BulkheadFullException
                            || error != null && error.getCause() instanceof io.github.resilience4j.bulkhead.BulkheadFullException;
                    ctx.call(() -> {
                        onModel(error == null ? model : null, poolFull);
                        return null;
                    });
                });
    }

    /** A model estimated off the ring ({@code null} when the estimation failed; tried again if the pool was full). */
    private void onModel(RiskModel model, boolean poolFull) {
        modelBuilding = false;
        if (model != null) {
            state.onModel(model, now());
        } else if (poolFull) {
            state.modelDirty = true;
        }
        refreshWaiting();
        rebuildModel(now());
    }

    /** Publishes an alert for each limit whose breach probability has just crossed the level. */
    private void onPredicted(RiskViews.PortfolioPrediction p) {
        for (RiskViews.PredictionView v : p.limits()) {
            String key = p.portfolioId() + "|" + v.limitId();
            boolean was = alerting.getOrDefault(key, false);
            alerting.put(key, v.alert());
            if (v.alert() && !was) {
                bus.publish(PREDICTION_TOPIC + p.portfolioId(), new RiskBreach("pred-" + UUID.randomUUID(),
                        p.portfolioId(), v.limitId(), "predicted_" + v.limitType(), Severity.WARNING, v.probability(),
                        settings.alertProbability(), v.probability() / settings.alertProbability() * 100, false, now()),
                        Priority.HIGH);
            }
        }
    }

    @Override
    public void routes(RoutesConfig routes) {
        new RiskRoutes(this, ctx, settings, registry, store).register(routes);
    }

    /** True once the books have arrived from the Portfolio engine (checks are refused until then). */
    boolean booksSynced() {
        return booksSynced;
    }

    @Override
    public Health health() {
        var details = new LinkedHashMap<String, Object>();
        details.put("approved", approvedCount);
        details.put("rejected", rejectedCount);
        details.put("limits", registry == null ? 0 : registry.limits().size());
        details.put("books_synced", booksSynced);
        details.put("book_sync_attempts", bookSyncAttempts);
        details.put("orders_held_for_sync", heldCount);
        details.put("portfolios", portfolioCount);
        List<String> waiting = waitingForHistory;
        details.put("symbols_waiting_for_history", waiting.size());
        details.put("symbols_waiting", waiting.size() > 20 ? waiting.subList(0, 20) : waiting);
        details.put("history_requests_failed", historyRequests == null ? 0 : historyRequests.failures());
        List<RiskStore.Skipped> skipped = store == null ? List.of() : store.skipped();
        details.put("skipped_records", Map.of("count", skipped.size(), "ids", skipped.stream().limit(20)
                .map(k -> k.kind() + ":" + io.nautilus.core.model.Checks.shorten(k.id())).toList()));
        if (!booksSynced) {
            return Health.degraded("books not synced: waiting for the Portfolio engine's answer to "
                    + PortfolioStateRequest.TOPIC + " (dry runs are refused with NO_BOOK:syncing, order intents held)", details);
        }
        return Health.up(details);
    }

    @Override
    public void stop() {
        if (state != null) {
            // the ring still runs (the host drains it after stop): it writes its what-if breaches itself
            try {
                ctx.call(() -> {
                    state.breaches.saveWhatIf();
                    return null;
                }).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("engine=risk what-if breaches not saved at stop", e);
            }
        }
    }
}
