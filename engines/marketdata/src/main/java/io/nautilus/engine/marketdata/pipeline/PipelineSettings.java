package io.nautilus.engine.marketdata.pipeline;

import io.nautilus.core.model.BarInterval;

import java.util.List;
import java.util.Set;

/**
 * Settings of the market data pipeline, validated once. Immutable.
 *
 * @param symbols         the configured symbol list; empty accepts every well-formed symbol
 * @param sourcePriority  source names, most preferred first; unlisted sources rank after them
 * @param intervals       bar intervals to build
 * @param staleNanos      a source silent this long (wall clock) for a symbol is stale and failed over from
 * @param gapNanos        a live stream whose consecutive event times differ by more than this raises a GAP alert
 * @param graceNanos      a live bar closes this long (wall clock) after its end, so slightly late records still count
 * @param liveWindowNanos a record whose event time is within this of its arrival time is live (latency and gap
 *                        checks apply); older ones are historical (replay, backfill)
 * @param historyDepth    quotes, trades and intraday bars kept per symbol
 * @param dailyDepth      daily bars kept in memory per symbol
 * @param dedupWindow     accepted records per symbol remembered for de-duplication
 */
public record PipelineSettings(Set<String> symbols, List<String> sourcePriority, List<BarInterval> intervals,
                               long staleNanos, long gapNanos, long graceNanos, long liveWindowNanos,
                               int historyDepth, int dailyDepth, int dedupWindow) {
    public PipelineSettings {
        symbols = Set.copyOf(symbols);
        sourcePriority = List.copyOf(sourcePriority);
        intervals = List.copyOf(intervals);
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("at least one bar interval is required");
        }
        positive("stale", staleNanos);
        positive("gap", gapNanos);
        if (graceNanos < 0) {
            throw new IllegalArgumentException("grace must be >= 0 ns, got " + graceNanos);
        }
        positive("live window", liveWindowNanos);
        if (historyDepth < 1 || dailyDepth < 1 || dedupWindow < 1) {
            throw new IllegalArgumentException("history depth, daily depth and dedup window must be >= 1, got "
                    + historyDepth + ", " + dailyDepth + ", " + dedupWindow);
        }
    }

    private static void positive(String what, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException(what + " time must be > 0 ns, got " + nanos);
        }
    }

    /** Defaults: any symbol; priority http, replay, simulator; 1s..1d bars; stale 5 s; gap 60 s; grace 2 s. */
    public static PipelineSettings defaults() {
        return new PipelineSettings(Set.of(), List.of("http", "replay", "simulator"), BarInterval.DEFAULTS,
                5_000_000_000L, 60_000_000_000L, 2_000_000_000L, 60_000_000_000L, 1_000, 10_000, 256);
    }

    public PipelineSettings withSymbols(Set<String> s) {
        return new PipelineSettings(s, sourcePriority, intervals, staleNanos, gapNanos, graceNanos, liveWindowNanos,
                historyDepth, dailyDepth, dedupWindow);
    }

    public PipelineSettings withSourcePriority(List<String> p) {
        return new PipelineSettings(symbols, p, intervals, staleNanos, gapNanos, graceNanos, liveWindowNanos,
                historyDepth, dailyDepth, dedupWindow);
    }

    public PipelineSettings withStaleNanos(long n) {
        return new PipelineSettings(symbols, sourcePriority, intervals, n, gapNanos, graceNanos, liveWindowNanos,
                historyDepth, dailyDepth, dedupWindow);
    }

    public PipelineSettings withGapNanos(long n) {
        return new PipelineSettings(symbols, sourcePriority, intervals, staleNanos, n, graceNanos, liveWindowNanos,
                historyDepth, dailyDepth, dedupWindow);
    }
}
