package io.nautilus.core.time;

import java.time.Instant;

/**
 * Wall-clock time in epoch nanoseconds, read from the monotonic clock ({@link System#nanoTime()}) plus an offset
 * anchored to {@link Instant#now()} when the class loads. So timestamps never go backwards, cost one vDSO call
 * (no shared counter, no {@code Instant} allocation: the bus stamps every message with it), and follow NTP slewing
 * like the monotonic clock does; a step of the OS wall clock after start-up is not reflected until restart.
 * Thread-safe.
 */
public final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private final long offsetNanos;

    private SystemClock() {
        Instant now = Instant.now();
        long nano = System.nanoTime();
        this.offsetNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano() - nano;
    }

    @Override
    public long nowNanos() {
        return offsetNanos + System.nanoTime();
    }
}
