package io.nautilus.core.engine;

import java.util.List;

/**
 * Writes one batch of a {@link WriteBehind} to durable storage, typically in one transaction. Called on the
 * writer's own thread, one batch at a time. A batch that throws is written again, whole and first, on the next
 * attempt: a sink must therefore write a batch atomically (one transaction) or idempotently.
 *
 * @param <T> the record written
 */
@FunctionalInterface
public interface BatchSink<T> {
    void write(List<T> batch) throws Exception;
}
