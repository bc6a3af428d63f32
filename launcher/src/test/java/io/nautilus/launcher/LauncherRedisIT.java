package io.nautilus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.http.Json;
import io.nautilus.testkit.TestRedis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One engine per process from the shaded jar, connected only through Redis Streams: Market Data's simulated bars
 * and quotes reach the Features and Analytics JVMs, and Analytics' symbol route asks Market Data for history by
 * request/reply across processes.
 */
class LauncherRedisIT {
    private static final Path JAR = Path.of(System.getProperty("nautilus.jar", "target/nautilus.jar"));
    private static final int OFFSET = 23_000 + (int) (ProcessHandle.current().pid() % 50) * 10;

    private record Node(Process process, List<String> output) {
    }

    private static Node start(Path dir, EngineId engine, String redis, String prefix) throws Exception {
        var cmd = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-Dnautilus.redis.prefix=" + prefix,
                "-Dnautilus.marketdata.simulator.backfill-days=30",
                "-jar", JAR.toAbsolutePath().toString(), "--engine", engine.cliName(), "--redis", redis,
                "--data-dir", dir.resolve(engine.cliName()).toString(), "--port-offset", Integer.toString(OFFSET)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        var output = new CopyOnWriteArrayList<String>();
        Thread.ofPlatform().daemon(true).start(() -> {
            try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (output.stream().noneMatch(l -> l.contains(" up in ")) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(output).as("%s banner; output %s", engine, output).anyMatch(l -> l.contains(" up in "));
        return new Node(p, output);
    }

    private static JsonNode get(HttpClient client, EngineId engine, String path) throws Exception {
        var r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (engine.defaultPort() + OFFSET) + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s -> %s", engine, path, r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    @Test
    void test_threeEngineProcesses_exchangeMessagesThroughRedis(@TempDir Path dir) throws Exception {
        String redis = TestRedis.url();
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8);
        var nodes = new ArrayList<Node>();
        try (HttpClient client = HttpClient.newHttpClient()) {
            // consumers first, so their consumer groups exist before Market Data publishes its backfill
            nodes.add(start(dir, EngineId.FEATURES, redis, prefix));
            nodes.add(start(dir, EngineId.ANALYTICS, redis, prefix));
            nodes.add(start(dir, EngineId.MARKETDATA, redis, prefix));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    get(client, EngineId.FEATURES, "/health").path("bars_received").asLong() > 0
                            && get(client, EngineId.ANALYTICS, "/health").path("prices").asLong() > 0);
            for (EngineId id : List.of(EngineId.FEATURES, EngineId.ANALYTICS, EngineId.MARKETDATA)) {
                JsonNode h = get(client, id, "/health");
                assertThat(h.path("messagebus_connected").asBoolean()).as(id + " link").isTrue();
            }
            // request/reply across processes: Analytics asks Market Data (another JVM) for AAPL's daily bars
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    get(client, EngineId.ANALYTICS, "/analytics/market-data/AAPL?limit=5").path("bars").size() == 5);
        } finally {
            for (Node n : nodes) {
                n.process().toHandle().destroy();
            }
            for (Node n : nodes) {
                n.process().waitFor(30, TimeUnit.SECONDS);
            }
            // leave nothing behind in the shared Redis
            var redisClient = io.lettuce.core.RedisClient.create(redis);
            try (var c = redisClient.connect()) {
                var keys = c.sync().keys(prefix + ":*");
                if (!keys.isEmpty()) {
                    c.sync().del(keys.toArray(new String[0]));
                }
            } finally {
                redisClient.shutdown();
            }
        }
    }
}
