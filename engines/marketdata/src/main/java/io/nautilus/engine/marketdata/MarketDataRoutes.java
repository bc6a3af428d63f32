package io.nautilus.engine.marketdata;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.http.Await;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.FieldError;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.http.QueryParams;
import io.nautilus.core.http.Validator;
import io.nautilus.core.metrics.LatencyStats;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.core.model.BarInterval;
import io.nautilus.engine.marketdata.csv.CsvTickReader;
import io.nautilus.engine.marketdata.pipeline.SymbolState;
import io.nautilus.engine.marketdata.source.TickSink;
import io.nautilus.engine.marketdata.tick.IngestOutcome;
import io.nautilus.engine.marketdata.tick.ParsedBatch;
import io.nautilus.engine.marketdata.tick.RejectedRecord;
import io.nautilus.engine.marketdata.tick.Timestamps;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP handlers of the Market Data engine: ingest (JSON and CSV), quotes, bars, data history, symbols, snapshots
 * and latency. Handlers run on virtual threads and read the last-value cache directly; everything else is asked
 * of the ring thread. Thread-safe.
 */
final class MarketDataRoutes {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 100_000;

    private final MarketDataEngine engine;
    private final TickSink sink;
    private final FeedRoutes feeds;
    private final AtomicLong totalStored = new AtomicLong();
    private final HttpSources sources;

    MarketDataRoutes(MarketDataEngine engine, TickSink sink, HttpSources sources, int maxFeedEntries) {
        this.engine = engine;
        this.sink = sink;
        this.sources = sources;
        this.feeds = new FeedRoutes(engine, maxFeedEntries);
    }

    void declare(RoutesConfig r) {
        r.post("/data/ingest", this::ingestJson);
        r.post("/data/ingest/csv", this::ingestCsv);
        r.get("/data/{symbol}", this::data);
        r.get("/quotes/{symbol}", this::quote);
        r.get("/bars/{symbol}", this::bars);
        r.get("/symbols", this::symbols);
        r.post("/symbols/{symbol}/snapshot", this::snapshot);
        r.get("/latency", this::latency);
        feeds.declare(r);
    }

    private void ingestJson(Context ctx) throws Exception {
        ParsedBatch parsed;
        // Bodies.json: a body that says it is not JSON (text/csv) is a 415; malformed JSON propagates to the server's
        // one JSON error mapping (a 400 in plain words, naming the body)
        try {
            parsed = IngestJsonParser.parse(Bodies.json(ctx), sources);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(e.getMessage().startsWith("data:") ? "data" : "body", e.getMessage());
        }
        IngestOutcome outcome = await(sink.submit(parsed));
        ctx.json(answer(outcome));
    }

