package io.nautilus.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.testkit.TestDatabase;
import io.nautilus.testkit.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every behaviour of {@link Store} on both back ends: a SQLite file in a temporary directory and a fresh
 * schema on the real PostgreSQL of {@link TestPostgres} (the configured server, or an embedded one), one per
 * test so no test sees another's tables.
 */
class StoreTest {

    enum Backend { SQLITE, POSTGRES }

    private static final String ENGINE = "risk";

    /** v1 creates the table, v2 inserts 10 into it, v3 doubles it and adds 1: only 1,2,3 in order gives 21. */
    private static final Migration V1 = Migration.of(1,
            "CREATE TABLE risk_limits (name TEXT PRIMARY KEY, value BIGINT NOT NULL)");
    private static final Migration V2 = Migration.of(2, "INSERT INTO risk_limits (name, value) VALUES ('max_orders', 10)");
    private static final Migration V3 = Migration.of(3, "UPDATE risk_limits SET value = value * 2 + 1 WHERE name = 'max_orders'");
    private static final Migration V4 = Migration.of(4,
            "CREATE TABLE risk_marks (symbol TEXT PRIMARY KEY, qty BIGINT NOT NULL, price DOUBLE PRECISION NOT NULL,"
                    + " active BOOLEAN NOT NULL)");

