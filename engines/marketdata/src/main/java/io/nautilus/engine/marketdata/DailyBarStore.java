package io.nautilus.engine.marketdata;

import io.nautilus.core.model.Bar;
import io.nautilus.core.store.Migration;
import io.nautilus.core.store.Store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily bars in the store (table {@code marketdata_daily_bar}, one row per symbol and day, upserted). The engine
 * writes them off the ring thread through its {@code daily_bars} write-behind writer, whose sink is {@link #write}
 * (one transaction per batch; an upsert, so a retried batch is harmless). Thread-safe.
 */
public final class DailyBarStore {
    static final List<Migration> MIGRATIONS = List.of(Migration.of(1,
            "CREATE TABLE marketdata_daily_bar (symbol TEXT NOT NULL, start_nanos BIGINT NOT NULL,"
                    + " end_nanos BIGINT NOT NULL, open DOUBLE PRECISION NOT NULL, high DOUBLE PRECISION NOT NULL,"
                    + " low DOUBLE PRECISION NOT NULL, close DOUBLE PRECISION NOT NULL,"
                    + " volume DOUBLE PRECISION NOT NULL, vwap DOUBLE PRECISION NOT NULL, trade_count BIGINT NOT NULL,"
                    + " PRIMARY KEY (symbol, start_nanos))"));
    private static final String UPSERT = "INSERT INTO marketdata_daily_bar (symbol, start_nanos, end_nanos, open, high,"
            + " low, close, volume, vwap, trade_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol, start_nanos)"
            + " DO UPDATE SET end_nanos = excluded.end_nanos, open = excluded.open, high = excluded.high,"
            + " low = excluded.low, close = excluded.close, volume = excluded.volume, vwap = excluded.vwap,"
            + " trade_count = excluded.trade_count";

    private final Store store;
    private final String interval;

    /** Applies the migrations. */
    public DailyBarStore(Store store, String interval) {
        this.store = store;
        this.interval = interval;
        store.migrate("marketdata", MIGRATIONS);
    }

    /** Writes bars now, in one transaction. */
    public void write(Collection<Bar> bars) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (Bar b : bars) {
                    ps.setString(1, b.symbol());
                    ps.setLong(2, b.startNanos());
                    ps.setLong(3, b.endNanos());
                    ps.setDouble(4, b.open());
                    ps.setDouble(5, b.high());
                    ps.setDouble(6, b.low());
                    ps.setDouble(7, b.close());
                    ps.setDouble(8, b.volume());
                    ps.setDouble(9, b.vwap());
                    ps.setLong(10, b.tradeCount());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The most recent {@code perSymbol} bars of every symbol, oldest first. */
    public Map<String, List<Bar>> load(int perSymbol) {
        return store.inTransaction(c -> {
            var out = new LinkedHashMap<String, List<Bar>>();
            try (PreparedStatement ps = c.prepareStatement("SELECT symbol, start_nanos, end_nanos, open, high, low, close,"
                    + " volume, vwap, trade_count FROM marketdata_daily_bar ORDER BY symbol, start_nanos");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var b = new Bar(rs.getString(1), interval, rs.getLong(2), rs.getLong(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
                            rs.getLong(10));
                    out.computeIfAbsent(b.symbol(), s -> new ArrayList<>()).add(b);
                }
            }
            out.replaceAll((s, l) -> l.size() > perSymbol ? List.copyOf(l.subList(l.size() - perSymbol, l.size())) : l);
            return out;
        });
    }
}
