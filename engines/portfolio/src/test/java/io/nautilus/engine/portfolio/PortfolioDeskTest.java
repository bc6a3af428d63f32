package io.nautilus.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.http.Json;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.Side;
import io.nautilus.core.model.Topics;
import io.nautilus.core.time.Clock;
import io.nautilus.testkit.TestDatabase;
import io.nautilus.testkit.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The desk's durable state through the engine, on SQLite (file in a temp dir) and on the real PostgreSQL (a fresh
 * schema per test from {@link TestPostgres}): group commit (a fill is in the store before it is published, a
 * failed commit publishes nothing and the order fills later), and a restart restoring exactly the same state.
 */
class PortfolioDeskTest {
    enum StoreKind { SQLITE, POSTGRES }

    @TempDir
    Path dir;
    EngineHarness h;
    TestDatabase database;
    String jdbcUrl;

    EngineHarness open(StoreKind kind) {
        if (kind == StoreKind.POSTGRES) {
            database = TestPostgres.freshSchema();
            jdbcUrl = database.jdbcUrl();
            h = new EngineHarness(dir, jdbcUrl, PortfolioEngineTest.CONFIG, Clock.system());
        } else {
            jdbcUrl = "jdbc:sqlite:" + dir.resolve("portfolio.db");
            h = new EngineHarness(dir, null, PortfolioEngineTest.CONFIG, Clock.system());
        }
        return h;
    }

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
        if (database != null) {
            database.close();
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    boolean fillStored(String fillId) {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM portfolio_fills WHERE fill_id = ?")) {
            ps.setString(1, fillId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static OrderIntent market(String id, Side side, double quantity) {
        return new OrderIntent(id, "p7", "test", "AAPL", side, quantity, OrderType.MARKET, Double.NaN, false,
                EngineHarness.TS);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void test_commit_fillIsDurableBeforeItIsPublished(StoreKind kind) throws Exception {
        open(kind).createPortfolio("p7");
        List<Boolean> storedWhenSeen = new CopyOnWriteArrayList<>();
        h.bus.forEngine("auditor").subscribe(Topics.fill("p7"), Fill.class,
                (f, m) -> storedWhenSeen.add(fillStored(f.fillId())));
        h.quote("AAPL", 99.0, 101.0, 0, 0);
        await().until(() -> h.json("GET", "/portfolios/p7", null, 200) != null);
        // a burst of approvals: the ring handles many per batch and commits them together
        for (int i = 0; i < 60; i++) {
            h.decide(market("burst-" + i, i % 3 == 2 ? Side.SELL : Side.BUY, 10), true);
        }
        await().until(() -> storedWhenSeen.size() == 60);
        assertThat(storedWhenSeen).containsOnly(true);
        assertThat(h.fills).extracting(Fill::fillId).doesNotHaveDuplicates().hasSize(60);
        // 40 buys at 101 × 1.001 = 101.101, 20 sells at 99 × 0.999 = 98.901: net long 200
        JsonNode p = h.json("GET", "/portfolios/p7", null, 200);
        assertThat(p.get("positions").get(0).get("quantity").asDouble()).isCloseTo(200.0, within(1e-9));
        // FIFO: each sell of 10 closes 10 bought at 101.101 → realized 200 × (98.901 − 101.101) = −440
        assertThat(p.get("realized_pnl").asDouble()).isCloseTo(-440.0, within(1e-6));
        // fees: 60 fills × 10 units × 0.01 per unit = 6
        assertThat(p.get("fees").asDouble()).isCloseTo(6.0, within(1e-9));
        assertThat(h.json("GET", "/portfolios/p7/fills", null, 200).get("fills")).hasSize(60);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void test_commit_failedCommitPublishesNothingAndTheOrderFillsLater(StoreKind kind) throws Exception {
        open(kind).createPortfolio("p7");
        h.quote("AAPL", 99.0, 101.0, 0, 0);
        // occupy fill_seq 1, the next sequence number: the commit of the next fill violates the primary key
        try (Connection c = connect(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO portfolio_fills (fill_seq, fill_id, order_id, portfolio_id, symbol, side,"
                    + " quantity, price, commission, ts_nanos) VALUES (1, 'X', 'X', 'nobody', 'AAPL', 'BUY', 1, 1, 0, 1)");
        }
        h.decide(market("o-1", Side.BUY, 10), true);
        await().until(() -> h.orderState("p7", "o-1").get("status").asText().equals("approved"));
        assertThat(h.fills).isEmpty();
        assertThat(h.orderState("p7", "o-1").get("filled_quantity").asDouble()).isEqualTo(0.0);
        assertThat(h.json("GET", "/portfolios/p7", null, 200).get("positions")).isEmpty();
        try (Connection c = connect(); var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM portfolio_fills WHERE fill_id = 'X'");
        }
        // the undone order works again: the next quote fills it at 102 × 1.001 = 102.102
        h.quote("AAPL", 100.0, 102.0, 0, 0);
        await().until(() -> h.fills.size() == 1);
        assertThat(h.fills.getFirst().fillId()).isEqualTo("F1");
        assertThat(h.fills.getFirst().price()).isCloseTo(102.102, within(1e-9));
        assertThat(fillStored("F1")).isTrue();
        assertThat(h.orderState("p7", "o-1").get("status").asText()).isEqualTo("filled");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void test_load_restartRestoresExactlyTheSameState(StoreKind kind) throws Exception {
        open(kind).createPortfolio("p5");
        h.quote("AAPL", 99.0, 101.0, 0, 0);
        await().until(() -> h.send("POST", "/portfolios/p5/positions", "{\"symbol\":\"MSFT\",\"quantity\":-7,\"price\":300}")
                .statusCode() == 201);
        h.order("p5", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":30}", true);
        h.order("p5", "{\"symbol\":\"AAPL\",\"side\":\"sell\",\"quantity\":45}", true);
        String resting = h.order("p5",
                "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":5,\"order_type\":\"limit\",\"limit_price\":90}", true);
        await().until(() -> h.fills.size() == 3);
        await().until(() -> h.orderState("p5", resting).get("status").asText().equals("approved"));
        String before = h.json("GET", "/portfolios/p5", null, 200).toString();
        String ordersBefore = h.json("GET", "/portfolios/p5/orders", null, 200).toString();
        String fillsBefore = h.json("GET", "/portfolios/p5/fills", null, 200).toString();
        h.restart();
        h.quote("AAPL", 99.0, 101.0, 0, 0);
        await().until(() -> h.json("GET", "/portfolios/p5", null, 200).toString().equals(before));
        assertThat(h.json("GET", "/portfolios/p5/orders", null, 200).toString()).isEqualTo(ordersBefore);
        assertThat(h.json("GET", "/portfolios/p5/fills", null, 200).toString()).isEqualTo(fillsBefore);
        JsonNode p = Json.mapper().readTree(before);
        // AAPL: long 30 at 101.101, sell 45 at 98.901 → realized 30 × (98.901 − 101.101) = −66, short 15 at 98.901
        assertThat(p.get("realized_pnl").asDouble()).isCloseTo(-66.0, within(1e-9));
        // cash: 100 000 + 7 × 300 − 30 × 101.101 − 0.30 + 45 × 98.901 − 0.45 = 103 516.765
        assertThat(p.get("cash_balance").asDouble()).isCloseTo(103_516.765, within(1e-6));
        // the resting limit still fills after the restart, with the next sequence number
        h.quote("AAPL", 88.0, 89.0, 0, 0);
        await().until(() -> h.fills.size() == 4);
        assertThat(h.fills.get(3).orderId()).isEqualTo(resting);
        assertThat(h.fills.get(3).fillId()).isEqualTo("F4");
    }
}
