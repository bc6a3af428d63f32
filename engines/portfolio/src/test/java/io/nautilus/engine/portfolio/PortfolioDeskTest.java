package io.nautilus.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.Json;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.Side;
import io.nautilus.core.model.Topics;
import io.nautilus.core.store.journal.JournalRecovery;
import io.nautilus.core.time.Clock;
import io.nautilus.testkit.TestDatabase;
import io.nautilus.testkit.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The desk's durable state through the engine, on SQLite (file in a temp dir) and on the real PostgreSQL (a fresh
 * schema per test from {@link TestPostgres}), with the journal in the temp dir: group commit (a fill is in the
 * journal before it is published; a store outage keeps fills in the journal until the journal is full, then
 * publishes nothing and the order fills later), a restart and a crash before the store apply restoring exactly the
 * same state.
 */
class PortfolioDeskTest {
    enum StoreKind { SQLITE, POSTGRES }

    @TempDir
    Path dir;
    EngineHarness h;
    TestDatabase database;
    String jdbcUrl;

    EngineHarness open(StoreKind kind) {
        return open(kind, PortfolioEngineTest.CONFIG);
    }

    EngineHarness open(StoreKind kind, EngineConfig config) {
        if (kind == StoreKind.POSTGRES) {
            database = TestPostgres.freshSchema();
            jdbcUrl = database.jdbcUrl();
            h = new EngineHarness(dir, jdbcUrl, config, Clock.system());
        } else {
            jdbcUrl = "jdbc:sqlite:" + dir.resolve("portfolio.db");
            h = new EngineHarness(dir, null, config, Clock.system());
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

    /** Fill ids whose records are in the journal files (read as a restart would, valid records only). */
    Set<String> journaledFills() {
        var ids = new HashSet<String>();
        var codec = new PortfolioJournal();
        JournalRecovery.read(dir.resolve("portfolio.journal"), (seq, payload) -> {
            if (codec.decode(seq, payload) instanceof PortfolioJournal.FillRow f) {
                ids.add(f.fill().fillId());
            }
        });
        return ids;
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void test_commit_fillIsDurableBeforeItIsPublished(StoreKind kind) throws Exception {
        open(kind).createPortfolio("p7");
        List<Boolean> journaledWhenSeen = new CopyOnWriteArrayList<>();
        h.bus.forEngine("auditor").subscribe(Topics.fill("p7"), Fill.class,
                (f, m) -> journaledWhenSeen.add(journaledFills().contains(f.fillId())));
        h.quote("AAPL", 99.0, 101.0, 0, 0);
        await().until(() -> h.json("GET", "/portfolios/p7", null, 200) != null);
        // a burst of approvals: the ring handles many per batch and journals them with one write
        for (int i = 0; i < 60; i++) {
            h.decide(market("burst-" + i, i % 3 == 2 ? Side.SELL : Side.BUY, 10), true);
        }
        await().until(() -> journaledWhenSeen.size() == 60);
        assertThat(journaledWhenSeen).containsOnly(true);
        assertThat(h.fills).extracting(Fill::fillId).doesNotHaveDuplicates().hasSize(60);
        // 40 buys at 101 × 1.001 = 101.101, 20 sells at 99 × 0.999 = 98.901: net long 200
        JsonNode p = h.json("GET", "/portfolios/p7", null, 200);
        assertThat(p.get("positions").get(0).get("quantity").asDouble()).isCloseTo(200.0, within(1e-9));
        // FIFO: each sell of 10 closes 10 bought at 101.101 → realized 200 × (98.901 − 101.101) = −440
        assertThat(p.get("realized_pnl").asDouble()).isCloseTo(-440.0, within(1e-6));
        // fees: 60 fills × 10 units × 0.01 per unit = 6
        assertThat(p.get("fees").asDouble()).isCloseTo(6.0, within(1e-9));
        // the fills route waits for the store applier: every fill is in the store then
        assertThat(h.json("GET", "/portfolios/p7/fills", null, 200).get("fills")).hasSize(60);
        assertThat(h.fills).allMatch(f -> fillStored(f.fillId()));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void test_commit_storeOutageFillsTheJournalThenPublishesNothingAndTheOrderFillsLater(StoreKind kind)
            throws Exception {
        open(kind, PortfolioEngineTest.CONFIG.with("portfolio.journal.max_unapplied.bytes", "1")).createPortfolio("p7");
        h.quote("AAPL", 99.0, 101.0, 0, 0);
        // occupy fill_seq 1: the store applier cannot write the first fill and retries
        try (Connection c = connect(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO portfolio_fills (fill_seq, fill_id, order_id, portfolio_id, symbol, side,"
                    + " quantity, price, commission, ts_nanos) VALUES (1, 'X', 'X', 'nobody', 'AAPL', 'BUY', 1, 1, 0, 1)");
        }
        h.decide(market("o-1", Side.BUY, 10), true);
        // durable in the journal, so published although the store refuses it
        await().until(() -> h.fills.size() == 1);
        assertThat(h.fills.getFirst().fillId()).isEqualTo("F1");
        assertThat(journaledFills()).containsExactly("F1");
        assertThat(fillStored("F1")).isFalse();
        // the journal now holds unapplied bytes above its limit (1): the next batch is refused, nothing published
        h.decide(market("o-2", Side.BUY, 10), true);
        await().until(() -> h.orderState("p7", "o-2").get("status").asText().equals("approved"));
        assertThat(h.orderState("p7", "o-2").get("filled_quantity").asDouble()).isEqualTo(0.0);
        assertThat(h.fills).hasSize(1);
        JsonNode p = h.json("GET", "/portfolios/p7", null, 200);
        assertThat(p.get("positions").get(0).get("quantity").asDouble()).isCloseTo(10.0, within(1e-9));
        try (Connection c = connect(); var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM portfolio_fills WHERE fill_id = 'X'");
        }
        await().until(() -> fillStored("F1"));
        // the undone order works again: the next quote fills it at 102 × 1.001 = 102.102 with the next number
        h.quote("AAPL", 100.0, 102.0, 0, 0);
        await().until(() -> h.fills.size() == 2);
        assertThat(h.fills.get(1).fillId()).isEqualTo("F2");
        assertThat(h.fills.get(1).orderId()).isEqualTo("o-2");
        assertThat(h.fills.get(1).price()).isCloseTo(102.102, within(1e-9));
        assertThat(h.json("GET", "/portfolios/p7/fills", null, 200).get("fills")).hasSize(2);
        assertThat(fillStored("F2")).isTrue();
        assertThat(h.orderState("p7", "o-2").get("status").asText()).isEqualTo("filled");
    }

    /**
     * The state both restart tests restore, on portfolio p5: a manual MSFT short (fill 1), an AAPL buy and a sell
     * that flips the position (fills 2 and 3), an order risk rejects, and a limit order resting approved, whose id
     * it returns.
     */
    private String tradeP5() throws Exception {
        h.quote("AAPL", 99.0, 101.0, 0, 0);
        await().until(() -> h.send("POST", "/portfolios/p5/positions", "{\"symbol\":\"MSFT\",\"quantity\":-7,\"price\":300}")
                .statusCode() == 201);
        h.order("p5", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":30}", true);
        h.order("p5", "{\"symbol\":\"AAPL\",\"side\":\"sell\",\"quantity\":45}", true);
        h.order("p5", "{\"symbol\":\"AAPL\",\"side\":\"sell\",\"quantity\":5}", false);
        String resting = h.order("p5",
                "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":5,\"order_type\":\"limit\",\"limit_price\":90}", true);
        await().until(() -> h.fills.size() == 3);
        await().until(() -> h.orderState("p5", resting).get("status").asText().equals("approved"));
        return resting;
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void test_load_crashBeforeTheStoreApplyRestoresTheSameStateFromTheJournal(StoreKind kind) throws Exception {
        // the store applier waits an hour: everything below reaches the journal and never the store
        open(kind, PortfolioEngineTest.CONFIG.with("portfolio.journal.apply.interval.ms", "3600000")).createPortfolio("p5");
        String resting = tradeP5();
        String before = h.json("GET", "/portfolios/p5", null, 200).toString();
        String ordersBefore = h.json("GET", "/portfolios/p5/orders", null, 200).toString();
        assertThat(fillStored("F1")).as("nothing applied to the store").isFalse();
        // the crash: the data directory as the running engine leaves it (journal, SQLite files); PostgreSQL keeps
        // its rows (the portfolio only). A new engine instance starts on that state.
        Path crashed = dir.resolveSibling(dir.getFileName() + "-crashed");
        copyTree(dir, crashed);
        EngineHarness first = h;
        h = new EngineHarness(crashed, kind == StoreKind.POSTGRES ? jdbcUrl : null, PortfolioEngineTest.CONFIG,
                Clock.system());
        try {
            h.quote("AAPL", 99.0, 101.0, 0, 0);
            await().until(() -> h.json("GET", "/portfolios/p5", null, 200).toString().equals(before));
            assertThat(h.json("GET", "/portfolios/p5/orders", null, 200).toString()).isEqualTo(ordersBefore);
            JsonNode fills = h.json("GET", "/portfolios/p5/fills", null, 200).get("fills");
            assertThat(fills).hasSize(3);
            for (int i = 0; i < 3; i++) {
                Fill published = first.fills.get(i);
                assertThat(fills.get(i).get("fill_id").asText()).isEqualTo(published.fillId());
                assertThat(fills.get(i).get("price").asDouble()).isEqualTo(published.price());
                assertThat(fills.get(i).get("quantity").asDouble()).isEqualTo(published.quantity());
            }
            JsonNode p = Json.mapper().readTree(before);
            // AAPL: long 30 at 101.101, sell 45 at 98.901 → realized 30 × (98.901 − 101.101) = −66, short 15 in one lot
            assertThat(p.get("realized_pnl").asDouble()).isCloseTo(-66.0, within(1e-9));
            JsonNode aapl = p.get("positions").get(0).get("symbol").asText().equals("AAPL")
                    ? p.get("positions").get(0) : p.get("positions").get(1);
            assertThat(aapl.get("quantity").asDouble()).isCloseTo(-15.0, within(1e-9));
            assertThat(aapl.get("average_cost").asDouble()).isCloseTo(98.901, within(1e-9));
            assertThat(aapl.get("lots").asInt()).isEqualTo(1);
            // cash: 100 000 + 7 × 300 − 30 × 101.101 − 0.30 + 45 × 98.901 − 0.45 = 103 516.765
            assertThat(p.get("cash_balance").asDouble()).isCloseTo(103_516.765, within(1e-6));
            // the resting limit still works after the crash and takes the next fill number
            h.quote("AAPL", 88.0, 89.0, 0, 0);
            await().until(() -> h.fills.size() == 1);
            assertThat(h.fills.getFirst().orderId()).isEqualTo(resting);
            assertThat(h.fills.getFirst().fillId()).isEqualTo("F4");
        } finally {
            h.close();
            h = first;
        }
    }

    static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void test_load_restartRestoresExactlyTheSameState(StoreKind kind) throws Exception {
        open(kind).createPortfolio("p5");
        String resting = tradeP5();
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
