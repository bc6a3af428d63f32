package io.nautilus.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An isolated, initially empty place for a test's tables on the test PostgreSQL: its own database
 * ({@link TestPostgres#freshDatabase()}) or its own schema made current by the URL
 * ({@link TestPostgres#freshSchema()}). Closing it drops the database (terminating connections still open) or the
 * schema with all it holds. Immutable apart from being closed; thread-safe.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final String jdbcUrl;
    private final Runnable dropper;
    private boolean closed;

    TestDatabase(String name, String jdbcUrl, Runnable dropper) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.dropper = dropper;
    }

    /** The database or schema name, {@code nautilus_test_<epoch seconds>_<12 hex digits>}. */
    public String name() {
        return name;
    }

    /**
     * JDBC URL, user in the URL: {@code jdbc:postgresql://host:port/<name>?user=...} for a database,
     * {@code jdbc:postgresql://host:port/<db>?user=...&currentSchema=<name>} for a schema.
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return TestPostgres.connect(jdbcUrl);
    }

    /** Drops the database or schema. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            dropper.run();
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + "]";
    }
}
