package io.nautilus.core.time;

/**
 * Time source in epoch nanoseconds. Engines take time only from their clock so that backtests and tests can run
 * on {@link SimulatedClock}. Implementations are thread-safe.
 */
public interface Clock {

    /** Current time, epoch nanoseconds. */
    long nowNanos();

    /** Current time, epoch milliseconds. */
    default long nowMillis() {
        return nowNanos() / 1_000_000L;
    }

    /** The system clock, with the best precision {@link java.time.Instant} offers on this platform. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
