package io.nautilus.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.store.Store;
import io.nautilus.engine.analytics.EquityStore.StoredPortfolio;
import io.nautilus.engine.analytics.pnl.PortfolioSnapshot;
import io.nautilus.engine.analytics.pnl.PositionSnapshot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored books (initial value, cash, fees, positions) a restart starts from, on a real SQLite file. */
class EquityStoreTest {
    private static final long T = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;
    private Store db;
    private EquityStore store;

    @BeforeEach
    void open() {
        db = Store.open("jdbc:sqlite:" + dir.resolve("analytics.db"), "analytics-test");
        store = new EquityStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static PositionSnapshot position(String symbol, double qty, double cost, double mark, long ts) {
        return new PositionSnapshot("P", symbol, qty, cost, mark, 0, qty * (mark - cost), 0, ts);
    }

    /* A sample replaces the stored book: the second one no longer holds IBM, and its cash and fees are kept. */
    @Test
    void test_append_replacesTheStoredBook() {
        store.appendRows(List.of(new PortfolioSnapshot("P", 100_000, 70_000, 0, 0, 1, 30_000, 100_000, 0.0, true, T,
                List.of(position("AAPL", 100, 150, 150, T), position("IBM", 100, 150, 150, T)))));
        store.appendRows(List.of(new PortfolioSnapshot("P", 100_000, 85_500, 500, 0, 2, 15_000, 100_500, 0.005, true,
                T + 1, List.of(position("AAPL", 100, 150, 150, T + 1)))));
        assertThat(store.portfolios()).containsExactly(new StoredPortfolio("P", 100_000, 85_500, 2));
        assertThat(store.positions()).extracting(PositionSnapshot::symbol).containsExactly("AAPL");
        assertThat(store.curve("P", 10)).extracting(EquityStore.EquityPoint::equity).containsExactly(100_000.0, 100_500.0);
    }

    /*
     * One batch of two samples (the write-behind writer's batch after an outage): both equity points are stored, the
     * book is the second sample's (IBM, closed in between, is gone; cash 85500, fees 2); 2 rows written.
     */
    @Test
    void test_append_batchOfSamples_everyPointAndTheLastBook() {
        var first = new EquityStore.EquitySample(List.of(new PortfolioSnapshot("P", 100_000, 70_000, 0, 0, 1, 30_000,
                100_000, 0.0, true, T, List.of(position("AAPL", 100, 150, 150, T), position("IBM", 100, 150, 150, T)))));
        var second = new EquityStore.EquitySample(List.of(new PortfolioSnapshot("P", 100_000, 85_500, 500, 0, 2,
                15_000, 100_500, 0.005, true, T + 1, List.of(position("AAPL", 100, 150, 150, T + 1)))));
        assertThat(store.append(List.of(first, second))).isEqualTo(2);
        assertThat(store.portfolios()).containsExactly(new StoredPortfolio("P", 100_000, 85_500, 2));
        assertThat(store.positions()).extracting(PositionSnapshot::symbol).containsExactly("AAPL");
        assertThat(store.curve("P", 10)).extracting(EquityStore.EquityPoint::tsNanos).containsExactly(T, T + 1);
    }

    /*
     * A row written before cash was stored: initial 100000, AAPL 100 @ 150 realized 20 fees 1 -> the cash of a book
     * funded from its capital, 100000 + 20 - 1 - 100 * 150 = 85019, fees 1.
     */
    @Test
    void test_portfolios_derivesCashOfRowsWrittenBeforeIt() {
        db.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("INSERT INTO analytics_portfolio (portfolio_id, initial_capital) VALUES ('L', 100000)");
                st.executeUpdate("INSERT INTO analytics_position (portfolio_id, symbol, quantity, average_cost, realized,"
                        + " fees, mark, updated_nanos) VALUES ('L', 'AAPL', 100, 150, 20, 1, 155, 1)");
            }
            return null;
        });
        StoredPortfolio p = store.portfolios().getFirst();
        assertThat(p.cash()).isEqualTo(85_019, within(1e-9));
        assertThat(p.fees()).isEqualTo(1, within(1e-12));
    }
}
