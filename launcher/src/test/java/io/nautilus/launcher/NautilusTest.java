package io.nautilus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.http.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded API: engines on one bus, HTTP per engine, request/reply across engines, clean close. */
class NautilusTest {

    @Test
    void test_start_runsEnginesOnOneBusWithHttp(@TempDir Path dir) throws Exception {
        var a = new NautilusCommandTest.PingEngine(EngineId.FACTOR);
        var b = new NautilusCommandTest.PingEngine(EngineId.ML);
        try (Nautilus n = Nautilus.builder().engine(a).engine(b).ephemeralPorts(true).dataDir(dir.toString()).start()) {
            assertThat(n.engines()).containsExactly(EngineId.FACTOR, EngineId.ML);
            assertThat(a.started).isTrue();
            String reply = n.bus().request("ping.ml", "hello", String.class, Duration.ofSeconds(5)).get();
            assertThat(reply).isEqualTo("hello-pong");
            try (HttpClient client = HttpClient.newHttpClient()) {
                var r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.port(EngineId.ML) + "/ping")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(Json.mapper().readTree(r.body()).get("engine").asText()).isEqualTo("ml");
            }
        }
        assertThat(a.stopped).isTrue();
        assertThat(b.stopped).isTrue();
    }

    @Test
    void test_start_withoutHttpHasNoPorts(@TempDir Path dir) {
        try (Nautilus n = Nautilus.builder().engine(new NautilusCommandTest.PingEngine(EngineId.FACTOR)).http(false)
                .dataDir(dir.toString()).start()) {
            assertThat(n.port(EngineId.FACTOR)).isEqualTo(-1);
        }
    }

    @Test
    void test_start_rejectsDuplicateAndUnknownEngines(@TempDir Path dir) {
        assertThatThrownBy(() -> Nautilus.builder().engine(new NautilusCommandTest.PingEngine(EngineId.FACTOR))
                .engine(new NautilusCommandTest.PingEngine(EngineId.FACTOR)).http(false).dataDir(dir.toString()).start())
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> Nautilus.builder().engine(new NautilusCommandTest.PingEngine(EngineId.ML)).http(false).start()
                .host(EngineId.RISK)).hasMessageContaining("not running");
    }

    @Test
    void test_redisConfig_spillsUnderTheDataDirUnlessConfigured() {
        var defaults = Nautilus.Builder.redisConfig("redis://127.0.0.1:6379", EngineConfig.empty(), "/var/nautilus");
        assertThat(defaults.spillDir()).isEqualTo(Path.of("/var/nautilus", "redis-outbox"));
        var configured = Nautilus.Builder.redisConfig("redis://127.0.0.1:6379",
                EngineConfig.empty().with("redis.spill-dir", "/mnt/spill"), "/var/nautilus");
        assertThat(configured.spillDir()).isEqualTo(Path.of("/mnt/spill"));
    }

    @Test
    void test_start_anEngineFailingWhenReadyStopsTheOthers(@TempDir Path dir) {
        var healthy = new NautilusCommandTest.PingEngine(EngineId.FACTOR);
        var failing = new NautilusCommandTest.PingEngine(EngineId.ML) {
            @Override
            public void ready() {
                throw new IllegalStateException("feed unavailable");
            }
        };
        assertThatThrownBy(() -> Nautilus.builder().engine(healthy).engine(failing).ephemeralPorts(true)
                .dataDir(dir.toString()).start()).hasMessage("feed unavailable");
        // the engine that did start is stopped again, not left running with its HTTP port and threads
        assertThat(healthy.started).isTrue();
        assertThat(healthy.stopped).isTrue();
        assertThat(failing.stopped).isTrue();
    }

    @Test
    void test_start_pointsOutSettingsNoRunningEngineReads(@TempDir Path dir) {
        EngineConfig config = EngineConfig.empty().with("portfolio.journal.fsyncc", "batch")
                .with("portfolio.journal.fsync", "never").with("risk.not_running_here", "1").with("plain", "x");
        try (Nautilus n = Nautilus.builder().engines(java.util.Set.of(EngineId.PORTFOLIO)).http(false)
                .dataDir(dir.toString()).config(config).start()) {
            assertThat(Nautilus.Builder.warnUnread(config, n.engines(), false)).containsExactly(
                    "setting 'portfolio.journal.fsyncc' is not used by any running engine; did you mean "
                            + "'portfolio.journal.fsync'?");
        }
    }

    @Test
    void test_editDistance() {
        assertThat(Nautilus.Builder.editDistance("fsync", "fsyncc")).isEqualTo(1);
        assertThat(Nautilus.Builder.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(Nautilus.Builder.editDistance("", "abc")).isEqualTo(3);
    }
}
