package io.nautilus.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

/**
 * Durable state over JDBC: an embedded SQLite file (default, {@code jdbc:sqlite:./data/<engine>.db}) or
 * PostgreSQL ({@code jdbc:postgresql://host:5432/db}). Each engine owns its tables (prefixed with its name) and
 * applies its {@link Migration}s with {@link #migrate}; applied versions are recorded in
 * {@code nautilus_schema(engine, version)}.
 *
 * <p>Thread-safe: connections come from a HikariCP pool. SQLite runs in WAL mode with one writer connection.
 */
public final class Store implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final boolean sqlite;

    private Store(HikariDataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.sqlite = sqlite;
    }

    /**
     * Opens a store.
     *
     * @param jdbcUrl  {@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}; user and password may be given in the
     *                 URL ({@code ?user=..&password=..})
     * @param poolName name for the pool's threads and metrics
     */
    public static Store open(String jdbcUrl, String poolName) {
        if (jdbcUrl == null || !(jdbcUrl.startsWith("jdbc:sqlite:") || jdbcUrl.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException("db url must start with jdbc:sqlite: or jdbc:postgresql:, got '" + jdbcUrl + "'");
        }
        boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
        var cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setPoolName("store-" + poolName);
        cfg.setConnectionTimeout(10_000);
        if (sqlite) {
            String file = jdbcUrl.substring("jdbc:sqlite:".length());
            int q = file.indexOf('?');
            if (q >= 0) {
                file = file.substring(0, q);
            }
            if (!file.isEmpty() && !file.startsWith(":memory:") && !file.startsWith("file:")) {
                try {
                    Path parent = Path.of(file).toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                } catch (java.io.IOException e) {
                    throw new StoreException("cannot create the directory of " + file, e);
                }
            }
            // One connection: SQLite has one writer; WAL lets readers proceed, busy_timeout absorbs contention.
            cfg.setMaximumPoolSize(1);
            cfg.addDataSourceProperty("journal_mode", "WAL");
            cfg.addDataSourceProperty("synchronous", "NORMAL");
            cfg.addDataSourceProperty("busy_timeout", "5000");
        } else {
            cfg.setMaximumPoolSize(4);
        }
        try {
            return new Store(new HikariDataSource(cfg), sqlite);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** The default SQLite location for an engine: {@code ./data/<engine>.db}. */
    public static String defaultUrl(String engine) {
        return "jdbc:sqlite:./data/" + engine + ".db";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True for SQLite, false for PostgreSQL. */
    public boolean isSqlite() {
        return sqlite;
    }

    /**
     * Applies the not-yet-applied migrations of {@code engine}, each in its own transaction, in version order.
     * Versions already recorded in {@code nautilus_schema} are skipped, so re-running is a no-op.
     *
     * @throws IllegalStateException    if the given versions repeat or have gaps, or if the first version not yet
     *                                  applied is not the recorded version + 1; checked before anything is applied
     * @throws StoreException           if a migration fails; that migration is rolled back, earlier ones stay
     */
    public void migrate(String engine, List<Migration> migrations) {
        List<Migration> sorted = migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).version() != sorted.get(i - 1).version() + 1) {
                throw new IllegalStateException(engine + " migrations must be consecutive: expected version "
                        + (sorted.get(i - 1).version() + 1) + ", found " + sorted.get(i).version());
            }
        }
        inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS nautilus_schema (engine TEXT NOT NULL, version INTEGER NOT NULL,"
                        + " applied_at BIGINT NOT NULL, PRIMARY KEY (engine, version))");
            }
            return null;
        });
        int current = inTransaction(c -> currentVersion(c, engine));
        List<Migration> pending = sorted.stream().filter(m -> m.version() > current).toList();
        if (!pending.isEmpty() && pending.getFirst().version() != current + 1) {
            throw new IllegalStateException(engine + " migrations must be consecutive: the store is at version "
                    + current + ", so the next must be " + (current + 1) + ", found " + pending.getFirst().version());
        }
        for (Migration m : pending) {
            inTransaction(c -> {
                if (!sqlite) {
                    // Another process migrating the same engine waits here, then sees the version as applied.
                    try (var st = c.createStatement()) {
                        st.execute("LOCK TABLE nautilus_schema IN SHARE ROW EXCLUSIVE MODE");
                    }
                }
                if (currentVersion(c, engine) >= m.version()) {
                    return null;
                }
                try (var st = c.createStatement()) {
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO nautilus_schema (engine, version, applied_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, engine);
                    ps.setInt(2, m.version());
                    ps.setLong(3, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    private static int currentVersion(Connection c, String engine) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM nautilus_schema WHERE engine = ?")) {
            ps.setString(1, engine);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Work run inside a transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws anything. Unchecked
     * exceptions and errors from {@code work} are rethrown as they are.
     *
     * @throws StoreException wrapping any SQL failure
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Throwable e) {
                // Throwable, not only SQLException/RuntimeException: an Error (an AssertionError in a test) must
                // not leave the transaction open, because restoring auto-commit below would commit it.
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("store transaction failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
