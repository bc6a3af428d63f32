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
 * their group commit.
 *
 * <p>{@link #commit()} runs at the end of each ring batch ({@code EngineContext.onEndOfBatch}) and before any
 * answer that reports a breach: it writes the batch's transitions in one transaction and only then publishes them
 * as {@link RiskBreach} at CRITICAL priority on {@code risk.breach.<portfolio>}, so a breach is durable before
 * anyone sees it. A failed commit publishes nothing, keeps the transitions for the next commit and rethrows.
 *
 * <p>Not thread-safe: owned by the risk engine's ring thread.
 */
final class BreachLog {
    /** A transition waiting for the commit, with the time it is published at. */
    private record Pending(RiskStore.BreachRecord record, long tsNanos) {
    }

    private final RiskStore store;
    private final MessageBus bus;
    private final Map<String, RiskStore.BreachRecord> open = new LinkedHashMap<>();
    private final List<Pending> pending = new ArrayList<>();

    /** Loads the breaches left open by the previous run. */
    BreachLog(RiskStore store, MessageBus bus) {
        this.store = store;
        this.bus = bus;
        for (RiskStore.BreachRecord b : store.breaches(null, true, Integer.MAX_VALUE)) {
            open.put(b.breachId(), b);
        }
    }

    /** The open breaches, in the order they were loaded or opened. */
    Collection<RiskStore.BreachRecord> open() {
        return open.values();
    }

    /** The open breach with this id (with its latest severity and value), or {@code null}. */
    RiskStore.BreachRecord open(String breachId) {
        return open.get(breachId);
    }

    int openCount() {
        return open.size();
    }

    /** Records a transition (opened, changed or resolved) for the next commit. */
    void record(RiskStore.BreachRecord r, long tsNanos) {
        if (r.resolved()) {
            open.remove(r.breachId());
        } else {
            open.put(r.breachId(), r);
        }
        pending.add(new Pending(r, tsNanos));
    }

    /** Writes the pending transitions in one transaction, then publishes them; a no-op when none are pending. */
    void commit() {
        if (pending.isEmpty()) {
            return;
        }
        var records = new ArrayList<RiskStore.BreachRecord>(pending.size());
        for (Pending p : pending) {
            records.add(p.record());
        }
        store.saveBreaches(records);
        for (Pending p : pending) {
            RiskStore.BreachRecord r = p.record();
            bus.publish(Topics.breach(r.portfolioId()), new RiskBreach(r.breachId(), r.portfolioId(), r.limitId(),
                    r.limitType(), r.severity(), r.value(), r.limitValue(), r.utilisationPct(), r.resolved(),
                    p.tsNanos()), Priority.CRITICAL);
        }
        pending.clear();
    }
}
