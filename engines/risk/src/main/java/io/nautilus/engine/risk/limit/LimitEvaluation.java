package io.nautilus.engine.risk.limit;

import io.nautilus.core.model.Severity;

/**
 * One limit measured once. Immutable and thread-safe.
 *
 * @param limit          the limit
 * @param value          the measured value in the type's unit, NaN when {@link LimitStatus#NO_DATA}
 * @param utilisationPct value / limit in percent, NaN without data
 * @param status         against the thresholds
 * @param severity       on the seed's scale ({@link Severity#of}); at least MEDIUM for a breach; {@code null} when
 *                       OK or NO_DATA
 */
public record LimitEvaluation(LimitDefinition limit, double value, double utilisationPct, LimitStatus status,
                              Severity severity) {

    /** Evaluates a measured value against a limit. */
    public static LimitEvaluation of(LimitDefinition limit, double value) {
        if (Double.isNaN(value)) {
            return new LimitEvaluation(limit, Double.NaN, Double.NaN, LimitStatus.NO_DATA, null);
        }
        double pct = value / limit.limitValue() * 100.0;
        return new LimitEvaluation(limit, value, pct, statusOf(limit, pct), severityOf(limit, pct));
    }

    /** The status of a utilisation in percent. */
    public static LimitStatus statusOf(LimitDefinition limit, double utilisationPct) {
        if (Double.isNaN(utilisationPct)) {
            return LimitStatus.NO_DATA;
        }
        if (utilisationPct >= limit.breachThreshold() * 100.0) {
            return LimitStatus.BREACH;
        }
        return utilisationPct >= limit.warningThreshold() * 100.0 ? LimitStatus.WARNING : LimitStatus.OK;
    }

    /** The severity of a utilisation: WARNING in the warning band, at least MEDIUM once breached. */
    public static Severity severityOf(LimitDefinition limit, double utilisationPct) {
        return switch (statusOf(limit, utilisationPct)) {
            case NO_DATA, OK -> null;
            case WARNING -> Severity.WARNING;
            case BREACH -> {
                Severity s = Severity.of(utilisationPct, limit.warningThreshold() * 100.0);
                yield s == null || s == Severity.WARNING ? Severity.MEDIUM : s;
            }
        };
    }
}
