package io.nautilus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.http.Json;
import io.nautilus.testkit.TestRedis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --redis mode embedded: two Nautilus instances, one engine each, talking through the real Redis. */
class NautilusRedisTest {

    @Test
    void test_redis_requestCrossesInstancesAndHealthShowsTheLink(@TempDir Path dir) throws Exception {
        var config = EngineConfig.empty().with("redis.prefix", "t" + UUID.randomUUID().toString().substring(0, 8));
        try (Nautilus ml = Nautilus.builder().engine(new NautilusCommandTest.PingEngine(EngineId.ML)).ephemeralPorts(true)
                .dataDir(dir.resolve("ml").toString()).config(config).redis(TestRedis.url()).start();
             Nautilus factor = Nautilus.builder().engine(new NautilusCommandTest.PingEngine(EngineId.FACTOR)).http(false)
                     .dataDir(dir.resolve("factor").toString()).config(config).redis(TestRedis.url()).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> ml.redisBridge().connected() && factor.redisBridge().connected());
            // no local responder of ping.ml in this instance: the request goes through Redis to the other one
            String reply = factor.bus().request("ping.ml", "hello", String.class, Duration.ofSeconds(10)).get();
            assertThat(reply).isEqualTo("hello-pong");
            assertThat(factor.redisBridge().stats().replies()).isEqualTo(1);
            try (HttpClient client = HttpClient.newHttpClient()) {
                var r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ml.port(EngineId.ML) + "/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(Json.mapper().readTree(r.body()).get("messagebus_connected").asBoolean()).isTrue();
                var m = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ml.port(EngineId.ML) + "/metrics"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(m.body()).contains("nautilus_redis_imported_total").contains("nautilus_redis_outbox_depth");
            }
        }
    }
}
