package io.nautilus.core.engine;

import java.time.Duration;

/**
 * A bounded queue of records written in batches by one background thread (the engine's persistence that must not
 * block the ring thread): {@link #offer} never blocks; a batch is written as soon as one is waiting (at most
 * {@link WriteBehindConfig#maxBatch()} records), or after {@link WriteBehindConfig#linger()} to gather more; a
 * failed batch is retried with backoff before anything newer, so records are written in the order offered.
 * Made by {@link EngineContext#writeBehind}, which flushes and closes it when the engine stops and shows its
 * {@link Stats} in {@code /health} and {@code /metrics}. Thread-safe.
 *
 * @param <T> the record written
 */
public interface WriteBehind<T> {
    /**
     * Queues a record. When the queue is full the {@link WriteBehindConfig.Overflow} rule decides: {@code REJECT}
     * returns false and keeps what is queued, {@code DROP_OLDEST} drops the oldest waiting record (counted) and
     * queues this one.
     *
     * @return false if the record was refused (full with {@code REJECT}, or closed)
     */
    boolean offer(T record);

    /**
     * Waits until every record offered before this call is written (or refused by a closed writer).
     *
     * @return true if all of them were written within {@code timeout}
     */
    boolean flush(Duration timeout);

    /** Counters, read at any time. */
    Stats stats();

    /**
     * A writer's counters.
     *
     * @param name     the writer's name (a /health key)
     * @param offered  records offered and accepted
     * @param written  records written
     * @param waiting  records queued or in a batch not yet written
     * @param dropped  records dropped by {@code DROP_OLDEST}
     * @param rejected records refused ({@code REJECT} when full, or after close)
     * @param failures failed batch writes (each retried)
     * @param lastError the last write failure's message, or null once a write succeeded after it
     */
    record Stats(String name, long offered, long written, long waiting, long dropped, long rejected, long failures,
                 String lastError) {
        /** True while the last write failed (records wait for a retry). */
        public boolean failing() {
            return lastError != null;
        }
    }
}
