package io.nautilus.engine.marketdata.source;

import io.nautilus.engine.marketdata.tick.IngestOutcome;
import io.nautilus.engine.marketdata.tick.ParsedBatch;
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

    /**
     * Hands over what a parser read: its batch goes to the pipeline, and the outcome includes the records the parser
     * rejected. The engine's sink also counts those rejections (in /health and /metrics).
     */
    default CompletableFuture<IngestOutcome> submit(ParsedBatch parsed) {
        return submit(parsed.batch()).thenApply(parsed::combine);
    }
}
