package io.nautilus.bus.local;

/**
 * Work queued on an engine's ring thread without a topic or subscription ({@link LocalBus#run}): the engine
 * runtime's ring calls and timers. Runs in ring order with the engine's messages, on the urgent or the normal lane.
 */
public abstract class RingTask {
    /**
     * Runs on the ring thread. An exception is counted as a handler failure and logged.
     *
     * @return true if {@link #afterBatch} must run once the batch that ran this task has ended
     */
    protected abstract boolean run();

    /**
     * Runs on the ring thread after the end-of-batch hooks of the batch that ran this task.
     *
     * @param hookFailure the first exception an end-of-batch hook of that batch threw, or null
     */
    protected void afterBatch(RuntimeException hookFailure) {
    }
}
