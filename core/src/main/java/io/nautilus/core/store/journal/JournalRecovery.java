package io.nautilus.core.store.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the segments a previous run left in a journal directory. Every record must be CRC-valid and numbered one
 * after the other across segments. A bad record at the end of the last segment, with no valid record anywhere after
 * it, is a torn tail (the process or machine died during a write): it is cut off the file and logged. Any other bad
 * record (in an earlier segment, or followed by valid records) is corruption and fails loudly with
 * {@link JournalCorruptException}, as does a gap in the sequence numbers.
 */
public final class JournalRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);

    /**
     * What recovery found.
     *
     * @param segments  the segments, oldest first, all sealed (read them with {@link JournalTail})
     * @param firstSeq  sequence number the first segment starts at, or 0 when there is no segment
     * @param lastSeq   sequence number of the last valid record ({@code firstSeq - 1} when there is none)
     * @param tornBytes bytes cut off the end as a torn tail
     */
    public record Result(List<Segment> segments, long firstSeq, long lastSeq, long tornBytes) {
        public boolean isEmpty() {
            return lastSeq < firstSeq;
        }
    }

    private JournalRecovery() {
    }

    /** Validates the segments of {@code dir} (none is fine) and cuts a torn tail off the last one. */
    public static Result recover(Path dir) {
        List<Path> files = segmentFiles(dir);
        var segments = new ArrayList<Segment>();
        var crc = new CRC32C();
        long expected = -1;
        long first = 0;
        long torn = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            long segFirst = Segment.firstSeqOf(file);
            if (expected >= 0 && segFirst != expected) {
                throw new JournalCorruptException("journal segment " + file + " starts at seq " + segFirst
                        + " but the previous one ends at " + (expected - 1) + ": records are missing");
            }
            boolean last = i == files.size() - 1;
            long[] scan = scan(file, segFirst, last, crc);
            long validEnd = scan[0];
            long next = scan[1];
            torn += scan[2];
            if (next == segFirst && !last) {
                throw new JournalCorruptException("journal segment " + file + " is empty but is not the last one");
            }
            if (i == 0) {
                first = segFirst;
            }
            segments.add(new Segment(segFirst, file, validEnd, true));
            expected = next;
        }
        long lastSeq = files.isEmpty() ? 0 : expected - 1;
        return new Result(List.copyOf(segments), first, lastSeq, torn);
    }

    /** @return {valid end offset, next expected seq, torn bytes cut} */
    private static long[] scan(Path file, long firstSeq, boolean last, CRC32C crc) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new JournalCorruptException("journal segment " + file + " is larger than 2 GiB (" + size + " bytes)");
            }
            int end = (int) size;
            MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            int off = 0;
            long seq = firstSeq;
            while (off < end) {
                int n = RecordFormat.validAt(crc, b, off, end);
                if (n < 0) {
                    break;
                }
                long s = b.getLong(off + 8);
                if (s != seq) {
                    throw new JournalCorruptException("journal segment " + file + " offset " + off + ": record seq " + s
                            + " where " + seq + " was expected");
                }
                seq++;
                off += n;
            }
            if (off == end) {
                return new long[] {end, seq, 0};
            }
            int following = nextValid(crc, b, off + 1, end);
            if (!last || following >= 0) {
                throw new JournalCorruptException("journal segment " + file + " is corrupt at offset " + off
                        + " (record seq " + seq + " fails its length or CRC check)"
                        + (following >= 0 ? " and a valid record follows at offset " + following : "")
                        + ": not a torn tail; restore the file or remove it knowingly");
            }
            LOG.warn("journal segment {}: discarding a torn tail of {} bytes at offset {} (seq {} on were never"
                    + " completely written)", file, end - off, off, seq);
            ch.truncate(off);
            ch.force(false);
            return new long[] {off, seq, end - off};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal segment " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the valid records of {@code dir} without changing anything, stopping at the first bad or incomplete
     * one (for tools and tests; safe while a writer appends).
     *
     * @return how many records were delivered
     */
    public static long read(Path dir, RecordConsumer consumer) {
        var crc = new CRC32C();
        long n = 0;
        for (Path file : segmentFiles(dir)) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
                int off = 0;
                int end = (int) size;
                while (off < end) {
                    int len = RecordFormat.validAt(crc, b, off, end);
                    if (len < 0) {
                        return n;
                    }
                    b.limit(off + len).position(off + RecordFormat.HEADER);
                    consumer.accept(b.getLong(off + 8), b);
                    b.limit(end);
                    off += len;
                    n++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read journal segment " + file + ": " + e.getMessage(), e);
            }
        }
        return n;
    }

    /** Offset of the first CRC-valid record at or after {@code from}, or -1. */
    private static int nextValid(CRC32C crc, MappedByteBuffer b, int from, int end) {
        for (int off = from; off + RecordFormat.HEADER < end; off++) {
            if (RecordFormat.validAt(crc, b, off, end) > 0) {
                return off;
            }
        }
        return -1;
    }

    /** The segment files of {@code dir}, oldest first (none when the directory does not exist). */
    static List<Path> segmentFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Segment.firstSeqOf(p) >= 0).sorted(Comparator.comparingLong(Segment::firstSeqOf)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list journal " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes every segment file of {@code dir} (after their records were applied to the store). */
    static void deleteAll(Path dir) {
        for (Path p : segmentFiles(dir)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete journal segment " + p + ": " + e.getMessage(), e);
            }
        }
    }
}
