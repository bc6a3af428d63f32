package io.nautilus.core.time;

import java.time.Instant;

/**
 * Wall-clock time in epoch nanoseconds, strictly non-decreasing within the process (so that event timestamps
 * taken from it never go backwards even if the OS clock is stepped back). Thread-safe, allocation-free after the
 * JIT escapes the {@link Instant}.
 */
public final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private final java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();

    private SystemClock() {
    }

    @Override
    public long nowNanos() {
        Instant now = Instant.now();
        long t = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        long prev = last.get();
        if (t > prev) {
            // A lost race only means another thread stored a later time; ours is still non-decreasing.
            last.compareAndSet(prev, t);
            return t;
        }
        return prev;
    }
}