    @TempDir
    Path tmp;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
    }

    /** A JDBC URL of an empty database of the given kind, dropped after the test. */
    private String emptyDatabase(Backend backend) {
        return switch (backend) {
            case SQLITE -> "jdbc:sqlite:" + tmp.resolve("nested/dir/store.db");
            case POSTGRES -> {
                TestDatabase db = TestPostgres.freshSchema();
                cleanup.add(db);
                yield db.jdbcUrl();
            }
        };
    }

    /** A store on an empty database with migration V1 (table risk_limits) applied. */
    private Store storeWithLimitsTable(Backend backend) {
        Store store = open(emptyDatabase(backend));
        store.migrate(ENGINE, List.of(V1));
        return store;
    }

    private Store open(String url) {
        Store store = Store.open(url, "test");
        cleanup.add(store);
        return store;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_open_reportsBackend(Backend backend) {
        Store store = open(emptyDatabase(backend));

        assertThat(store.isSqlite()).isEqualTo(backend == Backend.SQLITE);
        assertThat(queryLong(store, "SELECT 40 + 2")).isEqualTo(42);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_migrate_appliesOnceInVersionOrder(Backend backend) {
        Store store = open(emptyDatabase(backend));

        store.migrate(ENGINE, List.of(V3, V1, V2));

        assertThat(appliedVersions(store, ENGINE)).containsExactly(1, 2, 3);
        assertThat(queryLong(store, "SELECT value FROM risk_limits WHERE name = 'max_orders'")).isEqualTo(21);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_migrate_rerun_isNoOpAndAppliesOnlyNewVersions(Backend backend) {
        Store store = open(emptyDatabase(backend));
        store.migrate(ENGINE, List.of(V1, V2, V3));

        store.migrate(ENGINE, List.of(V1, V2, V3));
        // re-applying V3 would give 2 * 21 + 1 = 43
        assertThat(queryLong(store, "SELECT value FROM risk_limits WHERE name = 'max_orders'")).isEqualTo(21);
        assertThat(appliedVersions(store, ENGINE)).containsExactly(1, 2, 3);

        store.migrate(ENGINE, List.of(V1, V2, V3, V4));
        assertThat(appliedVersions(store, ENGINE)).containsExactly(1, 2, 3, 4);
        assertThat(queryLong(store, "SELECT COUNT(*) FROM risk_marks")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_migrate_enginesAreIndependent(Backend backend) {
        Store store = open(emptyDatabase(backend));
        store.migrate(ENGINE, List.of(V1, V2));

        store.migrate("portfolio", List.of(Migration.of(1, "CREATE TABLE portfolio_weights (symbol TEXT PRIMARY KEY)")));

        assertThat(appliedVersions(store, ENGINE)).containsExactly(1, 2);
        assertThat(appliedVersions(store, "portfolio")).containsExactly(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_migrate_gapOrDuplicate_rejectedBeforeApplyingAnything(Backend backend) {
        Store store = open(emptyDatabase(backend));

        assertThatThrownBy(() -> store.migrate(ENGINE, List.of(V1, V3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected version 2, found 3");
        assertThatThrownBy(() -> store.migrate(ENGINE, List.of(V1, V2, Migration.of(2, "SELECT 1"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected version 3, found 2");
        assertThatThrownBy(() -> store.migrate(ENGINE, List.of(V2, V3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("next must be 1, found 2");

        assertThat(appliedVersions(store, ENGINE)).isEmpty();
        assertThat(tableExists(store, "risk_limits")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_migrate_storeAheadOfGap_rejected(Backend backend) {
        Store store = storeWithLimitsTable(backend);

        assertThatThrownBy(() -> store.migrate(ENGINE, List.of(V3, V4)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at version 1, so the next must be 2, found 3");
        assertThat(appliedVersions(store, ENGINE)).containsExactly(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_migrate_failingStatement_rollsBackThatVersionOnly(Backend backend) {
        Store store = open(emptyDatabase(backend));
        Migration broken = Migration.of(2,
                "CREATE TABLE risk_breaches (id BIGINT PRIMARY KEY)",
                "INSERT INTO no_such_table VALUES (1)");

        assertThatThrownBy(() -> store.migrate(ENGINE, List.of(V1, broken)))
                .isInstanceOf(StoreException.class).hasCauseInstanceOf(SQLException.class);

        assertThat(appliedVersions(store, ENGINE)).containsExactly(1);
        assertThat(tableExists(store, "risk_limits")).isTrue();
        assertThat(tableExists(store, "risk_breaches")).as("DDL of the failed version rolled back").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_inTransaction_commitsOnReturn(Backend backend) {
        Store store = storeWithLimitsTable(backend);

        int inserted = store.inTransaction(c -> insertLimit(c, "max_notional", 1_000_000));

        assertThat(inserted).isEqualTo(1);
        assertThat(queryLong(store, "SELECT value FROM risk_limits WHERE name = 'max_notional'")).isEqualTo(1_000_000);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_inTransaction_runtimeException_rollsBackAndRethrowsIt(Backend backend) {
        Store store = storeWithLimitsTable(backend);
        var failure = new IllegalStateException("limit service down");

        assertThatThrownBy(() -> store.inTransaction(c -> {
            insertLimit(c, "max_notional", 5);
            throw failure;
        })).isSameAs(failure);

        assertThat(countLimits(store, "max_notional")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_inTransaction_sqlException_rollsBackAndWraps(Backend backend) {
        Store store = storeWithLimitsTable(backend);

        assertThatThrownBy(() -> store.inTransaction(c -> {
            insertLimit(c, "max_notional", 5);
            return insertLimit(c, "max_notional", 6); // primary key violation
        })).isInstanceOf(StoreException.class).hasCauseInstanceOf(SQLException.class);

        assertThat(countLimits(store, "max_notional")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_inTransaction_error_rollsBack(Backend backend) {
        Store store = storeWithLimitsTable(backend);

        assertThatThrownBy(() -> store.inTransaction(c -> {
            insertLimit(c, "max_notional", 5);
            throw new AssertionError("boom");
        })).isInstanceOf(AssertionError.class);

        assertThat(countLimits(store, "max_notional")).isZero();
        // the pooled connection is clean again: the next transaction commits normally
        store.inTransaction(c -> insertLimit(c, "max_orders", 3));
        assertThat(countLimits(store, "max_orders")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_roundTrip_textBigintDoubleBooleanAndUpsert(Backend backend) {
        Store store = open(emptyDatabase(backend));
        store.migrate(ENGINE, List.of(V1, V2, V3, V4));
        String upsert = "INSERT INTO risk_marks (symbol, qty, price, active) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (symbol) DO UPDATE SET qty = risk_marks.qty + excluded.qty, price = excluded.price,"
                + " active = excluded.active";

        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                bindMark(ps, "Zürich SMI €", Long.MAX_VALUE, 0.1 + 0.2, true);
                bindMark(ps, "MIN", Long.MIN_VALUE, -Double.MAX_VALUE, false);
                bindMark(ps, "ES", 100, 5012.25, true);
                bindMark(ps, "TINY", 0, Double.MIN_NORMAL, true);
            }
            return null;
        });
        // second write of ES: qty 100 + (-40) = 60, price and flag replaced
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                bindMark(ps, "ES", -40, 5013.5, false);
            }
            return null;
        });

        assertThat(queryLong(store, "SELECT COUNT(*) FROM risk_marks")).isEqualTo(4);
        assertMark(store, "Zürich SMI €", Long.MAX_VALUE, 0.30000000000000004, true);
        assertMark(store, "MIN", Long.MIN_VALUE, -Double.MAX_VALUE, false);
        assertMark(store, "ES", 60, 5013.5, false);
        assertMark(store, "TINY", 0, Double.MIN_NORMAL, true);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_reopen_keepsDataAndSchema(Backend backend) {
        String url = emptyDatabase(backend);
        Store first = Store.open(url, "first");
        first.migrate(ENGINE, List.of(V1, V2, V3));
        first.inTransaction(c -> insertLimit(c, "max_notional", 250_000));
        first.close();

        Store second = open(url);
        second.migrate(ENGINE, List.of(V1, V2, V3));

        assertThat(appliedVersions(second, ENGINE)).containsExactly(1, 2, 3);
        assertThat(queryLong(second, "SELECT value FROM risk_limits WHERE name = 'max_orders'")).isEqualTo(21);
        assertThat(queryLong(second, "SELECT value FROM risk_limits WHERE name = 'max_notional'")).isEqualTo(250_000);
    }

    @Test
    void test_open_sqlite_createsDirectoryAndUsesWal() {
        Store store = open("jdbc:sqlite:" + tmp.resolve("a/b/engine.db"));

        assertThat(tmp.resolve("a/b")).isDirectory();
        String mode = store.inTransaction(c -> {
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(mode).isEqualToIgnoringCase("wal");
    }

    @Test
    void test_open_otherUrl_rejected() {
        assertThatThrownBy(() -> Store.open("jdbc:mysql://localhost/x", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:");
        assertThatThrownBy(() -> Store.open(null, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void test_defaultUrl_isSqliteUnderData() {
        assertThat(Store.defaultUrl("risk")).isEqualTo("jdbc:sqlite:./data/risk.db");
    }

    private static int insertLimit(Connection c, String name, long value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO risk_limits (name, value) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, value);
            return ps.executeUpdate();
        }
    }

    private static void bindMark(PreparedStatement ps, String symbol, long qty, double price, boolean active) throws SQLException {
        ps.setString(1, symbol);
        ps.setLong(2, qty);
        ps.setDouble(3, price);
        ps.setBoolean(4, active);
        ps.executeUpdate();
    }

    private static void assertMark(Store store, String symbol, long qty, double price, boolean active) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT qty, price, active FROM risk_marks WHERE symbol = ?")) {
                ps.setString(1, symbol);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("row " + symbol).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(qty);
                    // DOUBLE PRECISION is IEEE binary64 on both back ends: bit-exact
                    assertThat(rs.getDouble(2)).isCloseTo(price, within(0.0));
                    assertThat(rs.getBoolean(3)).isEqualTo(active);
                }
            }
            return null;
        });
    }

    private static long countLimits(Store store, String name) {
        return queryLong(store, "SELECT COUNT(*) FROM risk_limits WHERE name = '" + name + "'");
    }

    private static long queryLong(Store store, String sql) {
        return store.inTransaction(c -> {
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getLong(1);
            }
        });
    }

    private static List<Integer> appliedVersions(Store store, String engine) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, applied_at FROM nautilus_schema WHERE engine = ? ORDER BY version")) {
                ps.setString(1, engine);
                List<Integer> versions = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.add(rs.getInt(1));
                        assertThat(rs.getLong(2)).as("applied_at epoch millis").isPositive();
                    }
                }
                return versions;
            }
        });
    }

    private static boolean tableExists(Store store, String table) {
        return store.inTransaction(c -> {
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), table, null)) {
                return rs.next();
            }
        });
    }
}
