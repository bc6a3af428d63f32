package io.nautilus.core.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

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

    // ---- runtime verbs: one way, for every engine, to do what each engine needs (docs/engine-guide.md) ----

    /**
     * Runs {@code fn} on the engine's ring thread and completes the future with its result once the batch that ran
     * it has ended, i.e. after every {@link #onEndOfBatch} hook (the engine's group commit): an answer never reports
     * state that is not yet durable, and if a hook throws, the calls of that batch fail with its exception. The call
     * travels on the urgent lane (ahead of queued quotes), with no bus topic, envelope or reply trip. For HTTP
     * handlers and other threads that read or change ring state; never call it from the ring thread and wait on the
     * future (that thread would wait for itself). A stopped engine fails the future with
     * {@link IllegalStateException}; {@code fn} throwing fails it with that exception.
     */
    <R> CompletableFuture<R> call(Supplier<R> fn);

    /**
     * Runs {@code task} on the ring thread every {@code period}, the first time after one period, from the host's one
     * scheduler. A tick that finds the previous one still queued is skipped and counted ({@link Timer#skipped()}), so
     * a busy ring never piles up ticks. Stops with the engine. An exception from {@code task} is counted and logged
     * like a handler failure; the timer goes on.
     */
    Timer every(Duration period, Runnable task);

    /** Runs {@code task} once on the ring thread after {@code delay}. */
    Timer after(Duration delay, Runnable task);

    /**
     * Runs {@code work} on the engine's compute pool. The future fails with {@code BulkheadFullException} when the
     * pool and its queue are full, and with {@link java.util.concurrent.TimeoutException} after {@code timeout}
     * (the work itself is not interrupted; its result is dropped); otherwise it has {@code work}'s result or
     * exception. {@code io.nautilus.core.http.Offload#await} maps these to 503 (busy, with Retry-After), 503 (timed
     * out) and 422 (an {@link IllegalArgumentException} from the work). Never wait on it from the ring thread:
     * continue with {@link #call} or a bus message instead.
     */
    <R> CompletableFuture<R> offload(Supplier<R> work, Duration timeout);

    /**
     * A {@link WriteBehind} for the engine's background persistence, owned by the host: flushed and closed after the
     * engine's ring has drained at stop (so the ring's last records are written), its counters in {@code /health}
     * ({@code write_behind.<name>}; a failing writer makes the engine DEGRADED) and in {@code /metrics}
     * ({@code nautilus_write_behind_*{writer="<name>"}}).
     */
    <T> WriteBehind<T> writeBehind(WriteBehindConfig config, BatchSink<T> sink);
}
