package io.nautilus.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An empty PostgreSQL database created for one test class by {@link TestPostgres#freshDatabase()}; closing it
 * drops the database (terminating any connections still open to it). Immutable apart from being closed;
 * thread-safe.
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

    /** The database name, {@code nautilus_test_<epoch seconds>_<12 hex digits>}. */
    public String name() {
        return name;
    }

    /** JDBC URL of this database, user in the URL ({@code jdbc:postgresql://host:port/<name>?user=...}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return TestPostgres.connect(jdbcUrl);
    }

    /** Drops the database. Idempotent. */
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
