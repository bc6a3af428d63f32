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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The features engine (port 8500): computes the configured feature set of every symbol on each bar of the
 * configured intervals ({@code md.bar.<interval>.<SYM>}) and publishes the ready features as a
 * {@link FeatureVector} on {@code feature.<SYM>}; serves batch indicator computation, fundamental ratios and the
 * per-symbol feature-set configuration (persisted) over HTTP.
 *
 * <p>Threading: bars are handled on the engine's ring thread, which alone owns the streaming state. HTTP
 * handlers read the volatile configuration snapshot and the concurrent map of latest vectors (immutable
 * values); configuration writes are serialized among HTTP threads, persisted, then published as a new snapshot
 * that the ring thread picks up on the next bar. Batch computations run on the engine's compute pool.
 */
public final class FeaturesEngine implements Engine {

    private volatile FeaturesSettings settings = FeaturesSettings.defaults();
    private volatile FeatureConfig config = FeatureConfig.standard();
    private final Object configWriter = new Object();
    private final Map<String, Map<String, FeatureVector>> latest = new ConcurrentHashMap<>();
    private final Map<String, FundamentalRatios.Result> fundamentals = new ConcurrentHashMap<>();
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
    }

    private void onBar(Bar bar, Message message) {
        barsReceived++;
        FeatureVector vector = stream.onBar(bar);
        barsRefused = stream.refused();
        if (vector == null) {
            return;
        }
        latest.computeIfAbsent(bar.symbol(), s -> new ConcurrentHashMap<>()).put(bar.interval(), vector);
        ctx.bus().publish(Topics.feature(bar.symbol()), vector);
        vectorsPublished++;
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
        details.put("symbols", latest.size());
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

    /** Latest live vectors of {@code symbol} by interval (empty when none yet). */
    Map<String, FeatureVector> latest(String symbol) {
        return latest.getOrDefault(symbol, Map.of());
    }

    Map<String, FundamentalRatios.Result> fundamentals() {
        return fundamentals;
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

    /** Runs {@code work} on the engine's compute pool and waits for it (HTTP handlers run on virtual threads). */
    <T> T compute(Supplier<T> work) {
        try {
            return ctx.compute().executeSupplier(work).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
