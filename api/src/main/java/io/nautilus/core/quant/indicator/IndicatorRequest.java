package io.nautilus.core.quant.indicator;

import java.util.Map;

/**
 * A request for one catalog indicator: its name and the parameters that differ from the defaults.
 * Immutable and thread-safe.
 *
 * @param name   catalog name, such as {@code rsi}
 * @param params parameter values by name; missing ones take their default
 */
public record IndicatorRequest(String name, Map<String, Double> params) {

    public IndicatorRequest {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("indicator name must be non-blank");
        }
        if (params == null) {
            params = Map.of();
        }
        for (Map.Entry<String, Double> e : params.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("parameters of indicator '" + name
                        + "' must have non-null names and values, was " + params);
            }
        }
        params = Map.copyOf(params);
    }

    public static IndicatorRequest of(String name) {
        return new IndicatorRequest(name, Map.of());
    }

    public static IndicatorRequest of(String name, Map<String, Double> params) {
        return new IndicatorRequest(name, params);
    }
}
