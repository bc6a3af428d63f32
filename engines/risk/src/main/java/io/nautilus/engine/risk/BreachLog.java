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
 * live ones only.
 *
 * <p>What-if breaches are hypothetical (any HTTP client can post thousands of checks per second), so they live in
 * memory only, bounded: at most {@code maxWhatIf} open ones (opening one more drops the oldest) and as many of the
 * latest resolved ones. They are written to the store once, at stop ({@link #saveWhatIf()}, replacing the stored
 * ones), and loaded at start: a graceful restart keeps them, a crash loses those since the last stop. No check
 * writes to the store (a write per check, even batched in the background, halved the check's throughput).
 *
 * <p>{@link #commit()} runs at the end of each ring batch ({@code EngineContext.onEndOfBatch}) and before any
 * answer that reports a breach: it writes the batch's live transitions in one transaction and only then publishes
 * them as {@link RiskBreach} at CRITICAL priority on {@code risk.breach.<portfolio>}, so a breach is durable before
 * anyone sees it. A failed commit publishes nothing, keeps the transitions for the next commit and rethrows.
 *
 * <p>Not thread-safe: owned by the risk engine's ring thread.
 */
final class BreachLog {
    /** A live transition waiting for the commit, with the time it is published at. */
    private record Pending(RiskStore.BreachRecord record, long tsNanos) {
    }

    static final String ENGINE_ACTOR = "risk-engine";

    private final RiskStore store;
    private final MessageBus bus;
    private final int maxWhatIf;
    private final Map<String, RiskStore.BreachRecord> open = new LinkedHashMap<>();
    /** Open what-if breaches, oldest first (insertion order; they never change once opened). */
    private final Map<String, RiskStore.BreachRecord> openWhatIf = new LinkedHashMap<>();
    /** The latest resolved what-if breaches, oldest resolution first. */
    private final Map<String, RiskStore.BreachRecord> resolvedWhatIf = new LinkedHashMap<>();
    private final List<Pending> pending = new ArrayList<>();

    /** Loads the live breaches left open by the previous run and the what-if breaches it saved at its stop. */
    BreachLog(RiskStore store, MessageBus bus, int maxWhatIf) {
        if (maxWhatIf < 1) {
            throw new IllegalArgumentException("maxWhatIf must be >= 1, got " + maxWhatIf);
        }
        this.store = store;
        this.bus = bus;
        this.maxWhatIf = maxWhatIf;
        for (RiskStore.BreachRecord b : store.loadOpenBreaches(false)) {
            open.put(b.breachId(), b);
        }
        // newest first from the store: reversed, so the oldest is the first to expire
        for (RiskStore.BreachRecord b : store.loadOpenBreaches(true).reversed()) {
            openWhatIf.put(b.breachId(), b);
        }
        for (RiskStore.BreachRecord b : store.loadResolvedWhatIf(maxWhatIf).reversed()) {
            resolvedWhatIf.put(b.breachId(), b);
        }
        bound();
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

    /** A resolved what-if breach still kept, or {@code null}. */
    RiskStore.BreachRecord resolvedWhatIf(String breachId) {
        return resolvedWhatIf.get(breachId);
    }

    /**
     * The what-if breaches kept (open and resolved), newest first (breach time, then id), optionally of one
     * portfolio and only the open ones, at most {@code limit}.
     */
    List<RiskStore.BreachRecord> whatIf(String portfolioId, boolean openOnly, int limit) {
        var out = new ArrayList<RiskStore.BreachRecord>();
        add(out, openWhatIf.values(), portfolioId);
        if (!openOnly) {
            add(out, resolvedWhatIf.values(), portfolioId);
        }
        out.sort(NEWEST_FIRST);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** Newest breach time first, then by id: the order of {@code GET /risk/breaches}. */
    static final java.util.Comparator<RiskStore.BreachRecord> NEWEST_FIRST =
            java.util.Comparator.comparingLong(RiskStore.BreachRecord::breachTimeNanos).reversed()
                    .thenComparing(RiskStore.BreachRecord::breachId);

    private static void add(List<RiskStore.BreachRecord> out, Collection<RiskStore.BreachRecord> from,
                            String portfolioId) {
        for (RiskStore.BreachRecord b : from) {
            if (portfolioId == null || portfolioId.equals(b.portfolioId())) {
                out.add(b);
            }
        }
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
     * Records a transition (opened, changed or resolved). A live one waits for the next commit; a what-if one
     * only changes the memory: opening one beyond the maximum drops the oldest open one, resolving one beyond it
     * forgets the oldest resolved one.
     */
    void record(RiskStore.BreachRecord r, long tsNanos) {
        if (r.whatIf()) {
            if (r.resolved()) {
                openWhatIf.remove(r.breachId());
                resolvedWhatIf.put(r.breachId(), r);
            } else {
                openWhatIf.put(r.breachId(), r);
            }
            bound();
            return;
        }
        if (r.resolved()) {
            open.remove(r.breachId());
        } else {
            open.put(r.breachId(), r);
        }
        pending.add(new Pending(r, tsNanos));
    }

    private void bound() {
        trim(openWhatIf);
        trim(resolvedWhatIf);
    }

    private void trim(Map<String, RiskStore.BreachRecord> map) {
        var oldest = map.values().iterator();
        for (int excess = map.size() - maxWhatIf; excess > 0; excess--) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Writes the pending live transitions in one transaction, then publishes them; a no-op when none are pending. */
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

    /** Replaces the stored what-if breaches with those kept in memory (at stop), in one transaction. */
    void saveWhatIf() {
        var all = new ArrayList<RiskStore.BreachRecord>(openWhatIf.values());
        all.addAll(resolvedWhatIf.values());
        store.replaceWhatIf(all);
    }
}
