package io.nautilus.engine.analytics;

import io.nautilus.core.store.Migration;
import io.nautilus.core.store.Store;
import io.nautilus.engine.analytics.pnl.PortfolioSnapshot;
import io.nautilus.engine.analytics.pnl.PositionSnapshot;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The Analytics engine's durable state: the sampled equity curve of each portfolio ({@code analytics_equity}),
 * and the last sampled books ({@code analytics_portfolio}: initial value, cash, fees; {@code analytics_position})
 * from which the P&amp;L ledger is restored on start, until the Portfolio engine's states replace them. Thread-safe (the {@link Store} pools connections).
 */
final class EquityStore {
    static final List<Migration> MIGRATIONS = List.of(Migration.of(1,
            "CREATE TABLE analytics_equity (portfolio_id TEXT NOT NULL, ts_nanos BIGINT NOT NULL,"
                    + " equity DOUBLE PRECISION NOT NULL, realized DOUBLE PRECISION NOT NULL,"
                    + " unrealized DOUBLE PRECISION NOT NULL, fees DOUBLE PRECISION NOT NULL,"
                    + " PRIMARY KEY (portfolio_id, ts_nanos))",
            "CREATE TABLE analytics_portfolio (portfolio_id TEXT PRIMARY KEY, initial_capital DOUBLE PRECISION NOT NULL)",
            "CREATE TABLE analytics_position (portfolio_id TEXT NOT NULL, symbol TEXT NOT NULL,"
                    + " quantity DOUBLE PRECISION NOT NULL, average_cost DOUBLE PRECISION NOT NULL,"
                    + " realized DOUBLE PRECISION NOT NULL, fees DOUBLE PRECISION NOT NULL,"
                    + " mark DOUBLE PRECISION NOT NULL, updated_nanos BIGINT NOT NULL,"
                    + " PRIMARY KEY (portfolio_id, symbol))"),
            // each portfolio's own cash and fees (null in rows written before: derived from the positions on read)
            Migration.of(2, "ALTER TABLE analytics_portfolio ADD COLUMN cash DOUBLE PRECISION",
                    "ALTER TABLE analytics_portfolio ADD COLUMN fees DOUBLE PRECISION"));

    /** A portfolio as last sampled: its initial value, cash and fees. */
    record StoredPortfolio(String portfolioId, double initialCapital, double cash, double fees) {
    }

    /**
     * One equity sample: every portfolio's snapshot at one moment (the record the engine's write-behind writer
     * queues; {@link #append(List)} writes a batch of them).
     */
    record EquitySample(List<PortfolioSnapshot> portfolios) {
        EquitySample {
            portfolios = List.copyOf(portfolios);
        }
    }

    /** One point of an equity curve. */
    record EquityPoint(long tsNanos, double equity, double realized, double unrealized, double fees) {
    }

    private final Store store;

    EquityStore(Store store) {
        this.store = store;
        store.migrate("analytics", MIGRATIONS);
    }

    /**
     * Appends a batch of samples in one transaction: every portfolio's equity point of each, and the book of each
     * portfolio as its last sample in the batch has it. Atomic, so a batch that fails can be written again whole.
     *
     * @return portfolio rows of equity written
     */
    int append(List<EquitySample> batch) {
        var rows = new ArrayList<PortfolioSnapshot>();
        batch.forEach(s -> rows.addAll(s.portfolios()));
        appendRows(rows);
        return rows.size();
    }

