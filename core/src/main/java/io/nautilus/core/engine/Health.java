package io.nautilus.core.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An engine's health: a status, the reasons it is not UP, and engine counters to show on {@code /health}.
 * Immutable and thread-safe.
 *
 * @param status  UP, DEGRADED or DOWN
 * @param reasons why the status is not UP (empty when UP)
 * @param details counters and component states, JSON-serializable values
 */
public record Health(HealthStatus status, java.util.List<String> reasons, Map<String, Object> details) {
    public Health {
        reasons = java.util.List.copyOf(reasons);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** UP with the given details. */
    public static Health up(Map<String, Object> details) {
        return new Health(HealthStatus.UP, java.util.List.of(), details);
    }

    /** DEGRADED for a reason. */
    public static Health degraded(String reason, Map<String, Object> details) {
        return new Health(HealthStatus.DEGRADED, java.util.List.of(reason), details);
    }

    /** This health combined with a component: the worse status, both reason lists. */
    public Health and(HealthStatus componentStatus, String reason) {
        if (componentStatus == HealthStatus.UP) {
            return this;
        }
        var r = new java.util.ArrayList<>(reasons);
        r.add(reason);
        return new Health(status.worst(componentStatus), r, details);
    }
}
