package io.nautilus.core.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal writer and the tail reader on real files: round trip, one write per batch, segment roll-over,
 * a tail that follows the writer, a failed write that leaves nothing behind.
 */
class JournalTest {
    @TempDir
    Path dir;

    static long put(Journal j, String text) {
        ByteBuffer b = j.begin(Payloads.maxBytes(text));
        Payloads.putString(b, text);
        return j.end();
    }

    static List<String> readAll(JournalTail tail) {
        var out = new ArrayList<String>();
        tail.read(Integer.MAX_VALUE, (seq, p) -> out.add(seq + ":" + Payloads.getString(p)));
        return out;
    }

    @Test
    void test_flush_roundTripInOrderWithSequenceNumbers() {
        try (Journal j = Journal.open(dir, JournalConfig.of(FsyncPolicy.BATCH), 41)) {
            assertThat(put(j, "alpha")).isEqualTo(41);
            assertThat(put(j, "βeta €")).isEqualTo(42);
            assertThat(j.lastSeq()).as("nothing is durable before flush").isEqualTo(40);
            assertThat(j.flush()).isEqualTo(42);
            assertThat(put(j, "gamma")).isEqualTo(43);
            assertThat(j.flush()).isEqualTo(43);
            var tail = new JournalTail(j.segments, 41);
            assertThat(readAll(tail)).containsExactly("41:alpha", "42:βeta €", "43:gamma");
            // header 16 + count 4 + UTF-8 bytes, per record
            int bytes = 3 * 20 + 5 + "βeta €".getBytes(StandardCharsets.UTF_8).length + 5;
            assertThat(tail.bytesRead()).isEqualTo(bytes);
            assertThat(j.unappliedBytes()).isEqualTo(bytes);
            tail.close();
        }
    }

    @Test
    void test_flush_aBatchIsOneContiguousWriteAndTheTailFollowsTheWriter() throws Exception {
        try (Journal j = Journal.open(dir, JournalConfig.of(FsyncPolicy.NEVER), 1)) {
            var tail = new JournalTail(j.segments, 1);
            assertThat(readAll(tail)).isEmpty();
            for (int i = 0; i < 100; i++) {
                put(j, "r" + i);
            }
            assertThat(readAll(tail)).as("records not flushed are invisible").isEmpty();
            j.flush();
            Path seg = Segment.path(dir, 1);
            // 100 records of header 16 + count 4 + "r0".."r99" (10 × 2 + 90 × 3 bytes)
            assertThat(Files.size(seg)).isEqualTo(100 * 20 + 10 * 2 + 90 * 3);
            List<String> got = readAll(tail);
            assertThat(got).hasSize(100).startsWith("1:r0").endsWith("100:r99");
            put(j, "later");
            j.flush();
            assertThat(readAll(tail)).containsExactly("101:later");
            tail.close();
        }
    }

    @Test
    void test_flush_rollsSegmentsAndTheTailCrossesThem() {
        var cfg = new JournalConfig(FsyncPolicy.INTERVAL, 5, 4096, JournalConfig.DEFAULT_MAX_UNAPPLIED_BYTES);
        try (Journal j = Journal.open(dir, cfg, 1)) {
            var tail = new JournalTail(j.segments, 1);
            String big = "x".repeat(1000);
            for (int i = 0; i < 20; i++) {
                put(j, big + i);
                j.flush();
            }
            // 1 021-1 022 bytes per record: a segment is full after its 5th record (>= 4096 bytes), and the 20th
            // record fills the 4th segment, so a 5th (empty) one starts at 21
            assertThat(j.segments).extracting(s -> s.firstSeq).containsExactly(1L, 6L, 11L, 16L, 21L);
            List<String> got = readAll(tail);
            assertThat(got).hasSize(20);
            for (int i = 0; i < 20; i++) {
                assertThat(got.get(i)).isEqualTo((i + 1) + ":" + big + i);
            }
            tail.close();
        }
    }

    @Test
    void test_begin_growsTheBatchBufferForLargeBatches() {
        try (Journal j = Journal.open(dir, JournalConfig.of(FsyncPolicy.NEVER), 1)) {
            String s = "y".repeat(50_000);
            for (int i = 0; i < 10; i++) {
                put(j, s);
            }
            j.flush();
            var tail = new JournalTail(j.segments, 1);
            assertThat(readAll(tail)).hasSize(10).allMatch(r -> r.endsWith(":" + s));
            tail.close();
        }
    }

    @Test
    void test_flush_refusesWhenTooMuchIsUnapplied() {
        var cfg = new JournalConfig(FsyncPolicy.NEVER, 10, 1 << 20, 100);
        try (Journal j = Journal.open(dir, cfg, 1)) {
            put(j, "x".repeat(200));
            assertThat(j.flush()).isEqualTo(1);
            put(j, "refused");
            assertThatThrownBy(j::flush).isInstanceOf(JournalFullException.class).hasMessageContaining("not yet applied");
            assertThat(j.hasPending()).isFalse();
            j.applied(j.unappliedBytes());
            assertThat(put(j, "accepted")).as("the refused record's number is reused").isEqualTo(2);
            assertThat(j.flush()).isEqualTo(2);
        }
    }

    @Test
    void test_flush_failsAfterCloseAndForgetsTheBatch() {
        Journal j = Journal.open(dir, JournalConfig.of(FsyncPolicy.NEVER), 1);
        put(j, "a");
        j.flush();
        j.close();
        put(j, "b");
        assertThatThrownBy(j::flush).isInstanceOf(UncheckedIOException.class).hasMessageContaining("closed");
        assertThat(j.lastSeq()).isEqualTo(1);
    }

    @Test
    void test_open_refusesADirectoryWithSegments() {
        Journal.open(dir, JournalConfig.of(FsyncPolicy.NEVER), 1).close();
        assertThatThrownBy(() -> Journal.open(dir, JournalConfig.of(FsyncPolicy.NEVER), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("recover them first");
    }

    @Test
    void test_putString_matchesJavasUtf8() {
        for (String s : List.of("", "AAPL", "é", "€uro", "𝄞 clef", "ord-5f3c")) {
            ByteBuffer b = ByteBuffer.allocate(Payloads.maxBytes(s));
            Payloads.putString(b, s);
            byte[] expected = s.getBytes(StandardCharsets.UTF_8);
            assertThat(b.getInt(0)).isEqualTo(expected.length);
            assertThat(b.position()).isEqualTo(4 + expected.length);
            b.flip();
            assertThat(Payloads.getString(b)).isEqualTo(s);
        }
    }
}
