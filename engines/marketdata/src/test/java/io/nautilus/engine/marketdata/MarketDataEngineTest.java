package io.nautilus.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.http.Json;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.core.model.Quote;
import io.nautilus.core.time.Clock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on a real bus and a real HTTP server. */
class MarketDataEngineTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final EngineConfig QUIET = EngineConfig.empty()
            .with("marketdata.simulator.enabled", "false")
            .with("marketdata.housekeeping-millis", "50");

    @TempDir
    Path dir;
    private LocalBus bus;
    private EngineHost host;

    private EngineHost start(EngineConfig config) {
        bus = bus == null ? LocalBus.create() : bus;
        host = new EngineHost(new MarketDataEngine(), HostSettings.defaults().withHttp(HttpSettings.local(0))
                .withDataDir(dir.toString()).withConfig(config), bus, Clock.system(), () -> true).start();
        return host;
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    @Test
    void test_ingest_badBatchIsPartiallyAcceptedWithReasonsAndPublished() throws Exception {
        start(QUIET);
        var quotes = new CopyOnWriteArrayList<Quote>();
        bus.forEngine("observer").subscribe("md.quote.>", Quote.class, (q, m) -> quotes.add(q));
        var r = post("/data/ingest", """
                {"data": [
                  {"symbol": "aapl", "data_type": "quote", "source": "feed1", "timestamp": "2024-01-02T14:30:00Z",
                   "data": {"bid": 100.0, "ask": 100.1, "bid_size": 5, "ask_size": 7}},
                  {"symbol": "AAPL", "data_type": "quote", "timestamp": "2024-01-02T14:30:01Z", "data": {"bid": 101, "ask": 100}},
                  {"symbol": "AAPL", "data_type": "trade", "timestamp": 1704205802, "data": {"price": "NaN", "size": 1}},
                  {"symbol": "AAPL", "data_type": "trade", "timestamp": "2024-01-02T14:30:03Z", "data": {"price": 100.05, "volume": 300}},
                  {"symbol": "AAPL", "data_type": "level2", "timestamp": "2024-01-02T14:30:03Z", "data": {}},
                  {"data_type": "trade", "timestamp": "2024-01-02T14:30:03Z", "data": {"price": 1, "size": 1}},
                  {"symbol": "AAPL", "data_type": "trade", "timestamp": "soon", "data": {"price": 1, "size": 1}}
                ]}""");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = json(r);
        assertThat(b.get("status").asText()).isEqualTo("partially_ingested");
        assertThat(b.get("count").asInt()).isEqualTo(2);
        assertThat(b.get("total_stored").asLong()).isEqualTo(2);
        var reasons = new java.util.ArrayList<String>();
        b.get("rejected").forEach(n -> reasons.add(n.get("index").asInt() + ":" + n.get("reason").asText()));
        assertThat(reasons).containsExactly("1:crossed_quote", "2:non_finite", "4:unsupported_type", "5:malformed",
                "6:bad_timestamp");
        assertThat(b.get("rejected").get(0).get("detail").asText()).contains("bid 101.0 > ask 100.0");
        await().atMost(Duration.ofSeconds(5)).until(() -> quotes.size() == 1);
        assertThat(quotes.getFirst().bid()).isEqualTo(100.0);
        assertThat(quotes.getFirst().askSize()).isEqualTo(7);

        JsonNode q = json(get("/quotes/AAPL"));
        assertThat(q.get("quote").get("ask").asDouble()).isEqualTo(100.1);
        assertThat(q.get("mid").asDouble()).isCloseTo(100.05, within(1e-12));
        assertThat(q.get("last_trade").get("size").asDouble()).isEqualTo(300);
        assertThat(get("/quotes/MSFT").statusCode()).isEqualTo(404);
        JsonNode data = json(get("/data/AAPL?data_type=trade&limit=5"));
        assertThat(data.get("count").asInt()).isEqualTo(1);
        assertThat(data.get("data").get(0).get("price").asDouble()).isEqualTo(100.05);
        JsonNode symbols = json(get("/symbols"));
        // the trade had no source, so it came from "http", which the default priority list ranks above "feed1"
        assertThat(symbols.get("symbols").get(0).get("active_source").asText()).isEqualTo("http");
        JsonNode lat = json(get("/latency"));
        assertThat(lat.get("sources").has("feed1")).isTrue();
        assertThat(lat.get("sources").get("http").get("ingest_to_publish").get("count").asLong()).isEqualTo(1);
    }

    @Test
    void test_ingest_malformedBodiesAre400NamingTheField() throws Exception {
        start(QUIET);
        var bad = post("/data/ingest", "{\"data\": [ {\"symbol\": ");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(json(bad).get("errors").get(0).get("field").asText()).isEqualTo("body");
        // in plain words: no parser jargon (Jackson's "Unexpected end-of-input", source locations)
        assertThat(json(bad).get("detail").asText()).doesNotContain("end-of-input", "Source:", "jackson");
        // a CSV body on the JSON route is refused by its content type, not parsed as JSON
        var csv = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/data/ingest"))
                .POST(HttpRequest.BodyPublishers.ofString("symbol,bid,ask\nAAPL,1,2\n")).header("Content-Type", "text/csv")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(415);
        var nan = post("/data/ingest", "{\"data\": [{\"symbol\": \"A\", \"bid\": NaN}]}");
        assertThat(nan.statusCode()).isEqualTo(400);
        var missing = post("/data/ingest", "{\"records\": []}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("errors").get(0).get("field").asText()).isEqualTo("data");
        assertThat(get("/bars/AAPL?interval=7x").statusCode()).isEqualTo(400);
        assertThat(get("/data/AAPL?limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/bars/BAD.SYMBOL").statusCode()).isEqualTo(400);
        assertThat(post("/feeds", "{\"symbol\": \"AAPL\", \"data_source\": \"x\", \"data_types\": [\"smoke\"]}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void test_dailyBars_servedOverHttpAndBusAndKeptAcrossRestart() throws Exception {
        start(QUIET);
        var r = post("/data/ingest", """
                {"data": [
                  {"symbol": "XYZ", "data_type": "bar", "timestamp": "2024-01-02", "data": {"open": 10, "high": 12, "low": 9, "close": 11, "volume": 1000}},
                  {"symbol": "XYZ", "data_type": "bar", "timestamp": "2024-01-03", "data": {"open": 11, "high": 11.5, "low": 10, "close": 10.5, "volume": 400}},
                  {"symbol": "XYZ", "data_type": "bar", "timestamp": "2024-01-04", "data": {"open": 10.5, "high": 10.6, "low": 10.4, "close": 10.6, "volume": 40}}
                ]}""");
        assertThat(json(r).get("count").asInt()).isEqualTo(12); // each bar is four records
        // two days are complete; the third stays open (the http source goes on)
        JsonNode bars = json(get("/bars/XYZ?interval=1d&from=2024-01-01&limit=10"));
        assertThat(bars.get("count").asInt()).isEqualTo(2);
        JsonNode first = bars.get("bars").get(0);
        assertThat(first.get("open").asDouble()).isEqualTo(10);
        assertThat(first.get("high").asDouble()).isEqualTo(12);
        assertThat(first.get("low").asDouble()).isEqualTo(9);
        assertThat(first.get("close").asDouble()).isEqualTo(11);
        assertThat(first.get("volume").asDouble()).isEqualTo(1000);
        // VWAP of the four quarter-volume prints 10, 9, 12, 11 = 42 / 4 = 10.5
        assertThat(first.get("vwap").asDouble()).isCloseTo(10.5, within(1e-12));
        BarHistory viaBus = bus.forEngine("analytics").request(BarHistoryRequest.TOPIC,
                new BarHistoryRequest("XYZ", "1d", 0, Long.MAX_VALUE, 10), BarHistory.class, Duration.ofSeconds(5)).get();
        assertThat(viaBus.bars()).hasSize(2);
        JsonNode snap = json(post("/symbols/XYZ/snapshot", ""));
        assertThat(snap.get("snapshot").get("daily_stats").get("close").asDouble()).isEqualTo(10.6);

        List<Bar> before = viaBus.bars();
        host.close();
        bus.close();
        bus = null;
        start(QUIET);
        BarHistory after = bus.forEngine("analytics").request(BarHistoryRequest.TOPIC,
                new BarHistoryRequest("XYZ", "1d", 0, Long.MAX_VALUE, 10), BarHistory.class, Duration.ofSeconds(5)).get();
        assertThat(after.bars()).isEqualTo(before);
    }

    @Test
    void test_csvUpload_ttrcRowsBecomeDailyBars() throws Exception {
        start(QUIET);
        List<String> lines = java.nio.file.Files.readAllLines(
                SharedData.file("ttrc_daily_ohlcv.csv")).subList(0, 11);
        var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port()
                        + "/data/ingest/csv?symbol=ttrc&source=upload"))
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines))).header("Content-Type", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json(r).get("count").asInt()).isEqualTo(40);
        JsonNode bars = json(get("/bars/TTRC?interval=1d"));
        assertThat(bars.get("count").asInt()).isEqualTo(10);
        String[] last = lines.get(10).split(",");
        JsonNode b = bars.get("bars").get(9);
        assertThat(b.get("close").asDouble()).isEqualTo(Double.parseDouble(last[4]));
        assertThat(b.get("volume").asDouble()).isEqualTo(Double.parseDouble(last[5]));
    }

    @Test
    void test_simulator_publishesQuotesAndBackfillsDailyBars() throws Exception {
        start(EngineConfig.empty().with("marketdata.simulator.backfill-days", "3")
                .with("marketdata.simulator.backfill-step-seconds", "3600")
                .with("marketdata.simulator.rate", "20"));
        var quotes = new CopyOnWriteArrayList<Quote>();
        bus.forEngine("observer").subscribe("md.quote.SPY", Quote.class, (q, m) -> quotes.add(q));
        await().atMost(Duration.ofSeconds(10)).until(() -> quotes.size() >= 5);
        // three backfilled days: the first two close when the next day starts, the third when the live feed begins
        await().atMost(Duration.ofSeconds(10)).until(() -> json(get("/bars/SPY?interval=1d")).get("count").asInt() == 3);
        JsonNode health = json(get("/health"));
        assertThat(health.get("simulator").asBoolean()).isTrue();
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("nautilus_marketdata_quotes_total");
    }

    private HttpResponse<String> csv(String query, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/data/ingest/csv?" + query))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One daily bar: four locked quotes (O, H, L, C of a rising bar). */
    private static final String CSV = "date,open,high,low,close\n2024-01-02,100,101,99,100.5\n";

    private static String jsonQuote(String source) {
        return "{\"data\":[{\"symbol\":\"SRC\",\"data_type\":\"quote\",\"source\":\"" + source
                + "\",\"timestamp\":\"2024-01-02T14:31:00Z\",\"data\":{\"bid\":99,\"ask\":101}}]}";
    }

    @Test
    void test_ingestSource_checkedAlikeOnBothRoutes_internalNamesRefused_distinctNamesCapped() throws Exception {
        start(QUIET.with("marketdata.ingest.max-sources", "2"));
        var bad = csv("symbol=SRC&source=bad%20name!", CSV);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("errors").get(0).get("field").asText()).isEqualTo("source");
        assertThat(json(bad).get("errors").get(0).get("message").asText())
                .isEqualTo("source must be 1-32 characters of letters, digits and _ : -, got 'bad name!'");
        for (String internal : List.of("simulator", "replay")) {
            var posing = csv("symbol=SRC&source=" + internal, CSV);
            assertThat(posing.statusCode()).isEqualTo(400);
            assertThat(json(posing).get("errors").get(0).get("message").asText())
                    .isEqualTo("source '" + internal + "' is reserved for the engine's own sources [replay, simulator];"
                            + " give another name");
            JsonNode viaJson = json(post("/data/ingest", jsonQuote(internal)));
            assertThat(viaJson.get("count").asInt()).isZero();
            assertThat(viaJson.get("rejected").get(0).get("detail").asText()).startsWith("source '" + internal + "' is reserved");
        }

        assertThat(json(csv("symbol=SRC&source=vendor_a", CSV)).get("count").asInt()).isEqualTo(4);
        // admitted: valid, but on standby while vendor_a (first seen, so active) is live
        JsonNode second = json(post("/data/ingest", jsonQuote("vendor_b")));
        assertThat(second.get("rejected_count").asInt()).isZero();
        assertThat(second.get("standby").asInt()).isEqualTo(1);
        // a third distinct name is over the cap of 2, on either route; the admitted names still work
        var full = csv("symbol=SRC&source=vendor_c", CSV);
        assertThat(full.statusCode()).isEqualTo(422);
        assertThat(json(full).get("errors").get(0).get("field").asText()).isEqualTo("source");
        assertThat(json(full).get("detail").asText()).isEqualTo("source 'vendor_c' would be a new source, but all 2"
                + " allowed (setting marketdata.ingest.max-sources) are taken: [vendor_a, vendor_b]; ingest under one of them");
        JsonNode fullJson = json(post("/data/ingest", jsonQuote("vendor_c")));
        assertThat(fullJson.get("status").asText()).isEqualTo("rejected");
        assertThat(fullJson.get("rejected").get(0).get("reason").asText()).isEqualTo("malformed");
        assertThat(json(post("/data/ingest", jsonQuote("vendor_a").replace("2024-01-02T14:31", "2024-01-03T14:31"))).get("count").asInt())
                .isEqualTo(1);
        // the pipeline registered vendor_a and vendor_b only (housekeeping refreshes the stats)
        await().until(() -> json(get("/health")).get("sources").asInt() == 2);
        // the default source http is always admitted, outside the cap: clients that give no source keep working
        assertThat(json(csv("symbol=SRC&source=http", CSV)).get("rejected_count").asInt()).isZero();
        JsonNode unnamed = json(post("/data/ingest", jsonQuote("x").replace(",\"source\":\"x\"", "")
                .replace("2024-01-02T14:31", "2024-01-04T14:31")));
        assertThat(unnamed.get("rejected_count").asInt()).isZero();
        await().until(() -> json(get("/health")).get("sources").asInt() == 3);
    }

    @Test
    void test_feeds_boundedAndReportWhetherTheirSourceIsSending() throws Exception {
        start(QUIET.with("marketdata.feeds.max-entries", "2"));
        assertThat(post("/feeds", "{\"symbol\":\"src\",\"data_source\":\"vendor_a\",\"data_types\":[\"quote\"]}")
                .statusCode()).isEqualTo(201);
        JsonNode created = json(post("/feeds", "{\"symbol\":\"SRC\",\"data_source\":\"polygon\"}"));
        assertThat(created.get("status").asText()).isEqualTo("created");
        var full = post("/feeds", "{\"symbol\":\"XYZ\",\"data_source\":\"vendor_a\"}");
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(json(full).get("detail").asText()).startsWith("the feed registry is full (2 entries, setting "
                + "marketdata.feeds.max-entries)");
        for (int i = 0; i < 2; i++) {
            assertThat(json(post("/subscriptions", "{\"symbol\":\"SRC\"}")).get("status").asText()).isEqualTo("subscribed");
        }
        assertThat(post("/subscriptions", "{\"symbol\":\"SRC\"}").statusCode()).isEqualTo(409);

        // nothing sent yet: neither declared source is receiving
        JsonNode before = json(get("/feeds"));
        assertThat(before.get("feeds")).extracting(f -> f.get("receiving").asBoolean()).containsExactly(false, false);
        long sent = System.currentTimeMillis() * 1_000_000L;
        String now = java.time.Instant.now().toString();
        assertThat(json(post("/data/ingest", jsonQuote("vendor_a").replace("2024-01-02T14:31:00Z", now)))
                .get("count").asInt()).isEqualTo(1);
        JsonNode feeds = json(get("/feeds"));
        JsonNode vendor = feeds.get("feeds").get(0);
        assertThat(vendor.get("data_source").asText()).isEqualTo("vendor_a");
        assertThat(vendor.get("receiving").asBoolean()).isTrue();
        assertThat(vendor.get("active_source").asText()).isEqualTo("vendor_a");
        assertThat(vendor.get("last_arrival_nanos").asLong()).isBetween(sent - 1_000_000_000L, sent + 5_000_000_000L);
        // the feed declared for "polygon" gets nothing: declaring a feed does not connect to anything
        JsonNode polygon = feeds.get("feeds").get(1);
        assertThat(polygon.get("receiving").asBoolean()).isFalse();
        assertThat(polygon.get("last_arrival_nanos").isNull()).isTrue();
        assertThat(feeds.get("note").asText()).startsWith("feeds and subscriptions are a registry only");
    }

    @Test
    void test_replay_missingFileFailsStart_progressInHealth() throws Exception {
        Path missing = dir.resolve("missing.csv");
        bus = LocalBus.create();
        var bad = new EngineHost(new MarketDataEngine(), HostSettings.defaults().withHttp(HttpSettings.local(0))
                .withDataDir(dir.toString()).withConfig(QUIET.with("marketdata.replay.files", missing + "=AAPL")), bus,
                Clock.system(), () -> true);
        org.assertj.core.api.Assertions.assertThatThrownBy(bad::start).hasMessageContaining(
                "setting marketdata.replay.files: replay file '" + missing.toAbsolutePath() + "' does not exist");
        bad.close();

        Path ticks = Path.of(MarketDataEngineTest.class.getResource("/replay/ticks.csv").toURI());
        start(QUIET.with("marketdata.replay.files", ticks.toString()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> json(get("/health")).get("replays").get(0).get("state").asText().equals("done"));
        JsonNode health = json(get("/health"));
        assertThat(health.get("status").asText()).isEqualTo("healthy");
        JsonNode replay = health.get("replays").get(0);
        assertThat(replay.get("file").asText()).isEqualTo(ticks.toString());
        // six rows, the last a crossed quote: five records accepted
        assertThat(replay.get("records_replayed").asLong()).isEqualTo(5);
        assertThat(replay.get("error").isNull()).isTrue();
        assertThat(json(get("/quotes/MSFT")).get("quote").get("bid").asDouble()).isEqualTo(370.50);
    }
}
