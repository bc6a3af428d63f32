package io.nautilus.engine.marketdata.pipeline;

import java.util.Arrays;

/**
 * Chooses which source feeds one symbol when several do. Sources are identified by small integers with a rank
 * (lower = preferred, see {@link SourceRegistry}). The active source is the best-ranked live one:
 * <ul>
 *   <li>the first source seen becomes active;</li>
 *   <li>a record from a better-ranked source makes it active at once (the primary is back);</li>
 *   <li>a record from a worse-ranked source is on standby unless the active source has been silent for longer
 *       than {@code staleNanos}: then it fails over to the record's source;</li>
 *   <li>{@link #check} (a timer) marks silent sources stale and fails over to the best live source, if any.</li>
 * </ul>
 * Times are arrival (wall-clock) nanoseconds, not event times. Events go to a {@link Listener}. Not thread-safe:
 * owned by the ring thread.
 */
public final class SourceArbiter {
    /** {@link #offer} result: the record is from the active source. */
    public static final int ACCEPT = 0;
    /** {@link #offer} result: the record is from a live source ranked below the active one. */
    public static final int STANDBY = 1;

    /** What the arbiter reports. */
    public interface Listener {
        /** {@code source} has sent nothing for longer than the stale time. */
        void stale(int source);

        /** {@code source} sends again after being stale. */
        void recovered(int source);

        /** The active source changed ({@code from} is -1 never: the first source is not a failover). */
        void switched(int from, int to, boolean fromStale);
    }

    private final SourceRegistry registry;
    private final long staleNanos;
    private final Listener listener;
    private long[] lastArrival = new long[4];
    private boolean[] seen = new boolean[4];
    private boolean[] stale = new boolean[4];
    private int active = -1;

    public SourceArbiter(SourceRegistry registry, long staleNanos, Listener listener) {
        if (staleNanos <= 0) {
            throw new IllegalArgumentException("staleNanos must be > 0, got " + staleNanos);
        }
        this.registry = registry;
        this.staleNanos = staleNanos;
        this.listener = listener;
    }

    /** The active source, or -1 before any record. */
    public int active() {
        return active;
    }

    /** True when {@code source} is currently marked stale. */
    public boolean isStale(int source) {
        return source < stale.length && stale[source];
    }

    /** Arrival (wall-clock) time of the last valid record of {@code source}, or -1 when it sent none. */
    public long lastArrival(int source) {
        return source >= 0 && source < seen.length && seen[source] ? lastArrival[source] : -1;
    }

    /** Decides on a valid record of {@code source} arriving at {@code nowNanos}. */
    public int offer(int source, long nowNanos) {
        ensure(source);
        lastArrival[source] = nowNanos;
        seen[source] = true;
        if (stale[source]) {
            stale[source] = false;
            listener.recovered(source);
        }
        if (active < 0) {
            active = source;
            return ACCEPT;
        }
        if (source == active) {
            return ACCEPT;
        }
        if (registry.rank(source) < registry.rank(active)) {
            int from = active;
            active = source;
            listener.switched(from, source, false);
            return ACCEPT;
        }
        if (nowNanos - lastArrival[active] > staleNanos) {
            int from = active;
            markStale(from);
            active = source;
            listener.switched(from, source, true);
            return ACCEPT;
        }
        return STANDBY;
    }

    /** Marks sources silent for longer than the stale time, and fails over from a stale active source. */
    public void check(long nowNanos) {
        for (int s = 0; s < seen.length; s++) {
            if (seen[s] && !stale[s] && nowNanos - lastArrival[s] > staleNanos) {
                markStale(s);
            }
        }
        if (active >= 0 && stale[active]) {
            int best = -1;
            for (int s = 0; s < seen.length; s++) {
                if (seen[s] && !stale[s] && (best < 0 || registry.rank(s) < registry.rank(best))) {
                    best = s;
                }
            }
            if (best >= 0) {
                int from = active;
                active = best;
                listener.switched(from, best, true);
            }
        }
    }

    private void markStale(int s) {
        if (!stale[s]) {
            stale[s] = true;
            listener.stale(s);
        }
    }

    private void ensure(int source) {
        if (source >= seen.length) {
            int n = Math.max(source + 1, seen.length * 2);
            lastArrival = Arrays.copyOf(lastArrival, n);
            seen = Arrays.copyOf(seen, n);
            stale = Arrays.copyOf(stale, n);
        }
    }
}
