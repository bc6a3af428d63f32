package io.nautilus.bus.redis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which envelopes were already handed to the local bus, by (origin, id), over a bounded window. Ids of one origin
 * increase, so each origin keeps a sliding bitmap of its newest {@code size} ids: O(1) per check, no allocation per
 * message, {@code size / 8} bytes per origin. An id older than the window counts as not seen (delivered again
 * rather than lost: at-least-once wins over at-most-once); {@link #tooOld()} counts those. Origins are kept in
 * least-recently-used order, at most {@value #MAX_ORIGINS}.
 *
 * <p>Not thread-safe: one importer thread owns it.
 */
final class DedupWindow {
    static final int MAX_ORIGINS = 256;

    private static final class Origin {
        final long[] bits;
        long high = -1;

        Origin(int size) {
            bits = new long[size >>> 6];
        }
    }

    private final int size;
    private final int mask;
    private final Map<String, Origin> origins = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Origin> eldest) {
            return size() > MAX_ORIGINS;
        }
    };
    private long tooOld;

    /** @param size ids remembered per origin; rounded up to a power of two, at least 64 */
    DedupWindow(int size) {
        int s = Math.max(64, Integer.highestOneBit(Math.max(1, size - 1)) << 1);
        this.size = s;
        this.mask = s - 1;
    }

    /** True if (origin, id) was marked and is still inside the window. */
    boolean seen(String origin, long id) {
        Origin o = origins.get(origin);
        if (o == null || id > o.high) {
            return false;
        }
        if (id <= o.high - size) {
            tooOld++;
            return false;
        }
        int i = (int) (id & mask);
        return (o.bits[i >>> 6] & (1L << i)) != 0;
    }

    /** Marks (origin, id) as handed over. */
    void mark(String origin, long id) {
        Origin o = origins.computeIfAbsent(origin, k -> new Origin(size));
        if (id > o.high) {
            if (o.high < 0 || id - o.high >= size) {
                Arrays.fill(o.bits, 0L);
            } else {
                for (long k = o.high + 1; k < id; k++) { // ids skipped by the jump leave the window unseen
                    int i = (int) (k & mask);
                    o.bits[i >>> 6] &= ~(1L << i);
                }
            }
            o.high = id;
        } else if (id <= o.high - size) {
            return;
        }
        int i = (int) (id & mask);
        o.bits[i >>> 6] |= 1L << i;
    }

    /** Ids checked that were older than the window. */
    long tooOld() {
        return tooOld;
    }

    /** Ids remembered per origin. */
    int size() {
        return size;
    }
}
