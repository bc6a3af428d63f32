package io.nautilus.core.engine;

/**
 * A periodic or one-shot task delivered on an engine's ring thread ({@link EngineContext#every},
 * {@link EngineContext#after}). Thread-safe.
 */
public interface Timer {
    /** Stops further runs (a run already queued on the ring still runs). Idempotent. */
    void cancel();

    /** Ticks dropped because the previous one was still queued on a busy ring (a busy ring never piles up ticks). */
    long skipped();
}
