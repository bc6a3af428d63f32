package io.nautilus.engine.risk;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.model.RiskBreach;
import io.nautilus.core.model.Topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The breach history as the ring thread keeps it: the open breaches in memory (loaded from the store at start, so
 * counting or finding them never queries the store) and the transitions of the current ring batch waiting for
 * their group commit. Live and what-if breaches are kept apart: {@link #open()} and {@link #openCount()} are the
 * live ones only; the open what-if breaches are held oldest first, at most {@code maxOpenWhatIf} of them (recording
 * one more drops the oldest: it is deleted from the store).
 *
 * <p>{@link #commit()} runs at the end of each ring batch ({@code EngineContext.onEndOfBatch}) and before any
 * answer that reports a breach: it writes the batch's transitions (live and what-if) in one transaction and only
 * then publishes the live ones as {@link RiskBreach} at CRITICAL priority on {@code risk.breach.<portfolio>}, so a
 * breach is durable before anyone sees it; what-if transitions are never published. A failed commit publishes
 * nothing, keeps the transitions for the next commit and rethrows.
 *
 * <p>Not thread-safe: owned by the risk engine's ring thread.
 */
final class BreachLog {
    /** A transition waiting for the commit, with the time it is published at. */
    /** A transition to write, or ({@code drop}) a what-if breach to delete. */
    private record Pending(RiskStore.BreachRecord record, long tsNanos, boolean drop) {
        Pending(RiskStore.BreachRecord record, long tsNanos) {
            this(record, tsNanos, false);
        }
    }

    static final String ENGINE_ACTOR = "risk-engine";

    private final RiskStore store;
    private final MessageBus bus;
    private final int maxOpenWhatIf;
    private final Map<String, RiskStore.BreachRecord> open = new LinkedHashMap<>();
    /** Open what-if breaches, oldest first (insertion order; they never change once opened). */
    private final Map<String, RiskStore.BreachRecord> openWhatIf = new LinkedHashMap<>();
    private final List<Pending> pending = new ArrayList<>();

    /** Loads the breaches left open by the previous run. */
    BreachLog(RiskStore store, MessageBus bus, int maxOpenWhatIf) {
        if (maxOpenWhatIf < 1) {
            throw new IllegalArgumentException("maxOpenWhatIf must be >= 1, got " + maxOpenWhatIf);
        }
        this.store = store;
        this.bus = bus;
        this.maxOpenWhatIf = maxOpenWhatIf;
        for (RiskStore.BreachRecord b : store.loadOpenBreaches(false)) {
            open.put(b.breachId(), b);
        }
        // newest first from the store: reversed, so the oldest is the first to expire
        for (RiskStore.BreachRecord b : store.loadOpenBreaches(true).reversed()) {
            openWhatIf.put(b.breachId(), b);
        }
    }

    /** The open live breaches, in the order they were loaded or opened. */
    Collection<RiskStore.BreachRecord> open() {
        return open.values();
    }

    /** The open what-if breaches, oldest first. */
    Collection<RiskStore.BreachRecord> openWhatIf() {
        return openWhatIf.values();
    }

    /** The open breach (live or what-if) with this id (with its latest severity and value), or {@code null}. */
    RiskStore.BreachRecord open(String breachId) {
        RiskStore.BreachRecord b = open.get(breachId);
        return b != null ? b : openWhatIf.get(breachId);
    }

    /** Open live breaches. */
    int openCount() {
        return open.size();
    }

    /** Open what-if breaches. */
    int openWhatIfCount() {
        return openWhatIf.size();
    }

    /**
     * Records a transition (opened, changed or resolved) for the next commit. Opening a what-if breach beyond the
     * maximum drops the oldest open what-if breaches: they are deleted from the store, so what-if checks (any HTTP
     * client, thousands per second) keep at most the maximum of rows, not a growing history.
     */
    void record(RiskStore.BreachRecord r, long tsNanos) {
        Map<String, RiskStore.BreachRecord> map = r.whatIf() ? openWhatIf : open;
        if (r.resolved()) {
            map.remove(r.breachId());
        } else {
            map.put(r.breachId(), r);
        }
        pending.add(new Pending(r, tsNanos));
        if (r.whatIf()) {
            while (openWhatIf.size() > maxOpenWhatIf) {
                var oldest = openWhatIf.values().iterator();
                RiskStore.BreachRecord dropped = oldest.next();
                oldest.remove();
                pending.add(new Pending(dropped, tsNanos, true));
            }
        }
    }

    /** Writes the pending transitions in one transaction, then publishes them; a no-op when none are pending. */
    void commit() {
        if (pending.isEmpty()) {
            return;
        }
        var records = new ArrayList<RiskStore.BreachRecord>(pending.size());
        var whatIf = new ArrayList<RiskStore.BreachRecord>();
        var dropped = new ArrayList<RiskStore.BreachRecord>();
        for (Pending p : pending) {
            if (p.drop()) {
                dropped.add(p.record());
            } else if (p.record().whatIf()) {
                whatIf.add(p.record());
            } else {
                records.add(p.record());
            }
        }
        if (!records.isEmpty()) {
            store.saveBreaches(records);
        }
        store.saveWhatIfLater(whatIf, dropped);
        for (Pending p : pending) {
            RiskStore.BreachRecord r = p.record();
            if (r.whatIf()) {
                continue; // recorded, never published on the live breach topic
            }
            bus.publish(Topics.breach(r.portfolioId()), new RiskBreach(r.breachId(), r.portfolioId(), r.limitId(),
                    r.limitType(), r.severity(), r.value(), r.limitValue(), r.utilisationPct(), r.resolved(),
                    p.tsNanos()), Priority.CRITICAL);
        }
        pending.clear();
    }
}
