package io.nautilus.engine.risk;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitEvaluation;
import io.nautilus.engine.risk.monitor.BreachMonitor;
import io.nautilus.engine.risk.monitor.BreachMonitor.Transition;

import java.util.ArrayList;
import java.util.UUID;

/**
 * Breaches on the ring thread: the {@link BreachMonitor} turns evaluations into transitions (with hysteresis), the
 * {@link BreachLog} keeps the open ones in memory and commits and publishes the transitions at the end of each
 * ring batch. Resolution by hand and the resolution of a deleted limit's breaches go through the same log. What-if
 * breaches ({@link #recordWhatIf}) go to the log only, never to the monitor.
 *
 * <p>Not thread-safe: owned by the risk engine's ring thread.
 */
final class BreachTracker {
    static final String NOT_OPEN = "not_open";
    /** Id prefix of the breaches a what-if check records; live ones start with {@code brk-}. */
    static final String WHAT_IF_PREFIX = "what-if-";

    private final BreachMonitor monitor;
    private final BreachLog log;

    /** Restores the breaches left open by the previous run into the monitor. */
    BreachTracker(RiskSettings settings, RiskStore store, MessageBus bus) {
        this.monitor = new BreachMonitor(settings.hysteresisPct(), settings.autoResolve(),
                () -> "brk-" + UUID.randomUUID());
        this.log = new BreachLog(store, bus, settings.whatIfMaxOpen());
        for (RiskStore.BreachRecord b : log.open()) {
            monitor.restore(BreachMonitor.restored(b.breachId(), b.portfolioId(), b.limitId(), b.breachTimeNanos()),
                    b.severity(), b.value(), b.utilisationPct());
        }
    }

    /** Feeds one evaluation to the monitor and records the transition it causes, if any. */
    void apply(String portfolioId, LimitEvaluation ev, long nowNanos) {
        BreachMonitor.OpenBreach before = monitor.open(portfolioId, ev.limit().limitId());
        Transition t = monitor.update(portfolioId, ev, nowNanos);
        if (t == Transition.NONE) {
            return;
        }
        LimitDefinition l = ev.limit();
        boolean resolved = t == Transition.RESOLVED;
        BreachMonitor.OpenBreach b = resolved ? before : monitor.open(portfolioId, l.limitId());
        log.record(new RiskStore.BreachRecord(b.breachId, portfolioId, l.limitId(), l.type().wireName(), b.severity(),
                ev.value(), l.limitValue(), ev.utilisationPct(), b.openedNanos, resolved, resolved ? nowNanos : null,
                resolved ? "auto: back under the warning threshold" : null, resolved ? BreachLog.ENGINE_ACTOR : null,
                false), nowNanos);
    }

    /** The open breach of (portfolio, the evaluated limit) with the evaluation's values, or {@code null}. */
    RiskViews.BreachView openView(String portfolioId, LimitEvaluation ev) {
        BreachMonitor.OpenBreach b = monitor.open(portfolioId, ev.limit().limitId());
        if (ev.severity() == null || b == null) {
            return null;
        }
        return RiskViews.BreachView.of(new RiskStore.BreachRecord(b.breachId, portfolioId, ev.limit().limitId(),
                ev.limit().type().wireName(), ev.severity(), ev.value(), ev.limit().limitValue(), ev.utilisationPct(),
                b.openedNanos, false, null, null, null, false));
    }

    /**
     * Records the breach a what-if evaluation is, and returns its view; {@code null} when it has no severity (under
     * the warning threshold, or no data). It has the same severity, value and percentage as a live breach of that
     * evaluation, its id is {@value #WHAT_IF_PREFIX} plus a fresh UUID and its time is the check's. It is recorded
     * as a what-if breach (listed, resolvable by id) but never fed to the monitor
     * nor published, so it can neither resolve, change nor open a live breach. Each check opens new ones (no
     * hysteresis across checks). Kept in memory, bounded, stored at stop ({@link BreachLog}).
     */
    RiskViews.BreachView recordWhatIf(String portfolioId, LimitEvaluation ev, long nowNanos) {
        if (ev.severity() == null) {
            return null;
        }
        var b = new RiskStore.BreachRecord(WHAT_IF_PREFIX + UUID.randomUUID(), portfolioId, ev.limit().limitId(),
                ev.limit().type().wireName(), ev.severity(), ev.value(), ev.limit().limitValue(), ev.utilisationPct(),
                nowNanos, false, null, null, null, true);
        log.record(b, nowNanos);
        return RiskViews.BreachView.of(b);
    }

    /**
     * Resolves an open breach (live or what-if) by hand. A breach that is not open answers {@link #NOT_OPEN}, with
     * the resolved what-if breach when it is one; the caller tells an unknown live id from an already resolved one
     * with the store (off the ring thread).
     */
    RiskCommands.ResolveOutcome resolve(RiskCommands.Resolve r, long nowNanos) {
        RiskStore.BreachRecord b = log.open(r.breachId());
        if (b == null) {
            // a resolved what-if breach is only in memory: hand it back for the 409
            return new RiskCommands.ResolveOutcome(log.resolvedWhatIf(r.breachId()), NOT_OPEN);
        }
        if (!b.whatIf()) {
            monitor.close(b.breachId());
        }
        RiskStore.BreachRecord done = b.resolvedAt(nowNanos, r.actionTaken(), r.actor());
        log.record(done, nowNanos);
        return new RiskCommands.ResolveOutcome(done, null);
    }

    /** Resolves the open breaches (live and what-if) of a deleted limit. */
    void limitDeleted(String limitId, long nowNanos) {
        var affected = new ArrayList<>(log.open());
        affected.addAll(log.openWhatIf());
        for (RiskStore.BreachRecord b : affected) {
            if (b.limitId().equals(limitId)) {
                resolve(new RiskCommands.Resolve(b.breachId(), "limit deleted", BreachLog.ENGINE_ACTOR), nowNanos);
            }
        }
    }

    /**
     * Resolves the open live breaches of portfolios that have no book (after the start-up sync: the Portfolio
     * engine does not have them, so nothing can be in breach there).
     */
    void resolveOrphans(java.util.Set<String> portfolios, long nowNanos) {
        for (RiskStore.BreachRecord b : new ArrayList<>(log.open())) {
            if (!portfolios.contains(b.portfolioId())) {
                resolve(new RiskCommands.Resolve(b.breachId(), "auto: the Portfolio engine has no such portfolio",
                        BreachLog.ENGINE_ACTOR), nowNanos);
            }
        }
    }

    /** Open live breaches (what-if ones are not counted). */
    int openCount() {
        return log.openCount();
    }

    /** Open what-if breaches. */
    int openWhatIfCount() {
        return log.openWhatIfCount();
    }

    /** The what-if breaches kept in memory, newest first (see {@link BreachLog#whatIf}). */
    java.util.List<RiskStore.BreachRecord> whatIf(String portfolioId, boolean openOnly, int limit) {
        return log.whatIf(portfolioId, openOnly, limit);
    }

    /** Writes the what-if breaches kept in memory to the store (at stop). */
    void saveWhatIf() {
        log.saveWhatIf();
    }

    /** The group commit of the batch's transitions (see {@link BreachLog#commit()}). */
    void commit() {
        log.commit();
    }
}
