package io.nautilus.bus.redis;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter: min, 2 min, 4 min, ... up to max, forever. One per retrying thread;
 * not thread-safe.
 */
final class Backoff {
    private final long minNanos;
    private final long maxNanos;
    private long next;
    private long attempts;

    Backoff(Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.next = minNanos;
    }

    /** Sleeps for the next delay (between half and all of it). Returns false if interrupted. */
    boolean pause() {
        long d = next;
        next = Math.min(maxNanos, next * 2);
        attempts++;
        long sleep = d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
        try {
            Thread.sleep(Duration.ofNanos(sleep));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Back to the first delay after a success. */
    void reset() {
        next = minNanos;
        attempts = 0;
    }

    /** Failed attempts since the last success. */
    long attempts() {
        return attempts;
    }
}
