package io.nautilus.engine.portfolio;

import io.nautilus.core.model.Fill;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.Side;
import io.nautilus.core.store.Migration;
import io.nautilus.core.store.Store;
import io.nautilus.engine.portfolio.execution.Order;
import io.nautilus.engine.portfolio.execution.OrderStatus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The portfolio engine's tables: portfolios, orders (latest state), fills (append-only, replayed on start to
 * rebuild positions exactly), optimization history, rebalance targets and equity snapshots. SQL valid on SQLite
 * and PostgreSQL. Thread-safe (the store is).
 */
final class PortfolioStore {
    static final List<Migration> MIGRATIONS = List.of(Migration.of(1,
            "CREATE TABLE portfolio_portfolios (portfolio_id TEXT PRIMARY KEY, portfolio_name TEXT NOT NULL,"
                    + " initial_value DOUBLE PRECISION NOT NULL, cash_balance DOUBLE PRECISION NOT NULL,"
                    + " optimization_method TEXT NOT NULL, rebalance_frequency TEXT NOT NULL, symbols TEXT NOT NULL,"
                    + " created_nanos BIGINT NOT NULL)",
            "CREATE TABLE portfolio_orders (order_id TEXT PRIMARY KEY, portfolio_id TEXT NOT NULL, strategy_id TEXT NOT NULL,"
                    + " symbol TEXT NOT NULL, side TEXT NOT NULL, quantity DOUBLE PRECISION NOT NULL, order_type TEXT NOT NULL,"
                    + " limit_price DOUBLE PRECISION, reduce_only BOOLEAN NOT NULL, created_nanos BIGINT NOT NULL,"
                    + " status TEXT NOT NULL, filled_quantity DOUBLE PRECISION NOT NULL,"
                    + " average_fill_price DOUBLE PRECISION NOT NULL, reasons TEXT NOT NULL, updated_nanos BIGINT NOT NULL)",
            "CREATE TABLE portfolio_fills (fill_seq BIGINT PRIMARY KEY, fill_id TEXT NOT NULL, order_id TEXT NOT NULL,"
                    + " portfolio_id TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL, quantity DOUBLE PRECISION NOT NULL,"
                    + " price DOUBLE PRECISION NOT NULL, commission DOUBLE PRECISION NOT NULL, ts_nanos BIGINT NOT NULL)",
            "CREATE TABLE portfolio_optimizations (optimization_id TEXT PRIMARY KEY, portfolio_id TEXT NOT NULL,"
                    + " method TEXT NOT NULL, result_json TEXT NOT NULL, created_nanos BIGINT NOT NULL)",
            "CREATE TABLE portfolio_equity (portfolio_id TEXT NOT NULL, ts_nanos BIGINT NOT NULL,"
                    + " equity DOUBLE PRECISION NOT NULL, PRIMARY KEY (portfolio_id, ts_nanos))",
            "CREATE TABLE portfolio_targets (portfolio_id TEXT PRIMARY KEY, weights_json TEXT NOT NULL,"
                    + " last_rebalance_nanos BIGINT NOT NULL)"));

    static final String UPSERT_ORDER = "INSERT INTO portfolio_orders (order_id, portfolio_id, strategy_id, symbol,"
            + " side, quantity, order_type, limit_price, reduce_only, created_nanos, status, filled_quantity,"
            + " average_fill_price, reasons, updated_nanos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, filled_quantity = excluded.filled_quantity,"
            + " average_fill_price = excluded.average_fill_price, reasons = excluded.reasons,"
            + " updated_nanos = excluded.updated_nanos";
    static final String INSERT_FILL = "INSERT INTO portfolio_fills (fill_seq, fill_id, order_id, portfolio_id,"
            + " symbol, side, quantity, price, commission, ts_nanos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One equity snapshot of a portfolio (written behind the ring, {@code portfolio_equity}). */
    record EquitySample(String portfolioId, long tsNanos, double equity) {
    }

    /** A portfolio's kept rebalance targets ({@code portfolio_targets}). */
    record Targets(String portfolioId, Map<String, Double> weights, long lastRebalanceNanos) {
        Targets {
            weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        }
    }

