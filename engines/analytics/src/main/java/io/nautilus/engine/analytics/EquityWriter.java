package io.nautilus.engine.analytics;

import io.nautilus.engine.analytics.pnl.PortfolioSnapshot;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands equity samples to the store in order, keeping the ones it refuses for a retry with the next sample, so a
 * database restart loses no equity history. Past {@code maxWaiting} samples the oldest is dropped and counted, so a
 * store that stays down costs bounded memory. {@link #write} on the writer thread only; the counters from any thread.
 */
final class EquityWriter {
    private static final Logger LOG = LoggerFactory.getLogger(EquityWriter.class);

    private final Consumer<List<PortfolioSnapshot>> store;
    private final int maxWaiting;
    private final ArrayDeque<List<PortfolioSnapshot>> waiting = new ArrayDeque<>();
    private volatile long written;
    private volatile long failures;
    private volatile long dropped;
    private volatile int waitingCount;
    private volatile boolean lastFailed;

    /**
     * @param store      appends one sample (one row per portfolio); throws if it could not
     * @param maxWaiting most samples kept while the store fails
     */
    EquityWriter(Consumer<List<PortfolioSnapshot>> store, int maxWaiting) {
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("maxWaiting must be >= 1, got " + maxWaiting);
        }
        this.store = store;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Stores the samples that wait, then this one, in order, stopping at the first the store refuses; then drops the
     * oldest of those still waiting beyond {@code maxWaiting}.
     */
    void write(List<PortfolioSnapshot> sample) {
        waiting.addLast(sample);
        boolean failed = false;
        while (!waiting.isEmpty()) {
            List<PortfolioSnapshot> next = waiting.peekFirst();
            try {
                store.accept(next);
            } catch (RuntimeException e) {
                failures++;
                if (!lastFailed) {
                    LOG.warn("analytics: equity samples not persisted, kept for a retry ({} waiting)", waiting.size(), e);
                }
                failed = true;
                break;
            }
            waiting.removeFirst();
            written += next.size();
        }
        while (waiting.size() > maxWaiting) {
            waiting.removeFirst();
            dropped++;
        }
        lastFailed = failed;
        waitingCount = waiting.size();
    }

    /** Portfolio rows stored. */
    long written() {
        return written;
    }

    /** Store calls that failed. */
    long failures() {
        return failures;
    }

    /** Samples given up on (the oldest, once more than {@code maxWaiting} waited). */
    long dropped() {
        return dropped;
    }

    /** Samples waiting for the store. */
    int waiting() {
        return waitingCount;
    }

    /** True while the store refuses samples. */
    boolean failing() {
        return lastFailed;
    }
}
