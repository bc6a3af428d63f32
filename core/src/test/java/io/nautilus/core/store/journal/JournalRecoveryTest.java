package io.nautilus.core.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery of journal files damaged like a crash damages them (cut mid-record, zeroed tail) and like a disk does
 * (a flipped byte in the middle): torn tails are cut off, everything else fails loudly.
 */
class JournalRecoveryTest {
    @TempDir
    Path dir;

    /** Writes records "r1".."rN" in batches of 3 and closes the journal. */
    Path write(int n) {
        try (Journal j = Journal.open(dir, JournalConfig.of(FsyncPolicy.NEVER), 1)) {
            for (int i = 1; i <= n; i++) {
                JournalTest.put(j, "r" + i);
                if (i % 3 == 0) {
                    j.flush();
                }
            }
            j.flush();
        }
        return Segment.path(dir, 1);
    }

    /** 10 records of 2 020 bytes in segments of 4 096 bytes: 3 records per segment, 4 segments. */
    void writeSegments() {
        var cfg = new JournalConfig(FsyncPolicy.NEVER, 10, 4096, JournalConfig.DEFAULT_MAX_UNAPPLIED_BYTES);
        try (Journal j = Journal.open(dir, cfg, 1)) {
            for (int i = 0; i < 10; i++) {
                JournalTest.put(j, "z".repeat(2000));
                j.flush();
            }
        }
    }

    static List<String> replay(JournalRecovery.Result r, long from) {
        var tail = new JournalTail(r.segments(), from);
        List<String> out = JournalTest.readAll(tail);
        tail.close();
        return out;
    }

    /** Each record "rK" (K < 10) is 16 + 4 + 2 = 22 bytes. */
    static final int RECORD = 22;

    @Test
    void test_recover_cleanJournalKeepsEverything() {
        write(7);
        var r = JournalRecovery.recover(dir);
        assertThat(r.firstSeq()).isEqualTo(1);
        assertThat(r.lastSeq()).isEqualTo(7);
        assertThat(r.tornBytes()).isZero();
        assertThat(replay(r, 5)).containsExactly("5:r5", "6:r6", "7:r7");
    }

    @Test
    void test_recover_recordCutMidWriteIsDiscarded() throws IOException {
        Path seg = write(7);
        try (var f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.setLength(6 * RECORD + 9); // the 7th record lost its last 13 bytes
        }
        var r = JournalRecovery.recover(dir);
        assertThat(r.lastSeq()).isEqualTo(6);
        assertThat(r.tornBytes()).isEqualTo(9);
        assertThat(Files.size(seg)).as("cut back to the last whole record").isEqualTo(6 * RECORD);
        assertThat(replay(r, 1)).hasSize(6).endsWith("6:r6");
    }

    @Test
    void test_recover_zeroedOrGarbledTailIsDiscarded() throws IOException {
        Path seg = write(4);
        try (var f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.seek(3 * RECORD + 18); // the last record's payload bytes changed (write torn inside a page)
            f.write(new byte[] {0, 0, 0, 0});
            f.seek(4 * RECORD);
            f.write(new byte[4096]); // and zeros after it, as a power loss can leave
        }
        var r = JournalRecovery.recover(dir);
        assertThat(r.lastSeq()).isEqualTo(3);
        assertThat(r.tornBytes()).isEqualTo(RECORD + 4096);
        assertThat(replay(r, 1)).containsExactly("1:r1", "2:r2", "3:r3");
    }

    @Test
    void test_recover_corruptMiddleRecordFailsLoudly() throws IOException {
        Path seg = write(7);
        byte[] bytes = Files.readAllBytes(seg);
        bytes[2 * RECORD + 20] ^= 0x01; // one bit of r3's payload
        Files.write(seg, bytes);
        assertThatThrownBy(() -> JournalRecovery.recover(dir)).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("offset " + 2 * RECORD).hasMessageContaining("seq 3")
                .hasMessageContaining("valid record follows at offset " + 3 * RECORD);
        assertThat(Files.size(seg)).as("nothing cut").isEqualTo(7 * RECORD);
    }

    @Test
    void test_recover_corruptLengthInTheMiddleFailsLoudly() throws IOException {
        Path seg = write(7);
        try (var f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.seek(RECORD);
            f.writeInt(1_000_000); // r2's length now points far past the end
        }
        assertThatThrownBy(() -> JournalRecovery.recover(dir)).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("offset " + RECORD).hasMessageContaining("valid record follows");
    }

    @Test
    void test_recover_badRecordInAnEarlierSegmentFailsLoudly() throws IOException {
        writeSegments();
        List<Path> files = JournalRecovery.segmentFiles(dir);
        assertThat(files).hasSizeGreaterThan(1);
        try (var f = new RandomAccessFile(files.getFirst().toFile(), "rw")) {
            f.setLength(f.length() - 5); // the end of a sealed segment cut: not the tail of the journal
        }
        assertThatThrownBy(() -> JournalRecovery.recover(dir)).isInstanceOf(JournalCorruptException.class);
    }

    @Test
    void test_recover_missingSegmentIsAGap() throws IOException {
        writeSegments();
        List<Path> files = new ArrayList<>(JournalRecovery.segmentFiles(dir));
        assertThat(files).hasSizeGreaterThan(2);
        Files.delete(files.get(1));
        assertThatThrownBy(() -> JournalRecovery.recover(dir)).isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("records are missing");
    }

    @Test
    void test_read_deliversValidRecordsWithoutChangingFiles() throws IOException {
        Path seg = write(5);
        try (var f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.setLength(4 * RECORD + 3);
        }
        var seen = new ArrayList<String>();
        long n = JournalRecovery.read(dir, (seq, p) -> seen.add(seq + ":" + Payloads.getString(p)));
        assertThat(n).isEqualTo(4);
        assertThat(seen).containsExactly("1:r1", "2:r2", "3:r3", "4:r4");
        assertThat(Files.size(seg)).isEqualTo(4 * RECORD + 3);
    }
}