    private static final TypeReference<LinkedHashMap<String, Double>> WEIGHTS = new TypeReference<>() { };
    /** The store's own JSON of its records: snake_case names, a non-finite number written as null. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new SimpleModule("finite-or-null").addSerializer(Double.class, new FiniteOrNull())
                    .addSerializer(double.class, new FiniteOrNull()))
            .build();

    private final Store store;

    /** Writes a non-finite double (a Sharpe ratio without risk) as JSON null. */
    private static final class FiniteOrNull extends StdSerializer<Double> {
        FiniteOrNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws java.io.IOException {
            if (Double.isFinite(v)) {
                g.writeNumber(v);
            } else {
                g.writeNull();
            }
        }
    }

    PortfolioStore(Store store) {
        this.store = store;
        store.migrate("portfolio", MIGRATIONS);
    }

    void insertPortfolio(PortfolioInfo p) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO portfolio_portfolios (portfolio_id, portfolio_name,"
                    + " initial_value, cash_balance, optimization_method, rebalance_frequency, symbols, created_nanos)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, p.portfolioId());
                ps.setString(2, p.portfolioName());
                ps.setDouble(3, p.initialValue());
                ps.setDouble(4, p.cashBalance());
                ps.setString(5, p.optimizationMethod());
                ps.setString(6, p.rebalanceFrequency());
                ps.setString(7, String.join(",", p.symbols()));
                ps.setLong(8, p.createdNanos());
                ps.executeUpdate();
            }
            return null;
        });
    }

    List<PortfolioInfo> loadPortfolios() {
        return store.inTransaction(c -> {
            var out = new ArrayList<PortfolioInfo>();
            try (var st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT portfolio_id, portfolio_name, initial_value, cash_balance,"
                         + " optimization_method, rebalance_frequency, symbols, created_nanos FROM portfolio_portfolios"
                         + " ORDER BY created_nanos, portfolio_id")) {
                while (rs.next()) {
                    String symbols = rs.getString(7);
                    out.add(new PortfolioInfo(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getString(5), rs.getString(6),
                            symbols.isEmpty() ? List.of() : Arrays.asList(symbols.split(",")), rs.getLong(8)));
                }
            }
            return out;
        });
    }

    static void bindOrder(PreparedStatement ps, Order o) throws SQLException {
        OrderIntent i = o.intent();
        ps.setString(1, i.orderId());
        ps.setString(2, i.portfolioId());
        ps.setString(3, i.strategyId());
        ps.setString(4, i.symbol());
        ps.setString(5, i.side().name());
        ps.setDouble(6, i.quantity());
        ps.setString(7, i.type().name());
        if (i.type() == OrderType.LIMIT) {
            ps.setDouble(8, i.limitPrice());
        } else {
            ps.setNull(8, java.sql.Types.DOUBLE);
        }
        ps.setBoolean(9, i.reduceOnly());
        ps.setLong(10, i.tsNanos());
        ps.setString(11, o.status().name());
        ps.setDouble(12, o.filledQuantity());
        ps.setDouble(13, o.averageFillPrice());
        ps.setString(14, String.join(",", o.reasons()));
        ps.setLong(15, o.updatedNanos());
    }

    static void bindFill(PreparedStatement ps, long seq, Fill f) throws SQLException {
        ps.setLong(1, seq);
        ps.setString(2, f.fillId());
        ps.setString(3, f.orderId());
        ps.setString(4, f.portfolioId());
        ps.setString(5, f.symbol());
        ps.setString(6, f.side().name());
        ps.setDouble(7, f.quantity());
        ps.setDouble(8, f.price());
        ps.setDouble(9, f.commission());
        ps.setLong(10, f.tsNanos());
    }

    List<Order> loadOrders() {
        return store.inTransaction(c -> {
            var out = new ArrayList<Order>();
            try (var st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT order_id, portfolio_id, strategy_id, symbol, side, quantity,"
                         + " order_type, limit_price, reduce_only, created_nanos, status, filled_quantity,"
                         + " average_fill_price, reasons, updated_nanos FROM portfolio_orders ORDER BY created_nanos, order_id")) {
                while (rs.next()) {
                    OrderType type = OrderType.valueOf(rs.getString(7));
                    double limit = rs.getDouble(8);
                    var intent = new OrderIntent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Side.valueOf(rs.getString(5)), rs.getDouble(6), type,
                            type == OrderType.LIMIT ? limit : Double.NaN, rs.getBoolean(9), rs.getLong(10));
                    String reasons = rs.getString(14);
                    out.add(new Order(intent, OrderStatus.valueOf(rs.getString(11).toUpperCase(Locale.ROOT)),
                            rs.getDouble(12), rs.getDouble(13),
                            reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")), rs.getLong(15)));
                }
            }
            return out;
        });
    }

    /** Fills in the order they were made (fill_seq), for replay. */
    List<Fill> loadFills(String portfolioId) {
        return store.inTransaction(c -> {
            var out = new ArrayList<Fill>();
            String sql = "SELECT fill_id, order_id, portfolio_id, symbol, side, quantity, price, commission, ts_nanos"
                    + " FROM portfolio_fills" + (portfolioId == null ? "" : " WHERE portfolio_id = ?") + " ORDER BY fill_seq";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (portfolioId != null) {
                    ps.setString(1, portfolioId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Fill(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Side.valueOf(rs.getString(5)), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8),
                                rs.getLong(9)));
                    }
                }
            }
            return out;
        });
    }

    long maxFillSeq() {
        return store.inTransaction(c -> {
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(fill_seq), 0) FROM portfolio_fills")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Records an optimization result in the portfolio's history (JSON in snake_case, as the history route shows it). */
    void insertOptimization(OptimizeRequests.OptimizeResponse r) {
        String json;
        try {
            json = JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize optimization result", e);
        }
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO portfolio_optimizations (optimization_id,"
                    + " portfolio_id, method, result_json, created_nanos) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, r.optimizationId());
                ps.setString(2, r.portfolioId());
                ps.setString(3, r.method());
                ps.setString(4, json);
                ps.setLong(5, r.createdNanos());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Optimization results of a portfolio as stored JSON, newest first. */
    List<String> optimizations(String portfolioId, int limit) {
        return store.inTransaction(c -> {
            var out = new ArrayList<String>();
            try (PreparedStatement ps = c.prepareStatement("SELECT result_json FROM portfolio_optimizations"
                    + " WHERE portfolio_id = ? ORDER BY created_nanos DESC, optimization_id DESC LIMIT ?")) {
                ps.setString(1, portfolioId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Writes equity snapshots in one transaction (a snapshot already stored is overwritten: idempotent). */
    void insertEquity(List<EquitySample> batch) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO portfolio_equity (portfolio_id, ts_nanos, equity)"
                    + " VALUES (?, ?, ?) ON CONFLICT (portfolio_id, ts_nanos) DO UPDATE SET equity = excluded.equity")) {
                for (EquitySample e : batch) {
                    ps.setString(1, e.portfolioId());
                    ps.setLong(2, e.tsNanos());
                    ps.setDouble(3, e.equity());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Equity snapshots of a portfolio, oldest first. */
    double[] equity(String portfolioId) {
        return store.inTransaction(c -> {
            var out = new ArrayList<Double>();
            try (PreparedStatement ps = c.prepareStatement("SELECT equity FROM portfolio_equity WHERE portfolio_id = ?"
                    + " ORDER BY ts_nanos")) {
                ps.setString(1, portfolioId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getDouble(1));
                    }
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        });
    }

    /** Writes rebalance targets in one transaction, in order (the last of a portfolio wins: idempotent). */
    void saveTargets(List<Targets> batch) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO portfolio_targets (portfolio_id, weights_json,"
                    + " last_rebalance_nanos) VALUES (?, ?, ?) ON CONFLICT (portfolio_id) DO UPDATE SET"
                    + " weights_json = excluded.weights_json, last_rebalance_nanos = excluded.last_rebalance_nanos")) {
                for (Targets t : batch) {
                    ps.setString(1, t.portfolioId());
                    ps.setString(2, JSON.writeValueAsString(t.weights()));
                    ps.setLong(3, t.lastRebalanceNanos());
                    ps.executeUpdate();
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize targets", e);
            }
            return null;
        });
    }

    /** Stored rebalance targets. */
    List<Targets> targets() {
        return store.inTransaction(c -> {
            var out = new ArrayList<Targets>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT portfolio_id, weights_json, last_rebalance_nanos FROM portfolio_targets")) {
                while (rs.next()) {
                    Map<String, Double> weights;
                    try {
                        weights = JSON.readValue(rs.getString(2), WEIGHTS);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("corrupt rebalance targets of " + rs.getString(1) + ": "
                                + e.getMessage(), e);
                    }
                    out.add(new Targets(rs.getString(1), weights, rs.getLong(3)));
                }
            }
            return out;
        });
    }
}
