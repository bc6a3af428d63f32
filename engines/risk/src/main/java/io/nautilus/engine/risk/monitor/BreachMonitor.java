package io.nautilus.engine.risk.monitor;

import io.nautilus.core.model.Severity;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitEvaluation;
import io.nautilus.engine.risk.limit.LimitStatus;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns successive evaluations of each (portfolio, limit) into breach transitions, with hysteresis so a value
 * hovering at a threshold does not flap.
 *
 * <p>Rules, with u the utilisation in percent and b the hysteresis band in percentage points:
 * <ul>
 *   <li>no open breach: one opens ({@link Transition#OPENED}) as soon as the evaluation has a severity (u at or
 *       over the warning threshold);</li>
 *   <li>an open breach escalates ({@link Transition#ESCALATED}) as soon as the severity rises;</li>
 *   <li>it is downgraded ({@link Transition#DOWNGRADED}) only once u is below the entry level of its current
 *       severity minus b (entry levels: warning threshold, breach threshold, 120, 150);</li>
 *   <li>it resolves ({@link Transition#RESOLVED}) once u is below the warning threshold minus b, if automatic
 *       resolution is on; otherwise it stays open at WARNING until resolved by hand;</li>
 *   <li>an evaluation without data changes nothing.</li>
 * </ul>
 * Not thread-safe: owned by the risk engine's ring thread.
 */
public final class BreachMonitor {
    /** What an evaluation did to the breach of its (portfolio, limit). */
    public enum Transition { NONE, OPENED, ESCALATED, DOWNGRADED, RESOLVED }

    /**
     * The open breach of one (portfolio, limit). Mutable, ring-thread only.
     */
    public static final class OpenBreach {
        public final String breachId;
        public final String portfolioId;
        public final String limitId;
        public final long openedNanos;
        Severity severity;
        double value;
        double utilisationPct;

        OpenBreach(String breachId, String portfolioId, String limitId, long openedNanos) {
            this.breachId = breachId;
            this.portfolioId = portfolioId;
            this.limitId = limitId;
            this.openedNanos = openedNanos;
        }

        public Severity severity() {
            return severity;
        }

        public double value() {
            return value;
        }

        public double utilisationPct() {
            return utilisationPct;
        }
    }

    /** Creates breach ids. */
    @FunctionalInterface
    public interface IdSource {
        String next();
    }

    private final Map<String, Map<String, OpenBreach>> open = new HashMap<>();
    private final double bandPct;
    private final boolean autoResolve;
    private final IdSource ids;

    /**
     * @param bandPct     hysteresis band in utilisation percentage points, in [0, 100]
     * @param autoResolve whether a breach resolves itself once the value is back under the warning threshold
     * @param ids         source of breach ids
     */
    public BreachMonitor(double bandPct, boolean autoResolve, IdSource ids) {
        if (!(bandPct >= 0 && bandPct <= 100)) {
            throw new IllegalArgumentException("hysteresis band must be in [0, 100] percentage points, got " + bandPct);
        }
        this.bandPct = bandPct;
        this.autoResolve = autoResolve;
        this.ids = ids;
    }

    /**
     * Applies one evaluation. After OPENED, ESCALATED or DOWNGRADED, {@link #open(String, String)} holds the breach
     * with its new severity and value; after RESOLVED it is gone.
     */
    public Transition update(String portfolioId, LimitEvaluation e, long nowNanos) {
        if (e.status() == LimitStatus.NO_DATA) {
            return Transition.NONE;
        }
        LimitDefinition limit = e.limit();
        Map<String, OpenBreach> byLimit = open.computeIfAbsent(portfolioId, p -> new HashMap<>());
        OpenBreach b = byLimit.get(limit.limitId());
        double u = e.utilisationPct();
        if (b == null) {
            if (e.severity() == null) {
                return Transition.NONE;
            }
            b = new OpenBreach(ids.next(), portfolioId, limit.limitId(), nowNanos);
            set(b, e.severity(), e);
            byLimit.put(limit.limitId(), b);
            return Transition.OPENED;
        }
        b.value = e.value();
        b.utilisationPct = u;
        if (e.severity() != null && e.severity().compareTo(b.severity) > 0) {
            b.severity = e.severity();
            return Transition.ESCALATED;
        }
        if (u < limit.warningThreshold() * 100.0 - bandPct) {
            if (autoResolve) {
                byLimit.remove(limit.limitId());
                return Transition.RESOLVED;
            }
            if (b.severity != Severity.WARNING) {
                b.severity = Severity.WARNING;
                return Transition.DOWNGRADED;
            }
            return Transition.NONE;
        }
        if (u < entryLevel(limit, b.severity) - bandPct && e.severity() != null && e.severity().compareTo(b.severity) < 0) {
            b.severity = e.severity();
            return Transition.DOWNGRADED;
        }
        return Transition.NONE;
    }

    /** The open breach of (portfolio, limit), or {@code null}. */
    public OpenBreach open(String portfolioId, String limitId) {
        Map<String, OpenBreach> byLimit = open.get(portfolioId);
        return byLimit == null ? null : byLimit.get(limitId);
    }

    /** Restores a breach that was open before a restart. */
    public void restore(OpenBreach b, Severity severity, double value, double utilisationPct) {
        b.severity = severity;
        b.value = value;
        b.utilisationPct = utilisationPct;
        open.computeIfAbsent(b.portfolioId, p -> new HashMap<>()).put(b.limitId, b);
    }

    /** Forgets an open breach (resolved by hand, or its limit deleted); returns it, or {@code null}. */
    public OpenBreach close(String breachId) {
        for (Map<String, OpenBreach> byLimit : open.values()) {
            for (var it = byLimit.values().iterator(); it.hasNext(); ) {
                OpenBreach b = it.next();
                if (b.breachId.equals(breachId)) {
                    it.remove();
                    return b;
                }
            }
        }
        return null;
    }

    /** Creates an open breach to restore (from the store). */
    public static OpenBreach restored(String breachId, String portfolioId, String limitId, long openedNanos) {
        return new OpenBreach(breachId, portfolioId, limitId, openedNanos);
    }

    private static void set(OpenBreach b, Severity s, LimitEvaluation e) {
        b.severity = s;
        b.value = e.value();
        b.utilisationPct = e.utilisationPct();
    }

    /** Utilisation in percent at which a severity starts for this limit. */
    static double entryLevel(LimitDefinition limit, Severity s) {
        return switch (s) {
            case WARNING -> limit.warningThreshold() * 100.0;
            case MEDIUM -> Math.min(100.0, limit.breachThreshold() * 100.0);
            case HIGH -> 120.0;
            case CRITICAL -> 150.0;
        };
    }
}
