package io.nautilus.bus.host;

import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.bus.local.RingStats;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.engine.HealthStatus;
import io.nautilus.core.http.EngineHttpServer;
import io.nautilus.core.store.Store;
import io.nautilus.core.time.Clock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one engine with its bulkheads: its ring and ring thread on the bus, its bounded compute pool
 * (Resilience4j ThreadPoolBulkhead), its HTTP server with a concurrency bulkhead, its store, its metrics, and a
 * circuit breaker fed by the handler failure rate that turns health DEGRADED. Thread-safe.
 */
public final class EngineHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineHost.class);

    private final Engine engine;
    private final String name;
    private final HostSettings settings;
    private final LocalBus bus;
    private final Clock clock;
    private final PrometheusMeterRegistry registry;
    private final ThreadPoolBulkhead compute;
    private final CircuitBreaker breaker;
    private final ScheduledExecutorService scheduler;
    private final BooleanSupplier busConnected;
    private final java.util.List<io.nautilus.core.engine.WriteBehindWriter<?>> writers =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Store store;
    private volatile EngineHttpServer http;
    private volatile boolean started;
    private volatile boolean ready;
    private volatile boolean stopped;
    private long lastDelivered;
    private long lastFailed;

    /**
     * @param engine       the engine to run
     * @param settings     hosting settings
     * @param bus          the process bus
     * @param clock        time source
     * @param busConnected whether the bus link is up (the Redis bridge reports here; always true when local)
     */
    public EngineHost(Engine engine, HostSettings settings, LocalBus bus, Clock clock, BooleanSupplier busConnected) {
        this.engine = engine;
        this.name = engine.id().cliName();
        this.settings = settings;
        this.bus = bus;
        this.clock = clock;
        this.busConnected = busConnected;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("engine", name);
        var bulkheads = io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry.ofDefaults();
        this.compute = bulkheads.bulkhead("compute-" + name, ThreadPoolBulkheadConfig.custom()
                .coreThreadPoolSize(Math.max(1, settings.computeThreads() / 2))
                .maxThreadPoolSize(settings.computeThreads())
                .queueCapacity(settings.computeQueue())
                .keepAliveDuration(Duration.ofSeconds(30))
                .build());
        this.breaker = CircuitBreaker.of("handlers-" + name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(200)
                .minimumNumberOfCalls(100)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(20)
                .build());
        io.github.resilience4j.micrometer.tagged.TaggedThreadPoolBulkheadMetrics
                .ofThreadPoolBulkheadRegistry(bulkheads).bindTo(registry);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("host-" + name).daemon(true).factory());
    }

    /** Starts the engine and its HTTP server, then tells it that it is {@linkplain Engine#ready() ready}. */
    public synchronized EngineHost start() {
        open();
        return ready();
    }

    /**
     * Tells the engine that every engine of the process has started ({@link Engine#ready()}). With several engines
     * in one process: {@link #open()} all of them first, then {@code ready()} each. Idempotent.
     */
    public synchronized EngineHost ready() {
        if (!started) {
            throw new IllegalStateException("open() the engine before ready()");
        }
        if (!ready) {
            ready = true;
            engine.ready();
        }
        return this;
    }

    /** Starts the engine (subscriptions, state) and its HTTP server (if configured). Idempotent. */
    public synchronized EngineHost open() {
        if (started) {
            return this;
        }
        started = true;
        bus.bindMetrics(name, registry);
        var ctx = new Context();
        engine.start(ctx);
        if (settings.http() != null) {
            http = new EngineHttpServer(name, settings.http(), this::health, busConnected::getAsBoolean, registry,
                    engine::routes);
        }
        scheduler.scheduleAtFixedRate(this::feedBreaker, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /** The engine hosted. */
    public Engine engine() {
        return engine;
    }

    public EngineId id() {
        return engine.id();
    }

    /** The bound HTTP port, or -1 without HTTP. */
    public int port() {
        EngineHttpServer h = http;
        return h == null ? -1 : h.port();
    }

    /** The routes the engine's HTTP server registered (method and path template), empty without HTTP. */
    public java.util.List<EngineHttpServer.Route> routes() {
        EngineHttpServer h = http;
        return h == null ? java.util.List.of() : h.routes();
    }

    /** The engine's meter registry. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Feeds the circuit breaker with the handler outcome of the last second, as at most 100 samples in the same
     * failure proportion: the ring thread itself never touches the breaker (no locks on the ring path).
     */
    private void feedBreaker() {
        try {
            RingStats s = bus.stats(name);
            long delivered = s.delivered() - lastDelivered;
            long failed = s.failed() - lastFailed;
            lastDelivered = s.delivered();
            lastFailed = s.failed();
            long total = delivered + failed;
            if (total == 0) {
                return;
            }
            int samples = (int) Math.min(100, total);
            int failures = (int) Math.round(samples * (double) failed / total);
            for (int i = 0; i < samples; i++) {
                if (i < failures) {
                    breaker.onError(0, TimeUnit.NANOSECONDS, new HandlerFailure());
                } else {
                    breaker.onSuccess(0, TimeUnit.NANOSECONDS);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("engine={} health sampling failed", name, e);
        }
    }

    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure() {
            super("handler failure", null, false, false);
        }
    }

    /** The engine's health combined with the host's components: ring backlog, circuit breaker, store. */
    public Health health() {
        if (stopped) {
            return new Health(HealthStatus.DOWN, java.util.List.of("stopped"), java.util.Map.of());
        }
        Health h;
        try {
            h = engine.health();
        } catch (RuntimeException e) {
            h = new Health(HealthStatus.DEGRADED, java.util.List.of("health check failed: " + e.getMessage()), java.util.Map.of());
        }
        RingStats s = bus.stats(name);
        var details = new LinkedHashMap<String, Object>(h.details());
        var busDetails = new LinkedHashMap<String, Object>();
        busDetails.put("published", s.published());
        busDetails.put("delivered", s.delivered());
        busDetails.put("failed", s.failed());
        busDetails.put("dropped", s.dropped());
        busDetails.put("conflated", s.conflated());
        busDetails.put("overflowed", s.overflowed());
        busDetails.put("backlog", s.backlog());
        details.put("bus", busDetails);
        if (!writers.isEmpty()) {
            var wb = new LinkedHashMap<String, Object>();
            for (var w : writers) {
                var st = w.stats();
                wb.put(st.name(), st);
                if (st.failing()) {
                    h = h.and(HealthStatus.DEGRADED, "write-behind " + st.name() + " fails (" + st.waiting()
                            + " records kept for a retry): " + st.lastError());
                }
            }
            details.put("write_behind", wb);
        }
        details.put("circuit_breaker", breaker.getState().name());
        h = new Health(h.status(), h.reasons(), details);
        if (s.backlog() > settings.backlogDegraded()) {
            h = h.and(HealthStatus.DEGRADED, "ring backlog " + s.backlog() + " > " + settings.backlogDegraded());
        }
        CircuitBreaker.State st = breaker.getState();
        if (st == CircuitBreaker.State.OPEN || st == CircuitBreaker.State.HALF_OPEN) {
            h = h.and(HealthStatus.DEGRADED, "handler failure rate over " + breaker.getCircuitBreakerConfig().getFailureRateThreshold()
                    + "% (circuit breaker " + st + ")");
        }
        if (!busConnected.getAsBoolean()) {
            h = h.and(HealthStatus.DEGRADED, "bus link down");
        }
        return h;
    }

    /** Stops intake (HTTP), stops the engine, drains its ring, closes pools and the store. Idempotent. */
    @Override
    public synchronized void close() {
        if (stopped || !started) {
            stopped = true;
            return;
        }
        stopped = true;
        EngineHttpServer h = http;
        if (h != null) {
            h.close();
        }
        try {
            engine.stop();
        } catch (RuntimeException e) {
            LOG.warn("engine={} stop failed", name, e);
        }
        scheduler.shutdownNow();
        bus.stopEngine(name, 5_000);
        for (var w : writers) {
            w.close(java.time.Duration.ofSeconds(10)); // after the ring drained: its last records are written
        }
        try {
            compute.close();
        } catch (Exception e) {
            LOG.warn("engine={} compute pool close failed", name, e);
        }
        Store s = store;
        if (s != null) {
            s.close();
        }
        registry.close();
    }

    private final class Context implements EngineContext {
        private final MessageBus engineBus = bus.forEngine(name);

        @Override
        public EngineId id() {
            return engine.id();
        }

        @Override
        public MessageBus bus() {
            return engineBus;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public ThreadPoolBulkhead compute() {
            return compute;
        }

        @Override
        public Store store() {
            Store s = store;
            if (s == null) {
                synchronized (EngineHost.this) {
                    s = store;
                    if (s == null) {
                        String url = settings.dbUrl() != null ? settings.dbUrl()
                                : "jdbc:sqlite:" + Path.of(settings.dataDir(), name + ".db");
                        s = Store.open(url, name);
                        store = s;
                    }
                }
            }
            return s;
        }

        @Override
        public Path dataDir() {
            return Path.of(settings.dataDir());
        }

        @Override
        public MeterRegistry metrics() {
            return registry;
        }

        @Override
        public EngineConfig config() {
            return settings.config();
        }

        @Override
        public void onEndOfBatch(Runnable hook) {
            bus.onEndOfBatch(name, hook);
        }

        @Override
        public <R> java.util.concurrent.CompletableFuture<R> call(java.util.function.Supplier<R> fn) {
            var call = new RingCall<>(fn);
            if (!bus.run(name, call, true)) {
                call.future.completeExceptionally(new IllegalStateException("engine " + name + " is not running"));
            }
            return call.future;
        }

        @Override
        public io.nautilus.core.engine.Timer every(java.time.Duration period, Runnable task) {
            long nanos = positive("period", period);
            var timer = new RingTimer(bus, name, task);
            timer.schedule(scheduler.scheduleAtFixedRate(timer::tick, nanos, nanos, TimeUnit.NANOSECONDS));
            return timer;
        }

        @Override
        public io.nautilus.core.engine.Timer after(java.time.Duration delay, Runnable task) {
            long nanos = Math.max(0, delay.toNanos());
            var timer = new RingTimer(bus, name, task);
            timer.schedule(scheduler.schedule(timer::tick, nanos, TimeUnit.NANOSECONDS));
            return timer;
        }

        private static long positive(String what, java.time.Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be > 0, got " + d);
            }
            return d.toNanos();
        }

        @Override
        public <R> java.util.concurrent.CompletableFuture<R> offload(java.util.function.Supplier<R> work,
                                                                     java.time.Duration timeout) {
            positive("timeout", timeout);
            try {
                return compute.executeSupplier(work).toCompletableFuture().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (io.github.resilience4j.bulkhead.BulkheadFullException e) {
                return java.util.concurrent.CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public <T> io.nautilus.core.engine.WriteBehind<T> writeBehind(io.nautilus.core.engine.WriteBehindConfig config,
                                                                      io.nautilus.core.engine.BatchSink<T> sink) {
            for (var w : writers) {
                if (w.config().name().equals(config.name())) {
                    throw new IllegalArgumentException("write-behind " + config.name() + " exists already in " + name);
                }
            }
            var writer = new io.nautilus.core.engine.WriteBehindWriter<>(name, config, sink);
            writers.add(writer);
            WriteBehindMetrics.bind(registry, writer);
            return writer;
        }
    }
}
