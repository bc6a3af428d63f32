package io.nautilus.engine.marketdata;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.engine.WriteBehind;
import io.nautilus.core.engine.WriteBehindConfig;
import io.nautilus.core.metrics.LatencyStats;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.core.model.BarInterval;
import io.nautilus.engine.marketdata.pipeline.LatencyMonitor;
import io.nautilus.engine.marketdata.pipeline.MarketDataPipeline;
import io.nautilus.engine.marketdata.pipeline.PipelineStats;
import io.nautilus.engine.marketdata.simulator.GbmSimulator;
import io.nautilus.engine.marketdata.simulator.PriceCheckpoint;
import io.nautilus.engine.marketdata.source.MarketDataSource;
import io.nautilus.engine.marketdata.source.ReplaySource;
import io.nautilus.engine.marketdata.source.SimulatorSource;
import io.nautilus.engine.marketdata.source.TickSink;
import io.nautilus.engine.marketdata.tick.IngestOutcome;
import io.nautilus.engine.marketdata.tick.ParsedBatch;
import io.nautilus.engine.marketdata.tick.ParserRejections;
import io.nautilus.engine.marketdata.tick.Rejection;
import io.nautilus.engine.marketdata.tick.TickBatch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import jakarta.inject.Inject;

/**
 * The Market Data engine (port 8800): runs the sources (simulator, CSV replay, HTTP ingest), feeds every batch
 * through the {@link MarketDataPipeline} on its ring thread, publishes {@code md.quote/trade/bar/alert.*},
 * persists daily bars, answers {@link BarHistoryRequest}s on the bus and serves the seed routes. See
 * docs/marketdata.md.
 */
public final class MarketDataEngine implements Engine {
    /** Daily bars that may wait for the store (a full queue refuses a bar, logged and in /health). */
    static final int DAILY_BAR_CAPACITY = 1_000_000;

