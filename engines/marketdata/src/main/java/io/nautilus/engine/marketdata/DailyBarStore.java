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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily bars in the store (table {@code marketdata_daily_bar}, one row per symbol and day, upserted), written off
 * the ring thread: {@link #enqueue} hands a bar to a writer thread that commits whatever has queued in one
 * transaction. {@link #close} drains the queue before returning. Thread-safe.
 */
public final class DailyBarStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DailyBarStore.class);
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
    private final LinkedBlockingQueue<Bar> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    private volatile long written;

    /** Applies the migrations and starts the writer. */
    public DailyBarStore(Store store, String interval) {
        this.store = store;
        this.interval = interval;
        store.migrate("marketdata", MIGRATIONS);
        this.writer = Thread.ofPlatform().name("md-daily-bar-writer").daemon(true).start(this::run);
    }

    /** Queues a bar for writing. Never blocks. */
    public void enqueue(Bar bar) {
        queue.add(bar);
    }

    /** Bars written so far. */
    public long written() {
        return written;
    }

    /** Bars queued, not yet written. */
    public int pending() {
        return queue.size();
    }

    private void run() {
        var batch = new ArrayList<Bar>();
        while (!closed || !queue.isEmpty()) {
            try {
                Bar first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 10_000);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("could not persist {} daily bars; retrying in 1 s", batch.size(), e);
                queue.addAll(batch);
                sleepQuietly();
            }
            batch.clear();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        written += bars.size();
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

    /** Drains the queue and stops the writer. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
