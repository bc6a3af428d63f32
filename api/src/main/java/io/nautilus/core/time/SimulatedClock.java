package io.nautilus.core.time;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told: for backtests, replays and deterministic tests. Thread-safe.
 */
public final class SimulatedClock implements Clock {
    private final AtomicLong now;

    /** Starts at {@code startNanos} (epoch nanoseconds, &gt; 0). */
    public SimulatedClock(long startNanos) {
        if (startNanos <= 0) {
            throw new IllegalArgumentException("startNanos must be > 0, got " + startNanos);
        }
        this.now = new AtomicLong(startNanos);
    }

    @Override
    public long nowNanos() {
        return now.get();
    }

    /** Moves time forward by {@code nanos} (&gt;= 0) and returns the new time. */
    public long advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("cannot move a clock backwards by " + nanos + " ns");
        }
        return now.addAndGet(nanos);
    }

    /** Sets the time; it may not go backwards. */
    public void set(long epochNanos) {
        now.accumulateAndGet(epochNanos, (cur, next) -> {
            if (next < cur) {
                throw new IllegalArgumentException("cannot move a clock backwards from " + cur + " to " + next);
            }
            return next;
        });
    }
}
