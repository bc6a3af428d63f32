package io.nautilus.core.engine;

import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.micrometer.core.instrument.MeterRegistry;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.store.Store;
import io.nautilus.core.time.Clock;

/**
 * What an engine may use, scoped to it. Handed to {@link Engine#start}.
 */
public interface EngineContext {

    /** Which engine this context belongs to. */
    EngineId id();

    /** The bus as this engine sees it: its subscriptions deliver on its own ring thread. */
    MessageBus bus();

    /** Time source (system, or simulated in backtests and tests). */
    Clock clock();

    /**
     * The engine's bounded pool for heavy work (optimizations, model fits, batch runs): never run those on the
     * ring thread. Full pool: {@code BulkheadFullException}, which HTTP maps to 503.
     */
    ThreadPoolBulkhead compute();

    /** The engine's durable store (opened on first use, with the engine's migrations applied by the engine). */
    Store store();

    /**
     * Directory for the engine's local files (the SQLite store by default, journals, spill files): the host's
     * {@code --data-dir}, {@code ./data} unless configured. May not exist yet.
     */
    java.nio.file.Path dataDir();

    /** Meter registry whose meters carry the tag {@code engine=<name>}; served on the engine's /metrics. */
    MeterRegistry metrics();

    /** Settings. */
    EngineConfig config();

    /**
     * Runs {@code hook} on the engine's ring thread after each batch of handled messages (at most ~2,000; as soon
     * as the rings are empty). For group commits: buffer writes in handlers, commit them once in the hook, then
     * publish what depended on them. A hook that throws is logged and does not stop the ring.
     */
    void onEndOfBatch(Runnable hook);
}
