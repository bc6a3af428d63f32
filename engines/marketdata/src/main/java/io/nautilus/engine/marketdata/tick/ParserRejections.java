package io.nautilus.engine.marketdata.tick;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of the records parsers rejected before their batch reached the pipeline (missing fields, bad timestamps,
 * unknown data types, ... from HTTP JSON and CSV ingest and from replays), by {@link Rejection}. The pipeline counts
 * what it rejects itself on its ring thread; the engine reports both together. Thread-safe (parsers run on HTTP and
 * replay threads).
 */
public final class ParserRejections {
    private final AtomicLongArray byReason = new AtomicLongArray(Rejection.values().length);

    /** Counts a parser's rejections. */
    public void count(List<RejectedRecord> rejected) {
        for (int i = 0; i < rejected.size(); i++) {
            byReason.incrementAndGet(rejected.get(i).reason().ordinal());
        }
    }

    /** {@code counts} (by reason code) plus these counts, as a new map of the reasons with a count above 0. */
    public Map<String, Long> addTo(Map<String, Long> counts) {
        var all = new TreeMap<>(counts);
        for (Rejection r : Rejection.values()) {
            long n = byReason.get(r.ordinal());
            if (n > 0) {
                all.merge(r.code(), n, Long::sum);
            }
        }
        return all;
    }
}
