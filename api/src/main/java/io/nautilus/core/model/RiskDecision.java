package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.notNull;
import static io.nautilus.core.model.Checks.timestamp;

import java.util.List;

/**
 * The risk engine's answer to an {@link OrderIntent}. Rejections carry reason codes such as
 * {@code MAX_QUANTITY}, {@code PRICE_COLLAR}, {@code LIMIT_BREACH:leverage}. Immutable and thread-safe.
 *
 * @param intent   the order checked
 * @param approved true if the order may be executed
 * @param reasons  reason codes; empty when approved without remarks
 * @param tsNanos  decision time, epoch nanoseconds
 */
public record RiskDecision(OrderIntent intent, boolean approved, List<String> reasons, long tsNanos) {
    public RiskDecision {
        notNull("intent", intent);
        reasons = List.copyOf(reasons == null ? List.of() : reasons);
        timestamp("ts_nanos", tsNanos);
        if (!approved && reasons.isEmpty()) {
            throw new IllegalArgumentException("reasons must name why an order is rejected");
        }
    }
}
