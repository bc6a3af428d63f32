package io.nautilus.engine.marketdata.pipeline;

import java.util.Map;

/**
 * Counters of the pipeline since start. Immutable snapshot.
 *
 * @param quotes     quotes published
 * @param trades     trades published
 * @param bars       bars published
 * @param alerts     alerts published
 * @param duplicates records skipped as duplicates
 * @param standby    records skipped because a higher-priority source was live
 * @param late       records too old for the open bar of at least one interval (published, not aggregated)
 * @param rejected   rejected records by reason code
 * @param symbols    symbols known
 * @param sources    sources seen
 */
public record PipelineStats(long quotes, long trades, long bars, long alerts, long duplicates, long standby, long late,
                            Map<String, Long> rejected, int symbols, int sources) {
    public PipelineStats {
        rejected = Map.copyOf(rejected);
    }

    /** These counters with other rejection counts (by reason code). */
    public PipelineStats withRejected(Map<String, Long> allRejected) {
        return new PipelineStats(quotes, trades, bars, alerts, duplicates, standby, late, allRejected, symbols, sources);
    }

    /** Records accepted (quotes + trades). */
    public long accepted() {
        return quotes + trades;
    }

    /** Rejected records of every reason. */
    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
