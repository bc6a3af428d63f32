package io.nautilus.engine.marketdata.tick;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What became of a batch: how many records were accepted (published and kept), which were rejected and why, and
 * how many valid records were skipped because they duplicated one already accepted or came from a source on
 * standby (a higher-priority source is live for the symbol). Immutable.
 *
 * @param accepted   records published on the bus and kept in history
 * @param duplicates valid records identical to one already accepted (same symbol, type, time, prices, sizes)
 * @param standby    valid records of a lower-priority source while the symbol's primary source is live
 * @param rejected   invalid records, by request position
 */
public record IngestOutcome(int accepted, int duplicates, int standby, List<RejectedRecord> rejected) {
    public IngestOutcome {
        rejected = List.copyOf(rejected);
    }

    /** Records looked at: accepted + duplicates + standby + rejected. */
    public int total() {
        return accepted + duplicates + standby + rejected.size();
    }

    /** This outcome with {@code other}'s counts added and rejections appended in request order. */
    public IngestOutcome plus(IngestOutcome other) {
        var all = new ArrayList<>(rejected);
        all.addAll(other.rejected);
        all.sort(Comparator.comparingInt(RejectedRecord::index));
        return new IngestOutcome(accepted + other.accepted, duplicates + other.duplicates, standby + other.standby, all);
    }

    /** Nothing looked at yet. */
    public static IngestOutcome empty() {
        return new IngestOutcome(0, 0, 0, List.of());
    }
}
