package io.nautilus.bench.risk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop load on {@code POST /risk/check/{portfolio_id}} with the seed's flat-position body:
 * {@code RiskCheckLoad <baseUrl> <concurrency> <warmupSeconds> <seconds>}. Each of {@code concurrency} virtual
 * threads sends one request at a time over keep-alive HTTP/1.1; latency is recorded from send to full response in
 * an HdrHistogram (1 us .. 60 s). Bounded by the duration; prints throughput, status counts and percentiles.
 * The limits the checks evaluate are created by scripts/load/risk-check.sh beforehand. A fifth argument
 * {@code health} or {@code hello} loads {@code GET /health} or {@code GET /hello} of {@code baseUrl} instead, as
 * baselines of the HTTP stack without the engine.
 */
public final class RiskCheckLoad {
    private static String getPath;
    static final String BODY = "{\"quantity\":1000,\"market_value\":130000,\"unrealized_pnl\":-4500,\"leverage\":2.6}";

    private RiskCheckLoad() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:18200";
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        getPath = args.length > 4 && !args[4].equals("check") ? "/" + args[4] : null;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        run(client, base, concurrency, warmup, null);
        var recorder = new Recorder(1, 60_000_000_000L, 3);
        Result r = run(client, base, concurrency, seconds, recorder);
        Histogram h = recorder.getIntervalHistogram();
        System.out.printf("concurrency=%d seconds=%d requests=%d ok=%d errors=%d throughput=%.0f req/s%n", concurrency,
                seconds, r.total, r.ok, r.total - r.ok, r.total / (double) seconds);
        System.out.printf("latency_us p50=%.0f p90=%.0f p99=%.0f p99.9=%.0f max=%.0f%n",
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }

    private record Result(long total, long ok) {
    }

    private static Result run(HttpClient client, String base, int concurrency, int seconds, Recorder recorder)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var total = new LongAdder();
        var ok = new LongAdder();
        var counter = new AtomicLong();
        Thread[] threads = new Thread[concurrency];
        for (int t = 0; t < concurrency; t++) {
            threads[t] = Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    var request = getPath != null ? HttpRequest.newBuilder(URI.create(base + getPath)).build()
                            : post(base + "/risk/check/p" + (counter.incrementAndGet() % 8), BODY);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (recorder != null) {
                            recorder.recordValue(Math.min(System.nanoTime() - start, 60_000_000_000L));
                        }
                        total.increment();
                        if (response.statusCode() == 200) {
                            ok.increment();
                        }
                    } catch (Exception e) {
                        total.increment();
                    }
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(total.sum(), ok.sum());
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
