package io.nautilus.core.store.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only journal of sequence-numbered records in segment files ({@code <dir>/<first seq>.seg}). The owner
 * thread encodes the records of a batch into one reused direct buffer ({@link #begin} ... {@link #end}), then
 * {@link #flush()} writes them with ONE positional {@code write} and forces them to the disk according to the
 * {@link FsyncPolicy}: when {@code flush} returns, the batch is durable in that sense and may be published.
 * A {@link JournalTail} reads what was flushed on another thread (the store applier).
 *
 * <p>No allocation per record or flush in steady state: the batch buffer grows by doubling only when a batch does
 * not fit, and the CRC32C is reused. A failed write is cut off the file again and its records are forgotten; the
 * caller undoes what depended on them.
 *
 * <p>Thread-safety: {@code begin}/{@code end}/{@code abort}/{@code flush} from one owner thread only;
 * {@link #lastSeq()}, the segment list and {@link #close()} from any thread.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final int INITIAL_BUFFER = 64 << 10;

    private final Path dir;
    private final JournalConfig config;
    private final CRC32C crc = new CRC32C();
    final List<Segment> segments = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService syncer;
    private ByteBuffer batch = ByteBuffer.allocateDirect(INITIAL_BUFFER);
    private int recordStart = -1;
    private long nextSeq;
    private volatile long lastSeq;
    private volatile FileChannel channel;
    private Segment current;
    private long position;
    private long writtenBytes;
    private volatile long appliedBytes;
    private volatile boolean closed;

    private Journal(Path dir, JournalConfig config, long firstSeq) throws IOException {
        this.dir = dir;
        this.config = config;
        this.nextSeq = firstSeq;
        this.lastSeq = firstSeq - 1;
        openSegment(firstSeq);
        if (config.fsync() == FsyncPolicy.INTERVAL) {
            syncer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                    .name("journal-fsync-" + dir.getFileName()).unstarted(r));
            syncer.scheduleWithFixedDelay(this::syncQuietly, config.fsyncIntervalMs(), config.fsyncIntervalMs(),
                    TimeUnit.MILLISECONDS);
        } else {
            syncer = null;
        }
    }

    /**
     * Opens an empty journal in {@code dir} whose first record gets {@code firstSeq}. The directory must hold no
     * segment: recover and apply old ones first ({@link JournaledStore} does).
     */
    public static Journal open(Path dir, JournalConfig config, long firstSeq) {
        try {
            Files.createDirectories(dir);
            if (!JournalRecovery.segmentFiles(dir).isEmpty()) {
                throw new IllegalStateException("journal " + dir + " still holds segments: recover them first");
            }
            return new Journal(dir, config, firstSeq);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public JournalConfig config() {
        return config;
    }

    /** Sequence number of the last record flushed (durable by the policy); {@code firstSeq - 1} before any. */
    public long lastSeq() {
        return lastSeq;
    }

    /** Bytes flushed and not yet applied to the store. */
    public long unappliedBytes() {
        return writtenBytes - appliedBytes;
    }

    /**
     * Starts a record and returns the batch buffer positioned where its payload goes, with at least
     * {@code maxPayload} bytes free. Write the payload with relative puts, then call {@link #end()}.
     */
    public ByteBuffer begin(int maxPayload) {
        if (recordStart >= 0) {
            throw new IllegalStateException("a record is already open: call end() first");
        }
        if (maxPayload < 1 || maxPayload > RecordFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("record payload must be 1.." + RecordFormat.MAX_PAYLOAD + " bytes, got " + maxPayload);
        }
        int need = RecordFormat.HEADER + maxPayload;
        if (batch.remaining() < need) {
            int capacity = batch.capacity();
            while (capacity - batch.position() < need) {
                capacity *= 2;
            }
            ByteBuffer bigger = ByteBuffer.allocateDirect(capacity);
            batch.flip();
            bigger.put(batch);
            batch = bigger;
        }
        recordStart = batch.position();
        batch.position(recordStart + RecordFormat.HEADER);
        return batch;
    }

    /** Closes the open record (its payload ends at the buffer's position) and returns its sequence number. */
    public long end() {
        if (recordStart < 0) {
            throw new IllegalStateException("no open record: call begin() first");
        }
        int length = batch.position() - recordStart - RecordFormat.HEADER;
        if (length < 1) {
            throw new IllegalStateException("a record needs at least one payload byte");
        }
        long seq = nextSeq++;
        batch.putInt(recordStart, length);
        batch.putLong(recordStart + 8, seq);
        batch.putInt(recordStart + 4, RecordFormat.crc(crc, batch, recordStart, length));
        recordStart = -1;
        return seq;
    }

    /** Forgets every record of the batch not yet flushed (an encoding failed half-way). */
    public void abort() {
        batch.clear();
        recordStart = -1;
        nextSeq = lastSeq + 1;
    }

    /** True when records wait for {@link #flush()}. */
    public boolean hasPending() {
        return batch.position() > 0;
    }

    /**
     * Writes the batch with one positional write, forces it per the policy, and rolls to a new segment when this
     * one is full. On failure the records are forgotten (cut off the file again) and the exception is thrown.
     *
     * @return the sequence number of the last record now durable
     * @throws JournalFullException if too many bytes wait for the store applier
     * @throws UncheckedIOException if the write or the fsync failed
     */
    public long flush() {
        if (recordStart >= 0) {
            throw new IllegalStateException("a record is still open: call end() first");
        }
        if (batch.position() == 0) {
            return lastSeq;
        }
        if (closed) {
            abort();
            throw new UncheckedIOException(new IOException("journal " + dir + " is closed"));
        }
        if (writtenBytes - appliedBytes >= config.maxUnappliedBytes()) {
            abort();
            throw new JournalFullException("journal " + dir + " holds " + (writtenBytes - appliedBytes)
                    + " bytes not yet applied to the store (limit " + config.maxUnappliedBytes() + "): the store is behind");
        }
        batch.flip();
        int n = batch.remaining();
        FileChannel ch = channel;
        try {
            long p = position;
            while (batch.hasRemaining()) {
                p += ch.write(batch, p);
            }
            if (config.fsync() == FsyncPolicy.BATCH) {
                ch.force(false);
            }
        } catch (IOException e) {
            abort();
            try {
                ch.truncate(position);
            } catch (IOException | RuntimeException cut) {
                e.addSuppressed(cut);
            }
            throw new UncheckedIOException("journal write to " + current + " failed: " + e.getMessage(), e);
        }
        batch.clear();
        position += n;
        writtenBytes += n;
        current.end = position;
        lastSeq = nextSeq - 1;
        if (position >= config.segmentBytes()) {
            roll();
        }
        return lastSeq;
    }

    /** Called by the applier: records up to here are in the store. */
    void applied(long bytes) {
        appliedBytes += bytes;
    }

    private void roll() {
        Segment old = current;
        FileChannel oldChannel = channel;
        try {
            if (config.fsync() != FsyncPolicy.NEVER) {
                oldChannel.force(false);
            }
            openSegment(nextSeq);
            old.sealed = true;
            oldChannel.close();
        } catch (IOException e) {
            // the records are written; the next flush fails on the old channel if it is really broken
            LOG.warn("journal {} could not roll to a new segment: {}", dir, e.toString());
        }
    }

    private void openSegment(long firstSeq) throws IOException {
        Path path = Segment.path(dir, firstSeq);
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (config.fsync() != FsyncPolicy.NEVER) {
            forceDirectory();
        }
        Segment s = new Segment(firstSeq, path, 0, false);
        segments.add(s);
        current = s;
        position = 0;
        channel = ch;
    }

    /** fsync of the directory, so a new segment file's name survives a power loss. */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (UnsupportedOperationException e) {
            LOG.debug("journal {}: directory fsync not supported on this platform: {}", dir, e.toString());
        } catch (IOException e) {
            // the fsync policy promised power-loss durability: a new segment's name may not survive one
            LOG.warn("event=journal_directory_fsync_failed dir={} error={}", dir, e.toString());
        }
    }

    private void syncQuietly() {
        try {
            FileChannel ch = channel;
            if (ch.isOpen()) {
                ch.force(false);
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("journal {} fsync failed: {}", dir, e.toString());
            }
        }
    }

    /** Forces what was written and closes the file. Later flushes fail. */
    @Override
    public void close() {
        closed = true;
        if (syncer != null) {
            syncer.shutdownNow();
        }
        FileChannel ch = channel;
        try {
            if (ch.isOpen()) {
                if (config.fsync() != FsyncPolicy.NEVER) {
                    ch.force(false);
                }
                ch.close();
            }
        } catch (IOException e) {
            LOG.warn("journal {} close failed: {}", dir, e.toString());
        }
    }
}
