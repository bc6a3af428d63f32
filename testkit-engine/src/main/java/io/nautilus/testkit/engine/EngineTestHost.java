package io.nautilus.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.http.Json;
import io.nautilus.core.time.Clock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One engine for an engine test, run for real: on a real {@link LocalBus} (its own, or one the test shares between
 * hosts), with its store under a data directory (SQLite unless a JDBC URL is given) and, unless turned off, its HTTP
 * server on port 0; with small HTTP helpers that return or assert JSON and problem+json answers. The same host for
 * every engine's tests (docs/engine-guide.md, "Tests"). Close it to stop the engine (and the bus, if it is its own).
 *
 * <pre>{@code
 * try (var h = EngineTestHost.builder(new RiskEngine()).dataDir(dir).config(cfg).start()) {
 *     h.as("portfolio").publish(Topics.portfolioState("p1"), state);
 *     JsonNode body = h.json("GET", "/risk/portfolios/p1", null, 200);
 * }
 * }</pre>
 */
public final class EngineTestHost implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalBus bus;
    private final boolean ownBus;
    private final EngineHost host;

    private EngineTestHost(Builder b) {
        this.ownBus = b.bus == null;
        this.bus = ownBus ? LocalBus.create() : b.bus;
        HostSettings settings = HostSettings.defaults().withDataDir(b.dataDir.toString()).withConfig(b.config);
        if (b.http) {
            settings = settings.withHttp(b.httpSettings == null ? HttpSettings.local(0) : b.httpSettings);
        }
        if (b.dbUrl != null) {
            settings = settings.withDbUrl(b.dbUrl);
        }
        EngineHost h = new EngineHost(b.engine, settings, bus, b.clock, () -> true);
        this.host = b.open ? h.open() : h.start();
    }

    /** A builder for {@code engine} (data under {@code ./target/engine-test} unless {@link Builder#dataDir} says). */
    public static Builder builder(Engine engine) {
        return new Builder(engine);
    }

    /** The bus. */
    public LocalBus bus() {
        return bus;
    }

    /** The bus as another engine sees it, to play that engine in a test (publish, subscribe, respond). */
    public MessageBus as(String engine) {
        return bus.forEngine(engine);
    }

    /** The engine's host (its health, registry, port). */
    public EngineHost host() {
        return host;
    }

    /** The engine. */
    public Engine engine() {
        return host.engine();
    }

    /** The HTTP port (-1 without HTTP). */
    public int port() {
        return host.port();
    }

    /** A JSON request to the engine; any status. */
    public HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, Map.of());
    }

    /** A request with extra headers (a token, an Origin, another content type); any status. */
    public HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .timeout(Duration.ofSeconds(30));
        if (!headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    public HttpResponse<String> put(String path, String body) throws Exception {
        return send("PUT", path, body);
    }

    public HttpResponse<String> delete(String path) throws Exception {
        return send("DELETE", path, null);
    }

    /** Sends a request, asserts its status and returns its JSON body. */
    public JsonNode json(String method, String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> r = send(method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + " answered: " + r.body()).isEqualTo(expectedStatus);
        return Json.mapper().readTree(r.body());
    }

    /** Asserts the response's status and returns its JSON body. */
    public static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Json.mapper().readTree(r.body());
    }

    /** Asserts a 200 and returns its JSON. */
    public static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    /** Asserts a problem+json answer with {@code status} and returns it. */
    public static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return Json.mapper().readTree(r.body());
    }

    /** The field named by the first error of a 400 problem. */
    public static String badField(HttpResponse<String> r) throws Exception {
        return problem(r, 400).get("errors").get(0).get("field").asText();
    }

    @Override
    public void close() {
        host.close();
        if (ownBus) {
            bus.close();
        }
    }

    /** Builds an {@link EngineTestHost}. Not thread-safe. */
    public static final class Builder {
        private final Engine engine;
        private LocalBus bus;
        private Path dataDir = Path.of("target", "engine-test");
        private EngineConfig config = EngineConfig.empty();
        private String dbUrl;
        private boolean http = true;
        private HttpSettings httpSettings;
        private Clock clock = Clock.system();
        private boolean open;

        private Builder(Engine engine) {
            this.engine = engine;
        }

        /** Share this bus (with other hosts, or with a test playing other engines); the host does not close it. */
        public Builder bus(LocalBus bus) {
            this.bus = bus;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder config(EngineConfig config) {
            this.config = config;
            return this;
        }

        /** A JDBC URL (PostgreSQL) instead of the SQLite file under the data directory. */
        public Builder dbUrl(String dbUrl) {
            this.dbUrl = dbUrl;
            return this;
        }

        /** No HTTP server. */
        public Builder noHttp() {
            this.http = false;
            return this;
        }

        /** HTTP settings other than loopback, port 0, no token. */
        public Builder http(HttpSettings settings) {
            this.httpSettings = settings;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Start the engine but do not call its {@code ready()} (the test calls {@code host().ready()}). */
        public Builder openOnly() {
            this.open = true;
            return this;
        }

        public EngineTestHost start() {
            return new EngineTestHost(this);
        }
    }
}
