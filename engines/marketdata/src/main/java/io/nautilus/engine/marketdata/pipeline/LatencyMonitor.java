package io.nautilus.engine.marketdata.pipeline;

import io.nautilus.core.metrics.LatencyStats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-source latency histograms, in nanoseconds:
 * <ul>
 *   <li>{@code event_to_ingest}: from a record's event time to its arrival in the pipeline (wall clock), for live
 *       records only (historical replays would only measure their age);</li>
 *   <li>{@code ingest_to_publish}: from the moment the source handed the batch over ({@link System#nanoTime()})
 *       to the record's publication on the bus.</li>
 * </ul>
 * Recording is wait-free (any thread, normally the ring thread); summaries may be taken from any thread.
 */
public final class LatencyMonitor {
    /** The two histograms of one source. */
    public record SourceLatency(LatencyStats eventToIngest, LatencyStats ingestToPublish) {
    }

    private final ConcurrentHashMap<String, SourceLatency> bySource = new ConcurrentHashMap<>();

    /** The histograms of a source, created on first use. */
    public SourceLatency of(String source) {
        return bySource.computeIfAbsent(source, s -> new SourceLatency(new LatencyStats(), new LatencyStats()));
    }

    /** Summaries of every source, by source name then stage. */
    public Map<String, Map<String, LatencyStats.Summary>> summaries() {
        var out = new TreeMap<String, Map<String, LatencyStats.Summary>>();
        bySource.forEach((name, l) -> out.put(name, Map.of("event_to_ingest", l.eventToIngest().summary(),
                "ingest_to_publish", l.ingestToPublish().summary())));
        return out;
    }

    /** Source names seen so far. */
    public java.util.Set<String> sources() {
        return java.util.Set.copyOf(bySource.keySet());
    }
}
