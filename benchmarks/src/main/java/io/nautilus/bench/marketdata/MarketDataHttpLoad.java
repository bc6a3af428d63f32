package io.nautilus.bench.marketdata;

import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.metrics.LatencyStats;
import io.nautilus.core.time.Clock;
import io.nautilus.engine.marketdata.MarketDataEngine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP batch ingest load: {@code POST /data/ingest} with batches of {@code --batch} quote records (seed format)
 * from {@code --clients} concurrent clients, {@code --requests} requests in all, stopping early after
 * {@code --seconds}. Each client has its own symbols and sends its batches in order with rising timestamps, so
 * every record is valid and accepted. Targets {@code --url} if given, else starts a Market Data engine in this
 * JVM on an ephemeral 127.0.0.1 port (simulator off, SQLite in a temporary directory).
 *
 * <p>Prints records/s accepted and the request latency percentiles. Target: at least 200,000 records/s with
 * 1,000-record batches.
 */
public final class MarketDataHttpLoad {
    private MarketDataHttpLoad() {
    }

    public static void main(String[] args) throws Exception {
        // the benchmarks jar has no logback configuration: logback's default would log every request at DEBUG
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int requests = intArg(args, "--requests", 2000);
        int batch = intArg(args, "--batch", 1000);
        int clients = intArg(args, "--clients", 4);
        int seconds = intArg(args, "--seconds", 60);
        int warmup = intArg(args, "--warmup", 200);
        String url = stringArg(args, "--url", null);

        LocalBus bus = null;
        EngineHost host = null;
        if (url == null) {
            bus = LocalBus.create();
            var dir = Files.createTempDirectory("md-load");
            host = new EngineHost(new MarketDataEngine(), HostSettings.defaults().withHttp(HttpSettings.local(0))
                    .withDataDir(dir.toString()).withConfig(EngineConfig.empty()
                            .with("marketdata.simulator.enabled", "false")
                            .with("marketdata.history.depth", "100")), bus, Clock.system(), () -> true).start();
            url = "http://127.0.0.1:" + host.port();
        }
        try {
            var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI target = URI.create(url + "/data/ingest");
            run(client, target, warmup, batch, clients, seconds, "warmup", 0);
            run(client, target, requests, batch, clients, seconds, "measured", 1_000_000);
        } finally {
            if (host != null) {
                host.close();
            }
            if (bus != null) {
                bus.close();
            }
        }
    }

    private static void run(HttpClient client, URI target, int requests, int batch, int clients, int seconds,
                            String label, int seqBase) throws InterruptedException {
        var accepted = new AtomicLong();
        var sent = new AtomicLong();
        var failure = new AtomicReference<String>();
        var latency = new LatencyStats();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int perClient = requests / clients;
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int id = c;
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
                long ts = System.currentTimeMillis() * 1_000_000L - 3_600_000_000_000L + seqBase * 1000L;
                for (int k = 0; k < perClient && System.nanoTime() < deadline && failure.get() == null; k++) {
                    var body = new StringBuilder(batch * 140).append("{\"data\":[");
                    for (int i = 0; i < batch; i++) {
                        ts += 1000;
                        long midCents = 10_000 + (i % 50) * 100 + k % 10; // prices in cents: short decimals, as feeds send
                        double bid = (midCents - 1) / 100.0;
                        double ask = (midCents + 1) / 100.0;
                        if (i > 0) {
                            body.append(',');
                        }
                        body.append("{\"symbol\":\"L").append(id).append('S').append(i % 20)
                                .append("\",\"data_type\":\"quote\",\"source\":\"load\",\"timestamp\":").append(ts)
                                .append(",\"data\":{\"bid\":").append(bid).append(",\"ask\":").append(ask)
                                .append(",\"bid_size\":100,\"ask_size\":200}}");
                    }
                    body.append("]}");
                    long s = System.nanoTime();
                    try {
                        var r = client.send(HttpRequest.newBuilder(target)
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                        latency.record(System.nanoTime() - s);
                        if (r.statusCode() != 200) {
                            failure.compareAndSet(null, "HTTP " + r.statusCode() + ": " + r.body());
                        }
                        int at = r.body().indexOf("\"count\":");
                        accepted.addAndGet(Long.parseLong(r.body().substring(at + 8, r.body().indexOf(',', at))));
                        sent.addAndGet(batch);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e.toString());
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        LatencyStats.Summary l = latency.summary();
        System.out.printf("%s: %d requests x %d records, %d clients: %.0f records/s accepted (%d of %d sent) in %.2f s;"
                        + " request latency ms p50 %.2f p99 %.2f max %.2f%n", label, l.count(), batch, clients,
                accepted.get() / secs, accepted.get(), sent.get(), secs, l.p50() / 1e6, l.p99() / 1e6, l.max() / 1e6);
        if (failure.get() != null) {
            throw new IllegalStateException("load failed: " + failure.get());
        }
    }

    private static int intArg(String[] args, String name, int dflt) {
        String v = stringArg(args, name, null);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private static String stringArg(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }
}
