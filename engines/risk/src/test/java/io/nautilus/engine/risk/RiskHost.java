package io.nautilus.engine.risk;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.http.Json;
import io.nautilus.testkit.engine.EngineTestHost;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

/**
 * A risk engine on {@link EngineTestHost} (a real bus and HTTP server, port 0, over a data directory) with the
 * Portfolio engine's side played by a {@link FakePortfolio}, for engine tests.
 */
final class RiskHost implements AutoCloseable {
    final LocalBus bus;
    final EngineTestHost test;
    final EngineHost host;
    /** The books the Portfolio engine would hold; pass it to the next host to restart on the same books. */
    final FakePortfolio portfolio;

    RiskHost(LocalBus bus, Path dataDir, EngineConfig config) {
        this(bus, dataDir, config, HttpSettings.local(0));
    }

    RiskHost(LocalBus bus, Path dataDir, EngineConfig config, HttpSettings http) {
        this(bus, dataDir, config, http, new FakePortfolio(), true);
    }

    /** A host whose books come from {@code portfolio} (answered on {@code portfolio.snapshot} if {@code answer}). */
    RiskHost(LocalBus bus, Path dataDir, EngineConfig config, FakePortfolio portfolio) {
        this(bus, dataDir, config, HttpSettings.local(0), portfolio, true);
    }

    RiskHost(LocalBus bus, Path dataDir, EngineConfig config, HttpSettings http, FakePortfolio portfolio,
             boolean answer) {
        this.bus = bus;
        this.portfolio = portfolio;
        if (answer) {
            portfolio.answer(bus.forEngine("portfolio"));
        }
        this.test = EngineTestHost.builder(new RiskEngine()).bus(bus).dataDir(dataDir).config(config).http(http)
                .start();
        this.host = test.host();
        if (answer) {
            awaitSynced();
        }
    }

    /** Waits until the engine has its books (its /health says books_synced). */
    void awaitSynced() {
        org.awaitility.Awaitility.await().until(() -> json("GET", "/health", null, 200)
                .path("books_synced").asBoolean(false));
    }

    /** Settings for tests: no bar-history requests unless asked, no periodic predictions, 1 s model rebuilds. */
    static EngineConfig testConfig() {
        return EngineConfig.empty().with("risk.history.request", "false").with("risk.prediction.interval_seconds", "0");
    }

    /**
     * Sets a position as the portfolio engine would and publishes the portfolio's state: quantity bought at price
     * (average cost = price, no P&amp;L), cash = initial value (1,000,000 unless created otherwise) - cost.
     */
    void position(String portfolio, String symbol, double quantity, double price, long tsNanos) {
        position(new io.nautilus.core.model.PositionUpdate(portfolio, symbol, quantity, price, 0, price, tsNanos));
    }

    /** Creates a portfolio with no positions, publishes its state and waits until the engine has its book. */
    void book(String portfolioId, double initialValue) throws Exception {
        portfolio.create(portfolioId, initialValue);
        FakePortfolio.publish(bus.forEngine("portfolio"), portfolio.state(portfolioId, portfolio.lastChange(portfolioId)));
        org.awaitility.Awaitility.await().until(() -> send("GET", "/risk/portfolios/" + portfolioId, null)
                .statusCode() == 200);
    }

    /** Sets a position (bought at its average cost) and publishes the portfolio's state. */
    void position(io.nautilus.core.model.PositionUpdate p) {
        FakePortfolio.publish(bus.forEngine("portfolio"), portfolio.position(p));
    }

    /** Waits until the monitor has this many open live breaches; returns the newest live one of the portfolio. */
    JsonNode awaitOpenBreach(String portfolio, int open) throws Exception {
        org.awaitility.Awaitility.await().until(() -> json("GET", "/risk/monitor/status", null, 200)
                .get("open_breaches").asInt() == open);
        return json("GET", "/risk/breaches?active=true&what_if=false&portfolio_id=" + portfolio, null, 200).get("breaches").get(0);
    }

    /** A JSON request as the actor {@code alice}; any status. */
    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return test.send(method, path, body, Map.of("X-Actor", "alice"));
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
        test.close();
    }
}
