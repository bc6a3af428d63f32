package io.nautilus.engine.risk;

import io.nautilus.engine.risk.limit.LimitEvaluation;

import java.time.Instant;

/** JSON views of the risk engine's answers (snake_case on the wire). Immutable. */
public final class RiskViews {
    private RiskViews() {
    }

    /** ISO-8601 UTC time of epoch nanoseconds. */
    static String iso(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
                .toString();
    }

    /**
     * A breach in the seed's shape ({@code breach_percentage} = value / limit in percent), plus portfolio, limit
     * type and {@code what_if} (found by a what-if check, not by the live monitor).
     */
    public record BreachView(String breachId, String portfolioId, String limitId, String limitType, String breachTime,
                             String severity, double breachValue, double limitValue, double breachPercentage,
                             boolean resolved, String resolutionTime, String actionTaken, String resolvedBy,
                             boolean whatIf) {
        static BreachView of(RiskStore.BreachRecord b) {
            return new BreachView(b.breachId(), b.portfolioId(), b.limitId(), b.limitType(), iso(b.breachTimeNanos()),
                    b.severity().name(), b.value(), b.limitValue(), b.utilisationPct(), b.resolved(),
                    b.resolutionTimeNanos() == null ? null : iso(b.resolutionTimeNanos()), b.actionTaken(),
                    b.resolvedBy(), b.whatIf());
        }
    }

    /** One limit measured: value and limit in the type's unit, utilisation in percent (null without data). */
    public record EvaluationView(String limitId, String limitType, String scope, String unit, Double value,
                                 double limitValue, Double utilisationPct, String status, String severity) {
        static EvaluationView of(LimitEvaluation e) {
            return new EvaluationView(e.limit().limitId(), e.limit().type().wireName(), e.limit().scope().wireName(),
                    e.limit().type().unit(), Double.isNaN(e.value()) ? null : e.value(), e.limit().limitValue(),
                    Double.isNaN(e.utilisationPct()) ? null : e.utilisationPct(), e.status().name(),
                    e.severity() == null ? null : e.severity().name());
        }
    }

    /** An audit entry with its old and new values as JSON text. */
    public record AuditView(String entityType, String entityId, String action, String actor, String time,
                            String oldValue, String newValue) {
        static AuditView of(RiskStore.AuditEntry a) {
            return new AuditView(a.entityType(), a.entityId(), a.action(), a.actor(), iso(a.tsNanos()), a.oldValue(),
                    a.newValue());
        }
    }

    /**
     * A breach prediction for one limit: the probability that tomorrow's loss exceeds the loss that would breach it.
     *
     * @param threshold loss in currency that would breach the limit tomorrow
     * @param sigma     forecast standard deviation of tomorrow's P&amp;L, currency
     */
    public record PredictionView(String limitId, String limitType, double threshold, double sigma, double probability,
                                 boolean alert) {
    }

    /** All breach predictions of a portfolio. */
    public record PortfolioPrediction(String portfolioId, String model, String time, double sigma,
                                      java.util.List<PredictionView> limits) {
    }
}
