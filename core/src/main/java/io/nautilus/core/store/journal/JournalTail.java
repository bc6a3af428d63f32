package io.nautilus.core.store.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads journal records in sequence order from a list of segments, up to what the writer has flushed (each
 * segment's {@code end}), following the writer into new segments. Records before {@code fromSeq} are skipped.
 * Every record is checked again (length, CRC, sequence); a bad one is {@link JournalCorruptException}.
 *
 * <p>Not thread-safe: one reader thread; safe against the one writer of the segments.
 */
public final class JournalTail implements AutoCloseable {
    private final List<Segment> segments;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer buf = ByteBuffer.allocate(1 << 20).flip();
    private Segment segment;
    private FileChannel channel;
    private long filePosition;
    private long expectedSeq;
    private long bytesRead;

    /**
     * @param segments the segments (the writer's live list, or recovered ones)
     * @param fromSeq  first sequence number to deliver
     */
    public JournalTail(List<Segment> segments, long fromSeq) {
        this.segments = segments;
        this.expectedSeq = fromSeq;
    }

    /** Sequence number of the next record this tail will deliver. */
    public long nextSeq() {
        return expectedSeq;
    }

    /** Bytes of delivered records since this tail was created (headers included). */
    public long bytesRead() {
        return bytesRead;
    }

    /** The segment being read (null before the first record), so the applier never deletes it. */
    Segment segment() {
        return segment;
    }

    /**
     * Delivers up to {@code maxRecords} available records to {@code consumer}.
     *
     * @return how many records were delivered (0 when nothing new was flushed)
     */
    public int read(int maxRecords, RecordConsumer consumer) {
        int n = 0;
        try {
            while (n < maxRecords) {
                if (buf.remaining() >= RecordFormat.HEADER) {
                    int start = buf.position();
                    int length = buf.getInt(start);
                    if (length < 1 || length > RecordFormat.MAX_PAYLOAD) {
                        throw corrupt(start, "length " + length + " out of range");
                    }
                    int size = RecordFormat.HEADER + length;
                    if (buf.remaining() >= size) {
                        if (RecordFormat.crc(crc, buf, start, length) != buf.getInt(start + 4)) {
                            throw corrupt(start, "CRC mismatch");
                        }
                        long seq = buf.getLong(start + 8);
                        int limit = buf.limit();
                        buf.position(start + RecordFormat.HEADER).limit(start + size);
                        if (seq >= expectedSeq) {
                            if (seq != expectedSeq) {
                                throw corrupt(start, "seq " + seq + " where " + expectedSeq + " was expected");
                            }
                            consumer.accept(seq, buf);
                            expectedSeq++;
                            bytesRead += size;
                            n++;
                        }
                        buf.limit(limit).position(start + size);
                        continue;
                    }
                    if (size > buf.capacity()) {
                        ByteBuffer bigger = ByteBuffer.allocate(Math.max(size, buf.capacity() * 2));
                        bigger.put(buf).flip();
                        buf = bigger;
                    }
                }
                if (!fill()) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal segment " + segment + ": " + e.getMessage(), e);
        }
        return n;
    }

    /** Reads more flushed bytes into the buffer, moving to the next segment when this one is sealed and read. */
    private boolean fill() throws IOException {
        if (segment == null && !open(first())) {
            return false;
        }
        boolean sealed = segment.sealed;
        long end = segment.end;
        if (filePosition < end) {
            buf.compact();
            int want = (int) Math.min(end - filePosition, buf.remaining());
            int oldLimit = buf.limit();
            buf.limit(buf.position() + want);
            int got = 0;
            while (got < want) {
                int r = channel.read(buf, filePosition + got);
                if (r < 0) {
                    throw new IOException("segment ends before its flushed end " + end);
                }
                got += r;
            }
            buf.limit(oldLimit);
            filePosition += got;
            buf.flip();
            return true;
        }
        if (!sealed) {
            return false;
        }
        if (buf.hasRemaining()) {
            throw corrupt(buf.position(), "a partial record at the end of a sealed segment");
        }
        Segment next = after(segment);
        return next != null && open(next);
    }

    private Segment first() {
        Segment found = null;
        for (Segment s : segments) {
            if (s.firstSeq <= expectedSeq) {
                found = s;
            }
        }
        return found != null ? found : segments.isEmpty() ? null : segments.getFirst();
    }

    private Segment after(Segment s) {
        for (Segment x : segments) {
            if (x.firstSeq > s.firstSeq) {
                return x;
            }
        }
        return null;
    }

    private boolean open(Segment s) throws IOException {
        if (s == null) {
            return false;
        }
        if (channel != null) {
            channel.close();
        }
        segment = s;
        channel = FileChannel.open(s.path, StandardOpenOption.READ);
        filePosition = 0;
        buf.clear().flip();
        return true;
    }

    private JournalCorruptException corrupt(int bufferOffset, String what) {
        long fileOffset = filePosition - buf.limit() + bufferOffset;
        return new JournalCorruptException("journal segment " + segment + " offset " + fileOffset + ": " + what);
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
