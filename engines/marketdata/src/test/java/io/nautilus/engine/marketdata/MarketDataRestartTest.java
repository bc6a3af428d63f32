package io.nautilus.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.http.Json;
import io.nautilus.core.model.Quote;
import io.nautilus.core.time.Clock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine restarted for real (its host closed, as on SIGTERM, or a new host started on a copy of the data directory
 * taken while the first one ran, as after {@code kill -9}): the simulator continues from its last prices; the
 * default backfill gives 253 daily bars; ingest rejections of the parsers and of the pipeline are counted in
 * /health and /metrics.
 */
class MarketDataRestartTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /**
     * XOM starts at 110 with 50 % volatility and 60 backfilled days, so it ends far from 110 (seed 42). A live step
     * at 20 per second is dt = 0.05 s = 2.3e-9 years: sigma sqrt(dt) = 2.4e-5, so even 10 steps of 10 sigma stay
     * under 1e-3 relative; no jumps.
     */
    private static final EngineConfig SIMULATED = EngineConfig.empty()
            .with("marketdata.simulator.symbols", "SPY,XOM").with("marketdata.simulator.prices", "500,110")
            .with("marketdata.simulator.volatilities", "0.15,0.5").with("marketdata.simulator.jump-intensity", "0")
            .with("marketdata.simulator.backfill-days", "60").with("marketdata.simulator.rate", "20");
    private static final double ONE_STEP = 1e-3;

    @TempDir
    Path dir;
    @TempDir
    Path copy;
    private final LocalBus bus = LocalBus.create();
    private final List<Quote> quotes = new CopyOnWriteArrayList<>();
    private EngineHost host;

    @BeforeEach
    void observe() {
        bus.forEngine("observer").subscribe("md.quote.XOM", Quote.class, (q, m) -> quotes.add(q));
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
        bus.close();
    }

    private void start(Path dataDir, EngineConfig config) {
        host = new EngineHost(new MarketDataEngine(), HostSettings.defaults().withHttp(HttpSettings.local(0))
                .withDataDir(dataDir.toString()).withConfig(config), bus, Clock.system(), () -> true).start();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path));
    }

    private JsonNode getJson(String path) throws Exception {
        return Json.mapper().readTree(send(request(path).GET()).body());
    }

    private static double mid(Quote q) {
        return 0.5 * (q.bid() + q.ask());
    }

    /** Waits for {@code n} live quotes (stamped after {@code sinceNanos}: the backfill's are in the past). */
    private void awaitLiveQuotes(int n, long sinceNanos) {
        await().atMost(Duration.ofSeconds(60)).until(() -> quotes.stream().filter(q -> q.tsNanos() >= sinceNanos).count() >= n);
    }

    @Test
    void test_restart_simulatorContinuesFromItsLastPrice() throws Exception {
        long t0 = System.currentTimeMillis() * 1_000_000L;
        start(dir, SIMULATED);
        awaitLiveQuotes(5, t0);
        int barsBefore = getJson("/bars/XOM?interval=1d").get("count").asInt();
        // 60 daily bars of each of the 2 symbols, written by the daily_bars write-behind writer
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson("/health").get("daily_bars_written").asLong() == 120);
        JsonNode writer = getJson("/health").get("write_behind").get("daily_bars");
        assertThat(writer.get("written").asLong()).isEqualTo(120);
        assertThat(writer.get("waiting").asLong()).isZero();
        assertThat(writer.get("rejected").asLong()).isZero();
        host.close();
        host = null;
        double last = mid(quotes.getLast());
        // the backfill moved XOM far from its configured 110: a restart from the configuration would show
        assertThat(Math.abs(last / 110 - 1)).isGreaterThan(0.05);
        quotes.clear();

        long t1 = System.currentTimeMillis() * 1_000_000L;
        start(dir, SIMULATED);
        awaitLiveQuotes(1, t1);
        double first = mid(quotes.getFirst());
        assertThat(Math.abs(first / last - 1)).isLessThan(ONE_STEP);
        JsonNode health = getJson("/health");
        assertThat(health.get("simulator_resumed").get("XOM").asDouble()).isEqualTo(last, org.assertj.core.data.Offset.offset(last * 1e-12));
        // no second backfill: the stored daily bars are the same 60 (the 60th closed when the live feed began)
        assertThat(barsBefore).isEqualTo(60);
        assertThat(getJson("/bars/XOM?interval=1d").get("count").asInt()).isEqualTo(60);
    }

    @Test
    void test_crash_copyOfTheRunningDataDirContinuesWithinAStep() throws Exception {
        long t0 = System.currentTimeMillis() * 1_000_000L;
        start(dir, SIMULATED);
        awaitLiveQuotes(5, t0);
        // what a kill -9 leaves: the files as the running engine has them at that instant
        copyTree(dir, copy);
        double atCrash = mid(quotes.getLast());
        host.close();
        host = null;
        quotes.clear();

        long t1 = System.currentTimeMillis() * 1_000_000L;
        start(copy, SIMULATED);
        awaitLiveQuotes(1, t1);
        assertThat(Math.abs(mid(quotes.getFirst()) / atCrash - 1)).isLessThan(ONE_STEP);
        assertThat(Math.abs(atCrash / 110 - 1)).isGreaterThan(0.05);
    }

    @Test
    void test_resumeOff_startsAtTheConfiguredPrices() throws Exception {
        long t0 = System.currentTimeMillis() * 1_000_000L;
        start(dir, SIMULATED);
        awaitLiveQuotes(1, t0);
        host.close();
        quotes.clear();
        long t1 = System.currentTimeMillis() * 1_000_000L;
        start(dir, SIMULATED.with("marketdata.simulator.resume", "false"));
        awaitLiveQuotes(1, t1);
        assertThat(Math.abs(mid(quotes.getFirst()) / 110 - 1)).isLessThan(ONE_STEP);
        assertThat(getJson("/health").get("simulator_resumed").size()).isZero();
    }

    @Test
    void test_defaultBackfill_gives253DailyBars() throws Exception {
        start(dir, EngineConfig.empty().with("marketdata.simulator.symbols", "SPY").with("marketdata.simulator.rate", "2"));
        // 253 closes, 252 daily returns: what the analytics and portfolio routes ask for by default
        await().atMost(Duration.ofSeconds(60))
                .until(() -> getJson("/bars/SPY?interval=1d").get("count").asInt() == 253);
    }

    @Test
    void test_ingestRejections_countedInHealthAndMetrics() throws Exception {
        start(dir, EngineConfig.empty().with("marketdata.simulator.enabled", "false"));
        var r = send(request("/data/ingest").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                {"data": [
                  {"symbol": "AAPL", "data_type": "quote", "timestamp": "2024-01-02T14:30:00Z", "data": {"bid": 100, "ask": 100.1}},
                  {"symbol": "AAPL", "data_type": "quote", "timestamp": "2024-01-02T14:30:01Z", "data": {"bid": 101, "ask": 100}},
                  {"symbol": "AAPL", "data_type": "trade", "timestamp": 1704205802, "data": {"price": "NaN", "size": 1}},
                  {"symbol": "AAPL", "data_type": "level2", "timestamp": "2024-01-02T14:30:03Z", "data": {}},
                  {"data_type": "trade", "timestamp": "2024-01-02T14:30:03Z", "data": {"price": 1, "size": 1}},
                  {"symbol": "AAPL", "data_type": "trade", "timestamp": "soon", "data": {"price": 1, "size": 1}},
                  {"symbol": "AAPL", "data_type": "trade", "timestamp": "2024-01-02T14:30:04Z", "data": {"price": -3, "size": 1}}
                ]}""")));
        assertThat(Json.mapper().readTree(r.body()).get("rejected_count").asInt()).isEqualTo(6);
        // a CSV upload with one unreadable row (a parser rejection on the other route)
        var csv = send(request("/data/ingest/csv?symbol=ZZ&source=upload").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("date,open,high,low,close\n2024-01-02,100,101,99,100.5\n"
                        + "not-a-date,1,1,1,1\n")));
        assertThat(Json.mapper().readTree(csv.body()).get("rejected_count").asInt()).isEqualTo(1);

        // the parsers' rejections (unsupported_type, malformed, bad_timestamp, and the CSV row) and the pipeline's
        // (crossed_quote, non_finite, non_positive_price), at once: no wait for the housekeeping timer
        JsonNode health = getJson("/health");
        JsonNode rejected = health.get("rejected");
        assertThat(rejected.get("crossed_quote").asLong()).isEqualTo(1);
        assertThat(rejected.get("non_finite").asLong()).isEqualTo(1);
        assertThat(rejected.get("non_positive_price").asLong()).isEqualTo(1);
        assertThat(rejected.get("unsupported_type").asLong()).isEqualTo(1);
        assertThat(rejected.get("malformed").asLong()).isEqualTo(1);
        assertThat(rejected.get("bad_timestamp").asLong()).isEqualTo(2);
        assertThat(rejected.size()).isEqualTo(6);
        assertThat(health.get("rejected_total").asLong()).isEqualTo(7);

        String metrics = send(request("/metrics").GET()).body();
        assertThat(metricValue(metrics, "nautilus_marketdata_rejected_total", null)).isEqualTo(7.0);
        assertThat(metricValue(metrics, "nautilus_marketdata_rejections_total", "bad_timestamp")).isEqualTo(2.0);
        assertThat(metricValue(metrics, "nautilus_marketdata_rejections_total", "crossed_quote")).isEqualTo(1.0);
        assertThat(metricValue(metrics, "nautilus_marketdata_rejections_total", "out_of_order")).isEqualTo(0.0);
    }

    /** The value of a Prometheus sample by name (and {@code reason} label, when given). */
    private static double metricValue(String text, String name, String reason) {
        return text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> reason == null || l.contains("reason=\"" + reason + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " " + reason + " in\n" + text));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
