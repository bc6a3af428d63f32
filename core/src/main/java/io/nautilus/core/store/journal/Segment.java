package io.nautilus.core.store.journal;

import java.nio.file.Path;

/**
 * One journal file: records from {@code firstSeq} on. The writer publishes {@link #end} after every write and sets
 * {@link #sealed} once it has moved to the next segment (after adding that segment to the list), so a reader that
 * sees {@code sealed} reads the final {@code end}. Thread-safe for one writer and many readers.
 */
final class Segment {
    static final String SUFFIX = ".seg";

    final long firstSeq;
    final Path path;
    volatile long end;
    volatile boolean sealed;

    Segment(long firstSeq, Path path, long end, boolean sealed) {
        this.firstSeq = firstSeq;
        this.path = path;
        this.end = end;
        this.sealed = sealed;
    }

    static Path path(Path dir, long firstSeq) {
        return dir.resolve(String.format("%020d", firstSeq) + SUFFIX);
    }

    /** The first sequence number of a segment file name, or -1 when the name is not a segment's. */
    static long firstSeqOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(SUFFIX) || name.length() != 20 + SUFFIX.length()) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(0, 20));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