    /**
     * Appends one equity point per snapshot and replaces the stored book (initial value, cash, fees, positions) of
     * each portfolio with its last snapshot in {@code samples}, in one transaction.
     */
    void appendRows(List<PortfolioSnapshot> samples) {
        if (samples.isEmpty()) {
            return;
        }
        var books = new java.util.LinkedHashMap<String, PortfolioSnapshot>();
        samples.forEach(s -> books.put(s.portfolioId(), s));
        store.inTransaction(c -> {
            try (PreparedStatement eq = c.prepareStatement("INSERT INTO analytics_equity (portfolio_id, ts_nanos,"
                    + " equity, realized, unrealized, fees) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (portfolio_id,"
                    + " ts_nanos) DO UPDATE SET equity = excluded.equity, realized = excluded.realized,"
                    + " unrealized = excluded.unrealized, fees = excluded.fees");
                 PreparedStatement pf = c.prepareStatement("INSERT INTO analytics_portfolio (portfolio_id,"
                    + " initial_capital, cash, fees) VALUES (?, ?, ?, ?) ON CONFLICT (portfolio_id) DO UPDATE SET"
                    + " initial_capital = excluded.initial_capital, cash = excluded.cash, fees = excluded.fees");
                 PreparedStatement clear = c.prepareStatement("DELETE FROM analytics_position WHERE portfolio_id = ?");
                 PreparedStatement pos = c.prepareStatement("INSERT INTO analytics_position (portfolio_id, symbol,"
                    + " quantity, average_cost, realized, fees, mark, updated_nanos) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (portfolio_id, symbol) DO UPDATE SET quantity = excluded.quantity,"
                    + " average_cost = excluded.average_cost, realized = excluded.realized, fees = excluded.fees,"
                    + " mark = excluded.mark, updated_nanos = excluded.updated_nanos")) {
                for (PortfolioSnapshot s : samples) {
                    eq.setString(1, s.portfolioId());
                    eq.setLong(2, s.tsNanos());
                    eq.setDouble(3, s.equity());
                    eq.setDouble(4, s.realized());
                    eq.setDouble(5, s.unrealized());
                    eq.setDouble(6, s.fees());
                    eq.addBatch();
                }
                for (PortfolioSnapshot s : books.values()) {
                    pf.setString(1, s.portfolioId());
                    pf.setDouble(2, s.initialCapital());
                    pf.setDouble(3, s.cash());
                    pf.setDouble(4, s.fees());
                    pf.addBatch();
                    clear.setString(1, s.portfolioId());
                    clear.addBatch();
                    for (PositionSnapshot p : s.positions()) {
                        pos.setString(1, p.portfolioId());
                        pos.setString(2, p.symbol());
                        pos.setDouble(3, p.quantity());
                        pos.setDouble(4, p.averageCost());
                        pos.setDouble(5, p.realized());
                        pos.setDouble(6, p.fees());
                        pos.setDouble(7, p.mark());
                        pos.setLong(8, p.updatedNanos());
                        pos.addBatch();
                    }
                }
                eq.executeBatch();
                pf.executeBatch();
                clear.executeBatch();
                pos.executeBatch();
            }
            return null;
        });
    }

    /**
     * Every stored portfolio, by id. Rows written before cash and fees were stored get those of a book funded from
     * its initial capital, from its stored positions: fees = their fees, cash = {@code initial + realized - fees -
     * sum(quantity * averageCost)} (average cost).
     */
    List<StoredPortfolio> portfolios() {
        List<PositionSnapshot> positions = positions();
        return store.inTransaction(c -> {
            var out = new ArrayList<StoredPortfolio>();
            try (PreparedStatement ps = c.prepareStatement("SELECT portfolio_id, initial_capital, cash, fees"
                    + " FROM analytics_portfolio ORDER BY portfolio_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    double initial = rs.getDouble(2);
                    if (rs.getObject(3) != null && rs.getObject(4) != null) {
                        out.add(new StoredPortfolio(id, initial, rs.getDouble(3), rs.getDouble(4)));
                        continue;
                    }
                    double cash = initial;
                    double fees = 0;
                    for (PositionSnapshot p : positions) {
                        if (p.portfolioId().equals(id)) {
                            fees += p.fees();
                            cash += p.realized() - p.fees() - p.quantity() * p.averageCost();
                        }
                    }
                    out.add(new StoredPortfolio(id, initial, cash, fees));
                }
            }
            return out;
        });
    }

    /** Every persisted position. */
    List<PositionSnapshot> positions() {
        return store.inTransaction(c -> {
            var out = new ArrayList<PositionSnapshot>();
            try (PreparedStatement ps = c.prepareStatement("SELECT portfolio_id, symbol, quantity, average_cost,"
                    + " realized, fees, mark, updated_nanos FROM analytics_position ORDER BY portfolio_id, symbol");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double q = rs.getDouble(3);
                    double cost = rs.getDouble(4);
                    double mark = rs.getDouble(7);
                    out.add(new PositionSnapshot(rs.getString(1), rs.getString(2), q, cost, mark, rs.getDouble(5),
                            q == 0 ? 0 : q * (mark - cost), rs.getDouble(6), rs.getLong(8)));
                }
            }
            return out;
        });
    }

    /** The equity curve of a portfolio, oldest first; the most recent {@code limit} points. */
    List<EquityPoint> curve(String portfolioId, int limit) {
        return store.inTransaction(c -> {
            var out = new ArrayList<EquityPoint>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ts_nanos, equity, realized, unrealized, fees"
                    + " FROM analytics_equity WHERE portfolio_id = ? ORDER BY ts_nanos DESC LIMIT ?")) {
                ps.setString(1, portfolioId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EquityPoint(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                                rs.getDouble(5)));
                    }
                }
            }
            return out.reversed();
        });
    }
}
