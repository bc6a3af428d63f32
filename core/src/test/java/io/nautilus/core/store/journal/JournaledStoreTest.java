package io.nautilus.core.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.core.store.Migration;
import io.nautilus.core.store.Store;
import io.nautilus.testkit.TestDatabase;
import io.nautilus.testkit.TestPostgres;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The journal in front of a real store (SQLite file, and a fresh PostgreSQL schema from {@link TestPostgres}):
 * background apply with the applied sequence in the same transaction, replay of a crashed run's journal, and a
 * store outage that keeps records in the journal until the store accepts them.
 */
class JournaledStoreTest {
    enum Backend { SQLITE, POSTGRES }

    static final List<Migration> MIGRATIONS = List.of(Migration.of(1,
            "CREATE TABLE t_notes (seq BIGINT PRIMARY KEY, note TEXT NOT NULL)"));

    /** Notes as rows: one INSERT per record (so a duplicate seq fails the transaction). */
    static final StoreApplier<String[]> NOTES = new StoreApplier<>() {
        @Override
        public String[] decode(long seq, ByteBuffer payload) {
            return new String[] {Long.toString(seq), Payloads.getString(payload)};
        }

        @Override
        public void apply(Connection c, List<String[]> records) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_notes (seq, note) VALUES (?, ?)")) {
                for (String[] r : records) {
                    ps.setLong(1, Long.parseLong(r[0]));
                    ps.setString(2, r[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    };

    @TempDir
    Path tmp;
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
    }

    Store store(Backend backend, String name) {
        String url;
        if (backend == Backend.POSTGRES) {
            TestDatabase db = TestPostgres.freshSchema();
            cleanup.add(db);
            url = db.jdbcUrl();
        } else {
            url = "jdbc:sqlite:" + tmp.resolve(name + ".db");
        }
        Store s = Store.open(url, "journal-test");
        cleanup.add(s);
        s.migrate("t", MIGRATIONS);
        return s;
    }

    JournaledStore<String[]> open(Store store, Path dir, JournalConfig cfg, long pollMillis) {
        var js = JournaledStore.open("t", dir, cfg, store, NOTES, pollMillis);
        cleanup.add(js);
        return js;
    }

    static List<String> notes(Store s) {
        return s.inTransaction(c -> {
            var out = new ArrayList<String>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq, note FROM t_notes ORDER BY seq")) {
                while (rs.next()) {
                    out.add(rs.getLong(1) + ":" + rs.getString(2));
                }
            }
            return out;
        });
    }

    static long appliedInStore(Store s) {
        return s.inTransaction(c -> {
            try (var st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT applied_seq FROM nautilus_journal WHERE name = 't'")) {
                return rs.next() ? rs.getLong(1) : -1L;
            }
        });
    }

    static void write(Journal j, String... texts) {
        for (String t : texts) {
            JournalTest.put(j, t);
        }
        j.flush();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_applier_copiesFlushedRecordsIntoTheStore(Backend backend) throws Exception {
        Store s = store(backend, "a");
        var js = open(s, tmp.resolve("j"), JournalConfig.of(FsyncPolicy.BATCH), 1);
        write(js.journal(), "a", "b");
        write(js.journal(), "c");
        assertThat(js.awaitApplied(3, 10_000)).isTrue();
        assertThat(notes(s)).containsExactly("1:a", "2:b", "3:c");
        assertThat(appliedInStore(s)).isEqualTo(3);
        assertThat(js.journal().unappliedBytes()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_open_replaysWhatACrashedRunLeftUnapplied(Backend backend) throws Exception {
        Store s = store(backend, "b");
        Path dir = tmp.resolve("j");
        var first = open(s, dir, JournalConfig.of(FsyncPolicy.NEVER), 1);
        write(first.journal(), "one", "two");
        assertThat(first.awaitApplied(2, 10_000)).isTrue();
        // the applier now sleeps for an hour: what follows reaches the journal only, like a run killed before apply
        Path crashed = tmp.resolve("crashed");
        var slow = open(store(backend, "b2"), tmp.resolve("j2"), JournalConfig.of(FsyncPolicy.NEVER), 3_600_000);
        write(first.journal(), "three");
        assertThat(first.awaitApplied(3, 10_000)).isTrue();
        write(slow.journal(), "x1", "x2", "x3");
        // the crash image of 'slow': its journal files as they are now (its store applied nothing)
        Files.createDirectories(crashed);
        for (Path p : JournalRecovery.segmentFiles(tmp.resolve("j2"))) {
            Files.copy(p, crashed.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Store fresh = store(backend, "b3");
        var restarted = open(fresh, crashed, JournalConfig.of(FsyncPolicy.NEVER), 1);
        assertThat(notes(fresh)).as("replayed during open").containsExactly("1:x1", "2:x2", "3:x3");
        assertThat(appliedInStore(fresh)).isEqualTo(3);
        assertThat(JournalRecovery.segmentFiles(crashed)).as("old segments deleted, a new one started at 4")
                .containsExactly(Segment.path(crashed, 4));
        write(restarted.journal(), "x4");
        assertThat(restarted.awaitApplied(4, 10_000)).isTrue();
        assertThat(notes(fresh)).containsExactly("1:x1", "2:x2", "3:x3", "4:x4");
        assertThat(notes(s)).containsExactly("1:one", "2:two", "3:three");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_open_replaysOnlyAfterTheStoresAppliedSequence(Backend backend) throws Exception {
        Store s = store(backend, "c");
        Path dir = tmp.resolve("j");
        var js = JournaledStore.open("t", dir, JournalConfig.of(FsyncPolicy.NEVER), s, NOTES, 1);
        write(js.journal(), "a", "b", "c");
        assertThat(js.awaitApplied(3, 10_000)).isTrue();
        // segments of applied records left behind (a crash before their deletion): copy them back in
        Path keep = tmp.resolve("keep");
        Files.createDirectories(keep);
        Path seg = JournalRecovery.segmentFiles(dir).getFirst();
        Files.copy(seg, keep.resolve(seg.getFileName()));
        js.close();
        JournalRecovery.deleteAll(dir);
        Files.copy(keep.resolve(seg.getFileName()), dir.resolve(seg.getFileName()));
        var again = open(s, dir, JournalConfig.of(FsyncPolicy.NEVER), 1);
        assertThat(notes(s)).as("no duplicate (the INSERT would fail)").containsExactly("1:a", "2:b", "3:c");
        write(again.journal(), "d");
        assertThat(again.awaitApplied(4, 10_000)).isTrue();
        assertThat(notes(s)).endsWith("4:d");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_applier_storeOutageKeepsRecordsUntilTheStoreAcceptsThem(Backend backend) throws Exception {
        Store s = store(backend, "d");
        var cfg = new JournalConfig(FsyncPolicy.NEVER, 10, 1 << 20, 40);
        var js = open(s, tmp.resolve("j"), cfg, 1);
        s.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("INSERT INTO t_notes (seq, note) VALUES (1, 'squatter')");
            }
            return null;
        });
        write(js.journal(), "first");
        assertThat(js.awaitApplied(1, 300)).as("the store refuses seq 1").isFalse();
        assertThat(js.lastError()).contains("store transaction failed");
        // 25 bytes unapplied < 40: one more batch is accepted; then the journal is full
        write(js.journal(), "second");
        JournalTest.put(js.journal(), "third");
        assertThatThrownBy(js.journal()::flush).isInstanceOf(JournalFullException.class);
        s.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM t_notes WHERE seq = 1");
            }
            return null;
        });
        assertThat(js.awaitApplied(2, 20_000)).isTrue();
        assertThat(js.lastError()).isNull();
        assertThat(notes(s)).containsExactly("1:first", "2:second");
        write(js.journal(), "third");
        assertThat(js.awaitApplied(3, 10_000)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_stopApplier_laterFlushesStayDurableAndAreReplayed(Backend backend) throws Exception {
        Store s = store(backend, "g");
        Path dir = tmp.resolve("j");
        var js = JournaledStore.open("t", dir, JournalConfig.of(FsyncPolicy.NEVER), s, NOTES, 1);
        write(js.journal(), "before");
        js.stopApplier(10_000);
        assertThat(notes(s)).containsExactly("1:before");
        write(js.journal(), "while shutting down");
        assertThat(notes(s)).as("no applier any more").containsExactly("1:before");
        open(s, dir, JournalConfig.of(FsyncPolicy.NEVER), 1);
        assertThat(notes(s)).containsExactly("1:before", "2:while shutting down");
        js.journal().close();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_open_refusesAJournalInUse(Backend backend) {
        Store s = store(backend, "f");
        Path dir = tmp.resolve("j");
        open(s, dir, JournalConfig.of(FsyncPolicy.NEVER), 1);
        assertThatThrownBy(() -> JournaledStore.open("t", dir, JournalConfig.of(FsyncPolicy.NEVER), s, NOTES, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void test_applier_deletesAppliedSegments(Backend backend) throws Exception {
        Store s = store(backend, "e");
        Path dir = tmp.resolve("j");
        var cfg = new JournalConfig(FsyncPolicy.NEVER, 10, 4096, JournalConfig.DEFAULT_MAX_UNAPPLIED_BYTES);
        var js = open(s, dir, cfg, 1);
        for (int i = 1; i <= 12; i++) {
            write(js.journal(), "n".repeat(1500) + i);
        }
        assertThat(js.awaitApplied(12, 10_000)).isTrue();
        write(js.journal(), "last");
        assertThat(js.awaitApplied(13, 10_000)).isTrue();
        // 1 520-1 521 bytes per record, 3 per segment: segments start at 1, 4, 7, 10, 13; all but the last applied
        assertThat(JournalRecovery.segmentFiles(dir)).containsExactly(Segment.path(dir, 13));
        assertThat(notes(s)).hasSize(13);
    }
}
