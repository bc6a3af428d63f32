package io.nautilus.core.store.journal;

import io.nautilus.core.store.Store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Journal} in front of a JDBC {@link Store}: the owner thread makes a batch durable with one journal write,
 * and a background applier thread copies the records into the store in batched transactions, recording the last
 * applied sequence number in {@code nautilus_journal(name, applied_seq)} in the same transaction.
 *
 * <p>{@link #open} first recovers: it checks the journal left by the previous run (a torn tail is cut off, other
 * damage fails loudly), applies every record after the store's applied sequence, deletes the old segments and
 * starts an empty journal at the next sequence number. So after {@code open} the store holds everything that was
 * ever flushed, and the engine can load its state from the store as before.
 *
 * <p>Thread-safety: {@link #journal()} belongs to one owner thread; the other methods are thread-safe.
 */
public final class JournaledStore<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournaledStore.class);
    /** Records per store transaction. */
    static final int APPLY_BATCH = 4096;
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String name;
    private final Store store;
    private final StoreApplier<T> applier;
    private final Journal journal;
    private final long pollNanos;
    private final Thread thread;
    private final JournalTail tail;
    private final FileChannel lock;
    private final Object appliedMonitor = new Object();
    private volatile long appliedSeq;
    private volatile boolean stopping;
    private volatile String lastError;

    private JournaledStore(String name, Store store, StoreApplier<T> applier, Journal journal, long appliedSeq,
                           long pollMillis, FileChannel lock) {
        this.name = name;
        this.lock = lock;
        this.store = store;
        this.applier = applier;
        this.journal = journal;
        this.appliedSeq = appliedSeq;
        this.pollNanos = TimeUnit.MILLISECONDS.toNanos(pollMillis);
        this.tail = new JournalTail(journal.segments, journal.lastSeq() + 1);
        this.thread = Thread.ofPlatform().daemon().name("journal-apply-" + name).unstarted(this::run);
    }

    /**
     * Recovers the journal in {@code dir} into {@code store}, then opens a new journal and starts the applier.
     *
     * @param name        the journal's name in {@code nautilus_journal} (the engine name)
     * @param dir         the journal directory
     * @param config      journal settings
     * @param store       the engine's store (its migrations already applied)
     * @param applier     the engine's decoding and SQL
     * @param pollMillis  how often the applier looks for new records when idle, &gt; 0
     * @throws JournalCorruptException if the old journal is damaged other than at its tail, or records between the
     *                                 store's applied sequence and the journal's first record are missing
     */
    public static <T> JournaledStore<T> open(String name, Path dir, JournalConfig config, Store store,
                                             StoreApplier<T> applier, long pollMillis) {
        if (pollMillis <= 0) {
            throw new IllegalArgumentException("journal apply interval must be > 0 ms, got " + pollMillis);
        }
        FileChannel lock = lock(dir);
        try {
            return open(name, dir, config, store, applier, pollMillis, lock);
        } catch (RuntimeException | Error e) {
            try {
                lock.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    private static <T> JournaledStore<T> open(String name, Path dir, JournalConfig config, Store store,
                                              StoreApplier<T> applier, long pollMillis, FileChannel lock) {
        store.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS nautilus_journal (name TEXT PRIMARY KEY, applied_seq BIGINT NOT NULL)");
            }
            return null;
        });
        long applied = readApplied(store, name);
        JournalRecovery.Result r = JournalRecovery.recover(dir);
        if (!r.segments().isEmpty() && r.firstSeq() > applied + 1 && !r.isEmpty()) {
            throw new JournalCorruptException("journal " + dir + " starts at seq " + r.firstSeq() + " but the store '"
                    + name + "' applied only up to " + applied + ": records " + (applied + 1) + ".." + (r.firstSeq() - 1)
                    + " are missing");
        }
        if (r.lastSeq() > applied) {
            var tail = new JournalTail(r.segments(), applied + 1);
            var batch = new ArrayList<T>();
            long replayed = 0;
            while (true) {
                batch.clear();
                int n = tail.read(APPLY_BATCH, (seq, payload) -> batch.add(applier.decode(seq, payload)));
                if (n == 0) {
                    break;
                }
                applied = applyInStore(store, name, applier, batch, tail.nextSeq() - 1);
                replayed += n;
            }
            tail.close();
            LOG.info("journal {}: replayed {} records into the store (applied seq now {})", dir, replayed, applied);
        }
        if (r.lastSeq() > applied) {
            throw new IllegalStateException("journal " + dir + " replay stopped at " + applied + " before " + r.lastSeq());
        }
        JournalRecovery.deleteAll(dir);
        Journal journal = Journal.open(dir, config, Math.max(applied, r.lastSeq()) + 1);
        var js = new JournaledStore<>(name, store, applier, journal, applied, pollMillis, lock);
        js.thread.start();
        return js;
    }

    /**
     * Locks {@code dir/lock} for this instance, so a second engine instance or process on the same journal fails
     * at start instead of interleaving its records (the OS drops the lock when the process dies).
     */
    private static FileChannel lock(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new IllegalStateException("journal " + dir + " is in use by another engine instance or process;"
                        + " give each instance its own data directory (or portfolio.journal.dir)");
            }
            return ch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the journal " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The journal; only its owner thread writes to it. */
    public Journal journal() {
        return journal;
    }

    /** Last sequence number in the store. */
    public long appliedSeq() {
        return appliedSeq;
    }

    /** The last store failure of the applier while it retries, or null when the last apply succeeded. */
    public String lastError() {
        return lastError;
    }

    /**
     * Waits until the store holds every record up to {@code seq} (for reads that go to the store).
     *
     * @return false on timeout
     */
    public boolean awaitApplied(long seq, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (appliedMonitor) {
            while (appliedSeq < seq) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.unpark(thread);
                TimeUnit.NANOSECONDS.timedWait(appliedMonitor, left);
            }
        }
        return true;
    }

    private void run() {
        var batch = new ArrayList<T>();
        long backoff = 0;
        long bytesApplied = 0;
        while (!Thread.currentThread().isInterrupted()) {
            if (batch.isEmpty()) {
                boolean last = stopping;
                try {
                    tail.read(APPLY_BATCH, (seq, payload) -> batch.add(applier.decode(seq, payload)));
                } catch (RuntimeException e) {
                    lastError = e.toString();
                    LOG.error("journal {}: cannot read records for the store, applier stops", journal.dir(), e);
                    break;
                }
                if (batch.isEmpty()) {
                    if (last) {
                        break;
                    }
                    LockSupport.parkNanos(pollNanos);
                    continue;
                }
            }
            long upTo = tail.nextSeq() - 1;
            try {
                applyInStore(store, name, applier, batch, upTo);
            } catch (RuntimeException e) {
                if (lastError == null) {
                    LOG.error("journal {}: store apply of records up to {} failed, retrying (fills stay durable in the"
                            + " journal)", journal.dir(), upTo, e);
                }
                lastError = e.toString();
                if (stopping) {
                    break;
                }
                backoff = Math.min(MAX_BACKOFF_NANOS, Math.max(2 * backoff, TimeUnit.MILLISECONDS.toNanos(10)));
                LockSupport.parkNanos(backoff);
                continue;
            }
            if (lastError != null) {
                LOG.info("journal {}: store apply recovered at seq {}", journal.dir(), upTo);
            }
            lastError = null;
            backoff = 0;
            batch.clear();
            journal.applied(tail.bytesRead() - bytesApplied);
            bytesApplied = tail.bytesRead();
            deleteApplied(tail.segment(), upTo);
            synchronized (appliedMonitor) {
                appliedSeq = upTo;
                appliedMonitor.notifyAll();
            }
        }
        tail.close();
    }

    /** Deletes sealed segments whose records are all in the store (never the one the tail reads). */
    private void deleteApplied(Segment reading, long upTo) {
        List<Segment> segs = journal.segments;
        for (int i = 0; i + 1 < segs.size(); i++) {
            Segment s = segs.get(i);
            Segment next = segs.get(i + 1);
            if (s == reading || !s.sealed || next.firstSeq - 1 > upTo) {
                return;
            }
            try {
                Files.deleteIfExists(s.path);
                segs.remove(s);
                i--;
            } catch (IOException e) {
                LOG.warn("journal {}: cannot delete applied segment {}: {}", journal.dir(), s.path, e.toString());
                return;
            }
        }
    }

    private static long readApplied(Store store, String name) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT applied_seq FROM nautilus_journal WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private static <T> long applyInStore(Store store, String name, StoreApplier<T> applier, List<T> records, long upTo) {
        store.inTransaction(c -> {
            applier.apply(c, records);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO nautilus_journal (name, applied_seq) VALUES (?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET applied_seq = excluded.applied_seq")) {
                ps.setString(1, name);
                ps.setLong(2, upTo);
                ps.executeUpdate();
            }
            return null;
        });
        return upTo;
    }

    /**
     * Stops the applier after it has applied everything flushed so far (waiting up to {@code timeoutMillis} for
     * the store), then closes the journal. What is left unapplied is replayed by the next {@link #open}.
     */
    public void close(long timeoutMillis) {
        stopApplier(timeoutMillis);
        journal.close();
    }

    /**
     * Stops the applier after it has applied everything flushed so far and releases the directory lock, but keeps
     * the journal writable: for an owner thread that may still commit a few batches while it shuts down (they are
     * durable in the journal and replayed into the store by the next {@link #open}). The journal's file is closed
     * with {@link Journal#close()} or, failing that, when the journal is collected.
     */
    public void stopApplier(long timeoutMillis) {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("journal {}: the store applier did not finish in {} ms; the rest is replayed on the next start",
                    journal.dir(), timeoutMillis);
            thread.interrupt();
        }
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("journal {}: cannot release its lock: {}", journal.dir(), e.toString());
        }
    }

    @Override
    public void close() {
        close(10_000);
    }
}
