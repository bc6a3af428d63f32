package io.nautilus.engine.risk.control;

import java.util.HashMap;
import java.util.Map;

/**
 * Sliding one-second order-rate limiter per key (a portfolio or a strategy): remembers the times of the last
 * {@code rate} accepted orders in a ring, and accepts a new one only if the oldest of them is at least one second
 * old. Exact (no bucketing), O(1) per call; the ring is re-created when the rate of a key changes. Not
 * thread-safe (the risk engine's ring thread owns it).
 */
public final class OrderThrottle {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private static final class Window {
        final long[] times;
        int next;
        int filled;

        Window(int rate) {
            times = new long[rate];
        }
    }

    private final Map<String, Window> windows = new HashMap<>();

    /**
     * Records an order for {@code key} at {@code nowNanos} if fewer than {@code rate} were recorded in the
     * preceding second.
     *
     * @param rate orders per second; 0 means unlimited (always true, nothing recorded)
     * @return true if accepted (and recorded)
     */
    public boolean tryAcquire(String key, int rate, long nowNanos) {
        if (rate <= 0) {
            return true;
        }
        if (!canAcquire(key, rate, nowNanos)) {
            return false;
        }
        Window w = windows.get(key);
        w.times[w.next] = nowNanos;
        w.next = (w.next + 1) % w.times.length;
        w.filled = Math.min(w.filled + 1, w.times.length);
        return true;
    }

    /** True if {@link #tryAcquire} would accept now (records nothing). */
    public boolean canAcquire(String key, int rate, long nowNanos) {
        if (rate <= 0) {
            return true;
        }
        Window w = windows.get(key);
        if (w == null || w.times.length != rate) {
            w = new Window(rate);
            windows.put(key, w);
        }
        return w.filled < rate || nowNanos - w.times[w.next] >= WINDOW_NANOS;
    }
}
