package io.nautilus.core.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A latency histogram with a wait-free recording side (any thread, typically a ring or ingest thread) and a
 * reading side (metrics scrapes, /latency routes). Values in nanoseconds, 3 significant digits, up to one hour.
 * Percentiles cover everything recorded since creation or the last {@link #reset()}.
 */
public final class LatencyStats {
    private static final long HIGHEST = 3_600_000_000_000L;

    private final Recorder recorder = new Recorder(HIGHEST, 3);
    private final Histogram total = new Histogram(HIGHEST, 3);
    private Histogram interval;

    /** Records one latency (clamped to [0, 1 h]). Wait-free. */
    public void record(long nanos) {
        recorder.recordValue(Math.min(Math.max(nanos, 0), HIGHEST));
    }

    /** A consistent summary of all values recorded so far. */
    public synchronized Summary summary() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return new Summary(total.getTotalCount(), total.getValueAtPercentile(50), total.getValueAtPercentile(99),
                total.getValueAtPercentile(99.9), total.getMaxValue(), total.getTotalCount() == 0 ? 0 : total.getMean());
    }

    /** Clears everything recorded so far. */
    public synchronized void reset() {
        interval = recorder.getIntervalHistogram(interval);
        total.reset();
    }

    /**
     * Percentiles in nanoseconds.
     *
     * @param count  values recorded
     * @param p50    median
     * @param p99    99th percentile
     * @param p999   99.9th percentile
     * @param max    maximum
     * @param mean   arithmetic mean
     */
    public record Summary(long count, long p50, long p99, long p999, long max, double mean) {
    }
}
