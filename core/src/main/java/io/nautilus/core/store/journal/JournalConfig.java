package io.nautilus.core.store.journal;

/**
 * Settings of a {@link Journal}. Immutable and thread-safe.
 *
 * @param fsync             when records are forced to the disk
 * @param fsyncIntervalMs   period of the background {@code fdatasync} with {@link FsyncPolicy#INTERVAL}, &gt; 0
 * @param segmentBytes      a segment file is closed and a new one started once it holds at least this many bytes;
 *                          applied segments are deleted whole
 * @param maxUnappliedBytes the journal refuses a flush ({@link JournalFullException}) while this many written
 *                          bytes are not yet applied to the store, so a store outage cannot fill the disk
 */
public record JournalConfig(FsyncPolicy fsync, long fsyncIntervalMs, long segmentBytes, long maxUnappliedBytes) {
    public static final long DEFAULT_FSYNC_INTERVAL_MS = 10;
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    public static final long DEFAULT_MAX_UNAPPLIED_BYTES = 1L << 30;

    public JournalConfig {
        if (fsync == null) {
            throw new IllegalArgumentException("fsync policy is required");
        }
        if (fsyncIntervalMs <= 0) {
            throw new IllegalArgumentException("fsync interval must be > 0 ms, got " + fsyncIntervalMs);
        }
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segment size must be >= 4096 bytes, got " + segmentBytes);
        }
        if (maxUnappliedBytes <= 0) {
            throw new IllegalArgumentException("maximum unapplied bytes must be > 0, got " + maxUnappliedBytes);
        }
    }

    /** The given policy with the default interval, segment size and backlog cap. */
    public static JournalConfig of(FsyncPolicy fsync) {
        return new JournalConfig(fsync, DEFAULT_FSYNC_INTERVAL_MS, DEFAULT_SEGMENT_BYTES, DEFAULT_MAX_UNAPPLIED_BYTES);
    }
}
