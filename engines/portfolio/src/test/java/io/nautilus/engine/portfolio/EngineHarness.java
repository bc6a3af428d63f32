package io.nautilus.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Topics;
import io.nautilus.core.time.Clock;
import io.nautilus.testkit.engine.EngineTestHost;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test support: the Portfolio engine in the one engine test host ({@link EngineTestHost}, real bus and HTTP server)
 * on a bus shared with a "risk" engine that records intents, fills, positions and states and answers risk decisions
 * when told. The store is SQLite in {@code dir}, or the given JDBC URL (PostgreSQL). {@link #restart()} closes the
 * host and starts a new one on the same store and bus.
 */
final class EngineHarness implements AutoCloseable {
    static final long TS = 1_700_000_000_000_000_000L;

    final LocalBus bus = LocalBus.create();
    final List<OrderIntent> intents = new CopyOnWriteArrayList<>();
    final List<Fill> fills = new CopyOnWriteArrayList<>();
    final List<PositionUpdate> positions = new CopyOnWriteArrayList<>();
    /** Published {@code portfolio.state.*}, in arrival order. */
    final List<PortfolioState> states = new CopyOnWriteArrayList<>();
    /** States and intents as one subscriber (on one ring thread) received them, in order. */
    final List<Object> stateAndIntentOrder = new CopyOnWriteArrayList<>();
    private final Path dir;
    private final String dbUrl;
    private final EngineConfig config;
    private final Clock clock;
    EngineTestHost host;

    /**
     * @param dir    data directory (SQLite file when {@code dbUrl} is null)
     * @param dbUrl  PostgreSQL URL, or null for SQLite in {@code dir}
     * @param config engine settings
     * @param clock  the engine's clock
     */
    EngineHarness(Path dir, String dbUrl, EngineConfig config, Clock clock) {
        this.dir = dir;
        this.dbUrl = dbUrl;
        this.config = config;
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

    private EngineTestHost start() {
        var b = EngineTestHost.builder(new PortfolioEngine()).bus(bus).dataDir(dir).config(config).clock(clock);
        return (dbUrl == null ? b : b.dbUrl(dbUrl)).start();
    }

    /** The engine running now (a new instance after each {@link #restart()}). */
    PortfolioEngine engine() {
        return (PortfolioEngine) host.engine();
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
        return host.send(method, path, body);
    }

    JsonNode json(String method, String path, String body, int status) throws Exception {
        return host.json(method, path, body, status);
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
