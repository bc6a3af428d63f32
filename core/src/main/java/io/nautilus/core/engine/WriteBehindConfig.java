package io.nautilus.core.engine;

import java.time.Duration;

/**
 * How a {@link WriteBehind} batches and what it does when full. Immutable and thread-safe; build with
 * {@link #custom(String)}.
 *
 * @param name       the writer's name: lower-case letters, digits and {@code _} ({@code /health} key
 *                   {@code write_behind.<name>}, metric tag {@code writer=<name>})
 * @param capacity   records that may wait, &gt;= 1
 * @param maxBatch   most records per batch write, in [1, capacity]
 * @param linger     how long the writer waits for more records after the first of a batch (zero: write at once)
 * @param overflow   what {@code offer} does when {@code capacity} records wait
 * @param retryDelay first wait after a failed batch (doubles up to 5 s)
 */
public record WriteBehindConfig(String name, int capacity, int maxBatch, Duration linger, Overflow overflow,
                                Duration retryDelay) {
    /** Defaults: 100,000 records, batches of 1,000, no linger, {@code REJECT}, retry after 100 ms. */
    public static final int DEFAULT_CAPACITY = 100_000;
    public static final int DEFAULT_MAX_BATCH = 1_000;
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(100);

    /** The back-pressure rule when the queue is full. */
    public enum Overflow {
        /** Refuse the new record ({@code offer} returns false); for records the caller must not lose silently. */
        REJECT,
        /** Drop the oldest waiting record and count it; for samples where the newest matter most. */
        DROP_OLDEST
    }

    public WriteBehindConfig {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,47}")) {
            throw new IllegalArgumentException("write-behind name must be 1-48 of [a-z0-9_] starting with a letter, got " + name);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        if (maxBatch < 1 || maxBatch > capacity) {
            throw new IllegalArgumentException("max_batch must be in [1, capacity], got " + maxBatch);
        }
        if (linger == null || linger.isNegative()) {
            throw new IllegalArgumentException("linger must be >= 0, got " + linger);
        }
        if (overflow == null) {
            throw new IllegalArgumentException("overflow must be given");
        }
        if (retryDelay == null || retryDelay.isNegative() || retryDelay.isZero()) {
            throw new IllegalArgumentException("retry delay must be > 0, got " + retryDelay);
        }
    }

    /** A builder with the defaults. */
    public static Builder custom(String name) {
        return new Builder(name);
    }

    /** Builds a {@link WriteBehindConfig}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private int capacity = DEFAULT_CAPACITY;
        private int maxBatch = DEFAULT_MAX_BATCH;
        private Duration linger = Duration.ZERO;
        private Overflow overflow = Overflow.REJECT;
        private Duration retryDelay = DEFAULT_RETRY_DELAY;

        private Builder(String name) {
            this.name = name;
        }

        public Builder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        public Builder maxBatch(int maxBatch) {
            this.maxBatch = maxBatch;
            return this;
        }

        public Builder linger(Duration linger) {
            this.linger = linger;
            return this;
        }

        public Builder overflow(Overflow overflow) {
            this.overflow = overflow;
            return this;
        }

        public Builder retryDelay(Duration retryDelay) {
            this.retryDelay = retryDelay;
            return this;
        }

        public WriteBehindConfig build() {
            return new WriteBehindConfig(name, capacity, Math.min(maxBatch, capacity), linger, overflow, retryDelay);
        }
    }
}
