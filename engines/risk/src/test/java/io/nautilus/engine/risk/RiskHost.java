package io.nautilus.engine.risk;

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

/** A risk engine on a real bus and HTTP server (port 0) over a data directory, for engine tests. */
final class RiskHost implements AutoCloseable {
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    final LocalBus bus;
    final EngineHost host;

    RiskHost(LocalBus bus, Path dataDir, EngineConfig config) {
        this(bus, dataDir, config, HttpSettings.local(0));
    }

    RiskHost(LocalBus bus, Path dataDir, EngineConfig config, HttpSettings http) {
        this.bus = bus;
        this.host = new EngineHost(new RiskEngine(), HostSettings.defaults().withHttp(http)
                .withDataDir(dataDir.toString()).withConfig(config), bus, Clock.system(), () -> true).start();
    }

    /** Settings for tests: no bar-history requests unless asked, no periodic predictions, 1 s model rebuilds. */
    static EngineConfig testConfig() {
        return EngineConfig.empty().with("risk.history.request", "false").with("risk.prediction.interval_seconds", "0");
    }

    /** Publishes a position as the portfolio engine would: quantity at price (average cost = price, no P&amp;L). */
    void position(String portfolio, String symbol, double quantity, double price, long tsNanos) {
        bus.forEngine("test").publish("position." + portfolio,
                new io.nautilus.core.model.PositionUpdate(portfolio, symbol, quantity, price, 0, price, tsNanos));
    }

    /** Waits until the monitor has this many open live breaches; returns the newest live one of the portfolio. */
    JsonNode awaitOpenBreach(String portfolio, int open) throws Exception {
        org.awaitility.Awaitility.await().until(() -> json("GET", "/risk/monitor/status", null, 200)
                .get("open_breaches").asInt() == open);
        return json("GET", "/risk/breaches?active=true&what_if=false&portfolio_id=" + portfolio, null, 200).get("breaches").get(0);
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Content-Type", "application/json").header("X-Actor", "alice");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String method, String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> r = send(method, path, body);
        if (r.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.mapper().readTree(r.body());
    }

    @Override
    public void close() {
        host.close();
    }
}