    private final List<MarketDataSource> sources = new ArrayList<>();
    /** Source names of the engine's own simulator and replay sources. */
    static final String SIMULATOR_SOURCE = "simulator";
    static final String REPLAY_SOURCE = "replay";
    /** The simulator's last prices, in the data directory ({@link PriceCheckpoint}). */
    static final String SIMULATOR_PRICES_FILE = "marketdata.simulator.prices";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MarketDataEngine.class);
    private Map<String, Double> simulatorResumed = Map.of();
    private final LatencyMonitor latency = new LatencyMonitor();
    private final List<ReplaySource> replays = new ArrayList<>();
    private final Set<String> latencyMeters = new HashSet<>();
    private final long startedNanos = System.nanoTime();
    private final ParserRejections parserRejections = new ParserRejections();
    private MarketDataConfig config;
    private EngineContext ctx;
    private MessageBus bus;
    private MeterRegistry meters;
    private MarketDataPipeline pipeline;
    private DailyBarStore daily;
    private WriteBehind<Bar> dailyWriter;
    private MarketDataRoutes routes;
    private volatile PipelineStats stats;

    @Inject
    public MarketDataEngine() {
    }

    @Override
    public EngineId id() {
        return EngineId.MARKETDATA;
    }

    private TickSink sink;

    @Override
    public void start(EngineContext ctx) {
        config = MarketDataConfig.from(ctx.config());
        for (String spec : config.replayFiles()) {
            // before anything is started: a wrong path fails the start, not later on the replay thread
            ReplaySource.checkReadable("marketdata.replay.files", replayPath(spec));
        }
        this.ctx = ctx;
        bus = ctx.bus();
        meters = ctx.metrics();
        daily = new DailyBarStore(ctx.store(), BarInterval.DAILY.label());
        // off the ring thread, in order, retried until written; the host writes what is queued at stop, after the
        // ring drained (the last batches' daily bars included)
        dailyWriter = ctx.writeBehind(WriteBehindConfig.custom("daily_bars").capacity(DAILY_BAR_CAPACITY)
                .maxBatch(10_000).retryDelay(Duration.ofSeconds(1)).build(), daily::write);
        pipeline = new MarketDataPipeline(config.pipeline(), new BusOutput(bus, this::persistDaily), ctx.clock(), latency);
        Map<String, List<Bar>> restored = daily.load(config.pipeline().dailyDepth());
        restored.forEach((symbol, bars) -> pipeline.restoreBars(symbol, BarInterval.DAILY.label(), bars));
        stats = pipeline.stats();

        bus.respond(BarHistoryRequest.TOPIC, BarHistoryRequest.class, pipeline::barHistory);
        bindMeters();

        TickSink sink = new TickSink() {
            @Override
            public CompletableFuture<IngestOutcome> submit(TickBatch batch) {
                return MarketDataEngine.this.submit(batch);
            }

            @Override
            public CompletableFuture<IngestOutcome> submit(ParsedBatch parsed) {
                parserRejections.count(parsed.rejected());
                return TickSink.super.submit(parsed);
            }
        };
        // the names of the engine's own sources are refused from HTTP whether or not they run now
        routes = new MarketDataRoutes(this, sink, new HttpSources(Set.of(SIMULATOR_SOURCE, REPLAY_SOURCE),
                config.maxHttpSources()), config.maxFeedEntries());
        if (config.simulator() != null) {
            var simulator = new GbmSimulator(config.simulator());
            PriceCheckpoint checkpoint = null;
            if (config.simulatorResume()) {
                checkpoint = new PriceCheckpoint(ctx.dataDir().resolve(SIMULATOR_PRICES_FILE));
                simulatorResumed = resume(simulator, checkpoint.load(), restored);
            }
            boolean hasHistory = !simulatorResumed.isEmpty()
                    || config.simulator().symbols().stream().anyMatch(restored::containsKey);
            sources.add(new SimulatorSource(SIMULATOR_SOURCE, simulator, ctx,
                    hasHistory ? 0 : config.backfillDays(), config.backfillStepSeconds(), checkpoint));
        }
        for (String spec : config.replayFiles()) {
            int eq = spec.lastIndexOf('=');
            var replay = new ReplaySource(REPLAY_SOURCE, replayPath(spec), eq > 0 ? spec.substring(eq + 1) : null,
                    config.replayBarInterval().nanos(), config.replaySpeed());
            replays.add(replay);
            sources.add(replay);
        }
        this.sink = sink;
        ctx.every(Duration.ofMillis(config.housekeepingMillis()), this::housekeeping);
    }

    /** On the ring thread: a completed daily bar to the store's writer. */
    private void persistDaily(Bar bar) {
        if (!dailyWriter.offer(bar)) {
            LOG.error("daily bar of {} at {} not persisted: the writer refused it (full or stopped): {}", bar.symbol(),
                    bar.startNanos(), dailyWriter.stats());
        }
    }

    /**
     * Moves each simulated symbol to its last stored price: the simulator's checkpoint (written every step), else
     * the close of its last stored daily bar. Returns the prices resumed from, by symbol.
     */
    private static Map<String, Double> resume(GbmSimulator simulator, Map<String, Double> checkpoint,
                                              Map<String, List<Bar>> daily) {
        var resumed = new LinkedHashMap<String, Double>();
        for (int i = 0; i < simulator.size(); i++) {
            String symbol = simulator.symbol(i);
            Double price = checkpoint.get(symbol);
            List<Bar> bars = daily.get(symbol);
            if (price == null && bars != null && !bars.isEmpty()) {
                price = bars.getLast().close();
            }
            if (price != null) {
                simulator.resumeAt(symbol, price);
                resumed.put(symbol, price);
            }
        }
        if (!resumed.isEmpty()) {
            LOG.info("simulator continues from the last stored prices {}", resumed);
        }
        return resumed;
    }

    /** The file of a {@code marketdata.replay.files} entry ({@code path} or {@code path=SYMBOL}). */
    private static Path replayPath(String spec) {
        int eq = spec.lastIndexOf('=');
        return Path.of(eq > 0 ? spec.substring(0, eq) : spec);
    }

    /** Every engine of the process has subscribed: the sources may start producing. */
    @Override
    public void ready() {
        for (MarketDataSource s : sources) {
            s.start(sink);
        }
    }

    /** On the ring thread: a batch through the pipeline; a batch with rejections refreshes the counters at once. */
    private IngestOutcome process(TickBatch batch) {
        IngestOutcome outcome = pipeline.process(batch);
        if (!outcome.rejected().isEmpty()) {
            stats = pipeline.stats();
        }
        return outcome;
    }

    /** Hands a batch to the ring thread ({@link EngineContext#call}); completes with what became of its records. */
    CompletableFuture<IngestOutcome> submit(TickBatch batch) {
        return ctx.call(() -> process(batch));
    }

    /**
     * Runs a read of the pipeline on the ring thread ({@link EngineContext#call}); {@code q} must capture only
     * immutable values and return an immutable or freshly built value.
     */
    <R> CompletableFuture<R> query(Function<MarketDataPipeline, R> q) {
        return ctx.call(() -> q.apply(pipeline));
    }

    MessageBus bus() {
        return bus;
    }

    MarketDataPipeline pipeline() {
        return pipeline;
    }

    LatencyMonitor latency() {
        return latency;
    }

    /**
     * The counters: the pipeline's (refreshed by the housekeeping timer, and at once after a batch with rejections)
     * with the parsers' rejections added.
     */
    PipelineStats stats() {
        PipelineStats s = stats;
        return s == null ? null : s.withRejected(parserRejections.addTo(s.rejected()));
    }

    private void housekeeping() {
        pipeline.housekeeping();
        stats = pipeline.stats();
        for (String source : latency.sources()) {
            if (latencyMeters.add(source)) {
                bindLatencyMeters(source);
            }
        }
    }

    private void bindMeters() {
        counter("nautilus.marketdata.quotes", PipelineStats::quotes);
        counter("nautilus.marketdata.trades", PipelineStats::trades);
        counter("nautilus.marketdata.bars", PipelineStats::bars);
        counter("nautilus.marketdata.alerts", PipelineStats::alerts);
        counter("nautilus.marketdata.duplicates", PipelineStats::duplicates);
        counter("nautilus.marketdata.standby", PipelineStats::standby);
        counter("nautilus.marketdata.late", PipelineStats::late);
        counter("nautilus.marketdata.rejected", PipelineStats::rejectedTotal);
        for (Rejection r : Rejection.values()) {
            FunctionCounter.builder("nautilus.marketdata.rejections", this,
                            e -> e.stats().rejected().getOrDefault(r.code(), 0L))
                    .tag("reason", r.code()).description("records rejected, by reason").register(meters);
        }
        Gauge.builder("nautilus.marketdata.symbols", this, e -> e.stats.symbols()).register(meters);
    }

    private void counter(String name, ToDoubleFunction<PipelineStats> f) {
        FunctionCounter.builder(name, this, e -> f.applyAsDouble(e.stats())).register(meters);
    }

    private void bindLatencyMeters(String source) {
        LatencyMonitor.SourceLatency l = latency.of(source);
        Map<String, LatencyStats> stages = Map.of("event_to_ingest", l.eventToIngest(), "ingest_to_publish",
                l.ingestToPublish());
        stages.forEach((stage, h) -> {
            for (String q : List.of("p50", "p99", "p999", "max")) {
                Gauge.builder("nautilus.marketdata.latency." + q, h, s -> seconds(s.summary(), q))
                        .baseUnit("seconds").tag("source", source).tag("stage", stage).register(meters);
            }
        });
    }

    private static double seconds(LatencyStats.Summary s, String q) {
        long ns = switch (q) {
            case "p50" -> s.p50();
            case "p99" -> s.p99();
            case "p999" -> s.p999();
            default -> s.max();
        };
        return ns / 1e9;
    }

    @Override
    public void routes(RoutesConfig r) {
        routes.declare(r);
    }

    @Override
    public Health health() {
        PipelineStats s = stats();
        var d = new LinkedHashMap<String, Object>();
        d.put("uptime_seconds", (System.nanoTime() - startedNanos) / 1_000_000_000L);
        if (s != null) {
            d.put("symbols", s.symbols());
            d.put("sources", s.sources());
            d.put("quotes_published", s.quotes());
            d.put("trades_published", s.trades());
            d.put("bars_published", s.bars());
            d.put("alerts_published", s.alerts());
            d.put("duplicates", s.duplicates());
            d.put("standby", s.standby());
            d.put("late", s.late());
            d.put("rejected", s.rejected());
            d.put("rejected_total", s.rejectedTotal());
        }
        d.put("simulator", config != null && config.simulator() != null);
        // the simulated symbols that continued from a stored price at this start (none: the configured prices)
        d.put("simulator_resumed", simulatorResumed);
        if (dailyWriter != null) {
            WriteBehind.Stats w = dailyWriter.stats();
            d.put("daily_bars_written", w.written());
            d.put("daily_bars_pending", w.waiting());
        }
        var replayStates = new ArrayList<Map<String, Object>>();
        var failed = new ArrayList<String>();
        for (ReplaySource r : replays) {
            ReplaySource.Status st = r.status();
            var m = new LinkedHashMap<String, Object>();
            m.put("file", st.file().toString());
            m.put("state", st.state().wireName());
            m.put("records_replayed", st.accepted());
            m.put("error", st.error());
            replayStates.add(m);
            if (st.state() == ReplaySource.State.FAILED) {
                failed.add("replay of " + st.file() + " failed: " + st.error());
            }
        }
        d.put("replays", replayStates);
        return failed.isEmpty() ? Health.up(d) : Health.degraded(String.join("; ", failed), d);
    }

    @Override
    public void stop() {
        for (MarketDataSource s : sources) {
            s.close();
        }
        // the host then drains the ring (batches already queued finish, their daily bars reach the writer) and
        // writes what the daily-bar writer holds
    }
}
