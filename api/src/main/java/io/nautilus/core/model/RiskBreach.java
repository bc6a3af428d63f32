package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.finite;
import static io.nautilus.core.model.Checks.notBlank;
import static io.nautilus.core.model.Checks.notNull;
import static io.nautilus.core.model.Checks.timestamp;

/**
 * A limit at or over its warning or breach threshold. Published at CRITICAL priority on
 * {@code risk.breach.<portfolio>}. Immutable and thread-safe.
 *
 * @param breachId      unique id
 * @param portfolioId   portfolio concerned
 * @param limitId       the limit
 * @param limitType     the limit's type, e.g. {@code leverage}
 * @param severity      on the seed's scale (see {@link Severity})
 * @param value         measured value, in the limit's unit
 * @param limitValue    the limit, in the same unit
 * @param utilisationPct value / limit in percent
 * @param resolved      true once resolved
 * @param tsNanos       detection time, epoch nanoseconds
 */
public record RiskBreach(String breachId, String portfolioId, String limitId, String limitType, Severity severity,
                         double value, double limitValue, double utilisationPct, boolean resolved, long tsNanos) {
    public RiskBreach {
        notBlank("breach_id", breachId);
        notBlank("portfolio_id", portfolioId);
        notBlank("limit_id", limitId);
        notBlank("limit_type", limitType);
        notNull("severity", severity);
        finite("value", value);
        finite("limit_value", limitValue);
        finite("utilisation_pct", utilisationPct);
        timestamp("ts_nanos", tsNanos);
    }
}
