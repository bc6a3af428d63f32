package io.nautilus.core.store.journal;

import java.util.Locale;

/**
 * When the {@link Journal} asks the OS to put written records on the disk ({@code fdatasync}).
 *
 * <ul>
 *   <li>{@link #NEVER}: records are in the OS page cache when {@link Journal#flush()} returns. They survive a crash
 *       or {@code kill -9} of the process (the kernel still writes them back), not an OS crash or power loss.</li>
 *   <li>{@link #BATCH}: {@code fdatasync} after every flush (one per ring batch), before it returns. Survives
 *       power loss; costs one disk flush per batch on the caller's thread.</li>
 *   <li>{@link #INTERVAL}: a background thread calls {@code fdatasync} every interval. Survives a process crash;
 *       a power loss can lose up to one interval of records that were already returned from a flush.</li>
 * </ul>
 */
public enum FsyncPolicy {
    NEVER, BATCH, INTERVAL;

    /** Parses {@code never}, {@code batch} or {@code interval} (case-insensitive), naming the setting on error. */
    public static FsyncPolicy parse(String key, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("setting " + key + " must be never, batch or interval, got '" + value + "'");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
