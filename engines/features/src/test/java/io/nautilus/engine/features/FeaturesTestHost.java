package io.nautilus.engine.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.http.Json;
import io.nautilus.core.time.Clock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** Test fixture: a features engine on a real bus and HTTP server (port 0), with small HTTP helpers. */
final class FeaturesTestHost implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    final LocalBus bus;
    final EngineHost host;
    private final boolean ownBus;

    private FeaturesTestHost(LocalBus bus, boolean ownBus, Path dataDir, EngineConfig config) {
        this.bus = bus;
        this.ownBus = ownBus;
        this.host = new EngineHost(new FeaturesEngine(), HostSettings.defaults().withHttp(HttpSettings.local(0))
                .withDataDir(dataDir.toString()).withConfig(config), bus, Clock.system(), () -> true).start();
    }

    static FeaturesTestHost start(Path dataDir) {
        return new FeaturesTestHost(LocalBus.create(), true, dataDir, EngineConfig.empty());
    }

    static FeaturesTestHost start(LocalBus bus, Path dataDir, EngineConfig config) {
        return new FeaturesTestHost(bus, false, dataDir, config);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Asserts a 200 and returns its JSON. */
    JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    /** Asserts a problem+json answer with {@code status} and returns it. */
    static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return Json.mapper().readTree(r.body());
    }

    /** The first error's field of a 400 problem. */
    static String badField(HttpResponse<String> r) throws Exception {
        return problem(r, 400).get("errors").get(0).get("field").asText();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + host.port() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        host.close();
        if (ownBus) {
            bus.close();
        }
    }
}
