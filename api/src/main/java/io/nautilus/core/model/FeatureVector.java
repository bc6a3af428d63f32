package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.finite;
import static io.nautilus.core.model.Checks.notBlank;
import static io.nautilus.core.model.Checks.validSymbol;
import static io.nautilus.core.model.Checks.timestamp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named feature values for one symbol at one bar. Only features that have a value are present (an indicator
 * still warming up is absent, never a guess). Immutable and thread-safe.
 *
 * @param symbol   instrument symbol
 * @param interval bar interval the features were computed on
 * @param tsNanos  bar end time, epoch nanoseconds
 * @param values   feature name to finite value, in a stable order
 */
public record FeatureVector(String symbol, String interval, long tsNanos, Map<String, Double> values) {
    public FeatureVector {
        validSymbol("symbol", symbol);
        notBlank("interval", interval);
        timestamp("ts_nanos", tsNanos);
        var copy = new LinkedHashMap<String, Double>(Math.max(16, values.size() * 4 / 3 + 1));
        for (var e : values.entrySet()) {
            notBlank("values key", e.getKey());
            Double v = e.getValue();
            if (v == null || !Double.isFinite(v)) {
                // the message is built only on failure: vectors are built per bar on the hot path
                finite("values." + e.getKey(), v == null ? Double.NaN : v);
            }
            copy.put(e.getKey(), v);
        }
        values = Collections.unmodifiableMap(copy);
    }
}