    private void ingestCsv(Context ctx) throws Exception {
        String symbol = ctx.queryParam("symbol");
        String source = ctx.queryParam("source") == null ? HttpSources.DEFAULT_SOURCE : ctx.queryParam("source").trim();
        HttpSources.Refusal refused = sources.admit(source);
        if (refused != null) {
            throw refused.full() ? ProblemException.unprocessable(refused.message(),
                    List.of(new FieldError("source", refused.message()))) : ProblemException.badField("source", refused.message());
        }
        BarInterval span = BarInterval.parse(ctx.queryParam("interval") == null ? "1d" : ctx.queryParam("interval"));
        var reader = new CsvTickReader(source, symbol, span.nanos(), 1000);
        var total = new IngestOutcome[] {IngestOutcome.empty()};
        try (var in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(ctx.bodyAsBytes()),
                StandardCharsets.UTF_8))) {
            reader.read(in, parsed -> total[0] = total[0].plus(await(sink.submit(parsed))));
            if (!"false".equalsIgnoreCase(ctx.queryParam("close_bars"))) {
                // an upload is a complete data set: close the bars its last rows left open
                await(sink.submit(new io.nautilus.engine.marketdata.tick.TickBatch.Builder(1).buildFinal(source)));
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("body", e.getMessage());
        } catch (IOException e) {
            throw ProblemException.badField("body", "unreadable CSV: " + e.getMessage());
        }
        ctx.json(answer(total[0]));
    }

    private Map<String, Object> answer(IngestOutcome o) {
        long stored = totalStored.addAndGet(o.accepted());
        var m = new LinkedHashMap<String, Object>();
        m.put("status", o.accepted() == 0 && !o.rejected().isEmpty() ? "rejected"
                : o.rejected().isEmpty() ? "ingested" : "partially_ingested");
        m.put("count", o.accepted());
        m.put("total_stored", stored);
        m.put("accepted", o.accepted());
        m.put("duplicates", o.duplicates());
        m.put("standby", o.standby());
        m.put("rejected_count", o.rejected().size());
        m.put("rejected", o.rejected().stream().map(MarketDataRoutes::rejection).toList());
        return m;
    }

    private static Map<String, Object> rejection(RejectedRecord r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("index", r.index());
        m.put("symbol", r.symbol());
        m.put("reason", r.reason().code());
        m.put("detail", r.detail());
        return m;
    }

    /** A ring call's or a bus request's answer ({@link Await}: 503 with Retry-After when it does not come in time). */
    static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        return Await.result(f, WAIT, "the market data pipeline");
    }

    static String symbol(Context ctx) {
        return Validator.symbol("symbol", ctx.pathParam("symbol"));
    }

    static int limit(Context ctx, int defaultLimit) {
        return QueryParams.intParam(ctx, "limit", defaultLimit, 1, MAX_LIMIT);
    }

    private SymbolState known(String symbol) {
        SymbolState st = engine.pipeline().state(symbol);
        if (st == null) {
            throw ProblemException.notFound("no market data for symbol " + symbol);
        }
        return st;
    }

    private void quote(Context ctx) {
        String symbol = symbol(ctx);
        SymbolState st = known(symbol);
        if (st.lastQuote() == null && st.lastTrade() == null) {
            throw ProblemException.notFound("no quote or trade yet for symbol " + symbol);
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("symbol", symbol);
        m.put("quote", st.lastQuote());
        m.put("mid", st.lastQuote() == null ? null : st.lastQuote().mid());
        m.put("last_trade", st.lastTrade());
        ctx.json(m);
    }

    private void bars(Context ctx) {
        String symbol = symbol(ctx);
        String interval = ctx.queryParam("interval") == null ? "1m" : ctx.queryParam("interval").trim();
        if (engine.pipeline().intervals().stream().noneMatch(i -> i.label().equals(interval))) {
            throw ProblemException.badField("interval", "must be one of "
                    + engine.pipeline().intervals().stream().map(BarInterval::label).toList() + ", got '" + interval + "'");
        }
        long from = time(ctx, "from", 0);
        long to = time(ctx, "to", Long.MAX_VALUE);
        if (to <= from) {
            throw ProblemException.badField("to", "must be after from");
        }
        known(symbol);
        BarHistory h = await(engine.bus().request(BarHistoryRequest.TOPIC,
                new BarHistoryRequest(symbol, interval, from, to, limit(ctx, 1000)), BarHistory.class, WAIT));
        var m = new LinkedHashMap<String, Object>();
        m.put("symbol", symbol);
        m.put("interval", interval);
        m.put("count", h.bars().size());
        m.put("bars", h.bars());
        ctx.json(m);
    }

    private static long time(Context ctx, String name, long dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        long t = Timestamps.parse(v);
        if (t <= 0) {
            throw ProblemException.badField(name, "must be an ISO-8601 date/time or epoch seconds/ms/us/ns, got '" + v + "'");
        }
        return t;
    }

    private void data(Context ctx) {
        String symbol = symbol(ctx);
        String type = ctx.queryParam("data_type") == null ? "quote" : ctx.queryParam("data_type").trim().toLowerCase(Locale.ROOT);
        int limit = limit(ctx, DEFAULT_LIMIT);
        known(symbol);
        String interval = ctx.queryParam("interval") == null ? "1m" : ctx.queryParam("interval").trim();
        java.util.function.Function<io.nautilus.engine.marketdata.pipeline.MarketDataPipeline, List<?>> q = switch (type) {
            case "quote" -> p -> p.quotes(symbol, limit);
            case "trade", "tick" -> p -> p.trades(symbol, limit);
            case "bar" -> {
                if (engine.pipeline().intervals().stream().noneMatch(i -> i.label().equals(interval))) {
                    throw ProblemException.badField("interval", "is not a configured bar interval: '" + interval + "'");
                }
                yield p -> p.barHistory(new BarHistoryRequest(symbol, interval, 0, Long.MAX_VALUE, limit)).bars();
            }
            default -> throw ProblemException.badField("data_type", "must be quote, trade, tick or bar, got '" + type + "'");
        };
        List<?> items = await(engine.query(q));
        var m = new LinkedHashMap<String, Object>();
        m.put("symbol", symbol);
        m.put("data_type", type);
        m.put("count", items.size());
        m.put("data", items);
        ctx.json(m);
    }

    private void symbols(Context ctx) {
        List<Map<String, Object>> rows = await(engine.query(p -> p.symbols().stream().sorted().map(s -> {
            SymbolState st = p.state(s);
            var m = new LinkedHashMap<String, Object>();
            m.put("symbol", s);
            m.put("active_source", p.activeSource(s));
            m.put("bid", st.lastQuote() == null ? null : st.lastQuote().bid());
            m.put("ask", st.lastQuote() == null ? null : st.lastQuote().ask());
            m.put("last_price", st.lastTrade() == null ? null : st.lastTrade().price());
            return (Map<String, Object>) m;
        }).toList()));
        ctx.json(Map.of("symbols", rows, "count", rows.size()));
    }

    private void snapshot(Context ctx) {
        String symbol = symbol(ctx);
        SymbolState st = known(symbol);
        Bar day = await(engine.query(p -> {
            Bar open = p.openBar(symbol, BarInterval.DAILY.label());
            if (open != null) {
                return open;
            }
            List<Bar> last = p.barHistory(new BarHistoryRequest(symbol, BarInterval.DAILY.label(), 0, Long.MAX_VALUE, 1)).bars();
            return last.isEmpty() ? null : last.getFirst();
        }));
        var snap = new LinkedHashMap<String, Object>();
        snap.put("last_trade", st.lastTrade());
        snap.put("quote", st.lastQuote());
        snap.put("daily_stats", day);
        var m = new LinkedHashMap<String, Object>();
        m.put("symbol", symbol);
        m.put("timestamp", java.time.Instant.now().toString());
        m.put("snapshot", snap);
        ctx.json(m);
    }

    private void latency(Context ctx) {
        var sources = new LinkedHashMap<String, Object>();
        engine.latency().summaries().forEach((source, stages) -> {
            var s = new LinkedHashMap<String, Object>();
            stages.forEach((stage, summary) -> s.put(stage, micros(summary)));
            sources.put(source, s);
        });
        ctx.json(Map.of("unit", "microseconds", "sources", sources));
    }

    private static Map<String, Object> micros(LatencyStats.Summary s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("count", s.count());
        m.put("p50", s.p50() / 1e3);
        m.put("p99", s.p99() / 1e3);
        m.put("p999", s.p999() / 1e3);
        m.put("max", s.max() / 1e3);
        m.put("mean", s.mean() / 1e3);
        return m;
    }
}
