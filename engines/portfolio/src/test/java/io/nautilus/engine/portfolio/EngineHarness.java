package io.nautilus.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.http.Json;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Topics;
import io.nautilus.core.time.Clock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test support: the Portfolio engine on a real in-process bus and HTTP server, with a "risk" engine that records
 * intents, fills and positions and answers risk decisions when told. The store is SQLite in {@code dir}, or the
 * given JDBC URL (PostgreSQL). {@link #restart()} closes the host and starts a new one on the same store.
 */
final class EngineHarness implements AutoCloseable {
    static final long TS = 1_700_000_000_000_000_000L;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    final LocalBus bus = LocalBus.create();
    final List<OrderIntent> intents = new CopyOnWriteArrayList<>();
    final List<Fill> fills = new CopyOnWriteArrayList<>();
    final List<PositionUpdate> positions = new CopyOnWriteArrayList<>();
    /** Published {@code portfolio.state.*}, in arrival order. */
    final List<PortfolioState> states = new CopyOnWriteArrayList<>();
    /** States and intents as one subscriber (on one ring thread) received them, in order. */
    final List<Object> stateAndIntentOrder = new CopyOnWriteArrayList<>();
    private final HostSettings settings;
    private final Clock clock;
    EngineHost host;

    /**
     * @param dir    data directory (SQLite file when {@code dbUrl} is null)
     * @param dbUrl  PostgreSQL URL, or null for SQLite in {@code dir}
     * @param config engine settings
     * @param clock  the engine's clock
     */
    EngineHarness(Path dir, String dbUrl, EngineConfig config, Clock clock) {
        this.settings = HostSettings.defaults().withHttp(HttpSettings.local(0)).withDataDir(dir.toString())
                .withDbUrl(dbUrl).withConfig(config);
        this.clock = clock;
        var risk = bus.forEngine("risk");
        risk.subscribe(Topics.ORDER_INTENT, OrderIntent.class, (i, m) -> intents.add(i));
        risk.subscribe("fill.>", Fill.class, (f, m) -> fills.add(f));
        risk.subscribe("position.>", PositionUpdate.class, (p, m) -> positions.add(p));
        risk.subscribe("portfolio.state.*", PortfolioState.class, (p, m) -> {
            states.add(p);
            stateAndIntentOrder.add(p);
        });
        risk.subscribe(Topics.ORDER_INTENT, OrderIntent.class, (i, m) -> stateAndIntentOrder.add(i));
        host = start();
    }

    private EngineHost start() {
        return new EngineHost(new PortfolioEngine(), settings, bus, clock, () -> true).start();
    }

    void restart() {
        host.close();
        host = start();
    }

    @Override
    public void close() {
        host.close();
        bus.close();
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String method, String path, String body, int status) throws Exception {
        var r = send(method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Json.mapper().readTree(r.body());
    }

    void createPortfolio(String id) throws Exception {
        createPortfolio(id, "none");
    }

    void createPortfolio(String id, double initialValue) throws Exception {
        json("POST", "/portfolios", "{\"portfolio_id\":\"" + id + "\",\"portfolio_name\":\"Test\",\"initial_value\":"
                + initialValue + "}", 201);
    }

    /** The last state published for a portfolio, or null. */
    PortfolioState lastState(String id) {
        PortfolioState last = null;
        for (PortfolioState s : states) {
            if (s.portfolioId().equals(id)) {
                last = s;
            }
        }
        return last;
    }

    void createPortfolio(String id, String rebalanceFrequency) throws Exception {
        json("POST", "/portfolios", "{\"portfolio_id\":\"" + id + "\",\"portfolio_name\":\"Test\",\"initial_value\":100000,"
                + "\"symbols\":[\"AAPL\",\"MSFT\"],\"rebalance_frequency\":\"" + rebalanceFrequency + "\"}", 201);
    }

    void quote(String symbol, double bid, double ask, double bidSize, double askSize) {
        bus.forEngine("marketdata").publish(Topics.quote(symbol), new Quote(symbol, bid, ask, bidSize, askSize, TS));
    }

    /** Answers a recorded intent like the risk engine would. */
    void decide(OrderIntent intent, boolean approve) {
        bus.forEngine("risk").publish(approve ? Topics.ORDER_APPROVED : Topics.ORDER_REJECTED,
                new RiskDecision(intent, approve, approve ? List.of() : List.of("MAX_QUANTITY"), TS));
    }

    /** Posts an order and answers its intent like the risk engine would. */
    String order(String id, String body, boolean approve) throws Exception {
        JsonNode o = json("POST", "/portfolios/" + id + "/orders", body, 202);
        String orderId = o.get("order_id").asText();
        assertThat(o.get("status").asText()).isEqualTo("pending_risk");
        await().until(() -> intents.stream().anyMatch(i -> i.orderId().equals(orderId)));
        decide(intents.stream().filter(i -> i.orderId().equals(orderId)).findFirst().orElseThrow(), approve);
        return orderId;
    }

    JsonNode orderState(String id, String orderId) throws Exception {
        for (JsonNode o : json("GET", "/portfolios/" + id + "/orders", null, 200).get("orders")) {
            if (o.get("order_id").asText().equals(orderId)) {
                return o;
            }
        }
        throw new AssertionError("no order " + orderId);
    }
}
