package io.nautilus.engine.marketdata.source;

import io.nautilus.engine.marketdata.tick.IngestOutcome;
import io.nautilus.engine.marketdata.tick.TickBatch;

import java.util.concurrent.CompletableFuture;

/**
 * Where sources submit batches: the engine hands each to its ring thread and completes the future with what
 * became of the records. A source that waits on the future before submitting more gets natural back-pressure.
 * Thread-safe.
 */
@FunctionalInterface
public interface TickSink {
    CompletableFuture<IngestOutcome> submit(TickBatch batch);
}
