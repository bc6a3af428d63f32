package io.nautilus.engine.features;

import io.javalin.config.RoutesConfig;
import io.nautilus.core.bus.Message;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.FeatureVector;
import io.nautilus.core.model.Topics;
import io.nautilus.engine.features.fundamental.FundamentalRatios;
import io.nautilus.core.model.BarInterval;
import io.nautilus.engine.features.stream.FeatureConfig;
import io.nautilus.engine.features.stream.FeatureStream;

import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The features engine (port 8500): computes the configured feature set of every symbol on each bar of the
 * configured intervals ({@code md.bar.<interval>.<SYM>}) and publishes the ready features as a
 * {@link FeatureVector} on {@code feature.<SYM>}; serves batch indicator computation, fundamental ratios and the
 * per-symbol feature-set configuration (persisted) over HTTP.
 *
 * <p>Threading: bars are handled on the engine's ring thread, which alone owns the streaming state, the latest
 * vectors and the posted fundamentals. At the end of each batch that changed them the ring publishes an immutable
 * {@link View} (a volatile reference), then the batch's vectors on the bus, so a subscriber that got a vector finds
 * it in {@code /features/{symbol}/latest}. HTTP handlers read that view and the volatile configuration snapshot;
 * posted fundamentals reach the ring with {@link EngineContext#call}. Configuration writes are serialized among
 * HTTP threads, persisted, then published as a new snapshot that the ring thread picks up on the next bar. Batch
 * computations run on the engine's compute pool ({@link EngineContext#offload}).
 */
public final class FeaturesEngine implements Engine {
    /** Longest a batch computation may run on the compute pool (then 503 with Retry-After). */
    static final Duration COMPUTE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * What HTTP threads read of the ring's state, published at the end of a batch that changed it. Immutable.
     *
     * @param latest       the latest live vector of each symbol, by interval
     * @param fundamentals the ratios last posted for each symbol
     */
    record View(Map<String, Map<String, FeatureVector>> latest, Map<String, FundamentalRatios.Result> fundamentals) {
        static final View EMPTY = new View(Map.of(), Map.of());

        /** Latest live vectors of {@code symbol} by interval (empty when none yet). */
        Map<String, FeatureVector> latest(String symbol) {
            return latest.getOrDefault(symbol, Map.of());
        }
    }

    private volatile FeaturesSettings settings = FeaturesSettings.defaults();
    private volatile FeatureConfig config = FeatureConfig.standard();
    private final Object configWriter = new Object();
    private volatile View view = View.EMPTY;
    /** Ring thread only: the state {@link #view} is a copy of, and the vectors to publish after it. */
    private final Map<String, Map<String, FeatureVector>> latest = new HashMap<>();
    private final Map<String, FundamentalRatios.Result> fundamentals = new HashMap<>();
    private final List<FeatureVector> unpublished = new ArrayList<>();
    private boolean changed;
    private EngineContext ctx;
    private FeatureConfigStore store;
    private FeatureStream stream;
    private volatile long barsReceived;
    private volatile long vectorsPublished;
    private volatile long barsRefused;

    @Inject
    public FeaturesEngine() {
    }

    @Override
    public EngineId id() {
        return EngineId.FEATURES;
    }

    @Override
    public void start(EngineContext context) {
        this.ctx = context;
        this.settings = FeaturesSettings.from(context.config());
        this.store = new FeatureConfigStore(context.store(), context.clock());
        store.migrate();
        this.config = store.load();
        this.stream = new FeatureStream(() -> config, settings.sessionZone(), settings.periodsPerYear());
        for (BarInterval interval : settings.intervals()) {
            context.bus().subscribe(Topics.bar(interval.label(), "*"), Bar.class, this::onBar);
        }
        context.onEndOfBatch(this::publish);
    }

    private void onBar(Bar bar, Message message) {
        barsReceived++;
        FeatureVector vector = stream.onBar(bar);
        barsRefused = stream.refused();
        if (vector == null) {
            return;
        }
        Map<String, FeatureVector> before = latest.get(bar.symbol());
        Map<String, FeatureVector> after;
        if (before == null) {
            after = Map.of(bar.interval(), vector);
        } else {
            var m = new HashMap<>(before);
            m.put(bar.interval(), vector);
            after = Map.copyOf(m);
        }
        latest.put(bar.symbol(), after);
        unpublished.add(vector);
        changed = true;
    }

    /** End of a ring batch: the new view first, then the batch's vectors on the bus. */
    private void publish() {
        if (!changed) {
            return;
        }
        changed = false;
        view = new View(Map.copyOf(latest), Map.copyOf(fundamentals));
        for (FeatureVector v : unpublished) {
            ctx.bus().publish(Topics.feature(v.symbol()), v);
            vectorsPublished++;
        }
        unpublished.clear();
    }

    @Override
    public void routes(RoutesConfig routes) {
        new FeaturesRoutes(this).register(routes);
        new IndicatorRoutes(this).register(routes);
        new FeatureConfigRoutes(this).register(routes);
    }

    @Override
    public Health health() {
        var details = new LinkedHashMap<String, Object>();
        details.put("bars_received", barsReceived);
        details.put("bars_refused", barsRefused);
        details.put("vectors_published", vectorsPublished);
        details.put("symbols", view.latest().size());
        details.put("intervals", settings.intervals().stream().map(BarInterval::label).toList());
        details.put("config_version", config.version());
        return Health.up(details);
    }

    @Override
    public void stop() {
        // subscriptions end with the engine's ring; the store is closed by the host
    }

    FeaturesSettings settings() {
        return settings;
    }

    FeatureConfig config() {
        return config;
    }

    /** The ring's state as of its last batch. */
    View view() {
        return view;
    }

    /**
     * Records {@code symbol}'s posted ratios on the ring thread; the future completes once the view that has them is
     * published.
     */
    CompletableFuture<FundamentalRatios.Result> putFundamentals(String symbol, FundamentalRatios.Result result) {
        return ctx.call(() -> {
            fundamentals.put(symbol, result);
            changed = true;
            return result;
        });
    }

    /**
     * Applies a configuration change: computes it from the current snapshot, persists it, then publishes the new
     * snapshot. Serialized among writers; the ring thread never waits on it.
     */
    FeatureConfig changeConfig(UnaryOperator<FeatureConfig> change, Consumer<FeatureConfigStore> persist) {
        synchronized (configWriter) {
            FeatureConfig next = change.apply(config);
            persist.accept(store);
            config = next;
            return next;
        }
    }

    /**
     * Runs {@code work} on the engine's compute pool ({@link EngineContext#offload}, at most
     * {@link #COMPUTE_TIMEOUT}).
     */
    <T> CompletableFuture<T> compute(Supplier<T> work) {
        return ctx.offload(work, COMPUTE_TIMEOUT);
    }
}
