package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.finite;
import static io.nautilus.core.model.Checks.inRange;
import static io.nautilus.core.model.Checks.notBlank;
import static io.nautilus.core.model.Checks.validSymbol;
import static io.nautilus.core.model.Checks.timestamp;

/**
 * A model's output for one symbol. Immutable and thread-safe.
 *
 * @param modelId    model identifier with version, e.g. {@code garch-vol@3}
 * @param symbol     instrument symbol
 * @param kind       what is predicted: {@code volatility}, {@code regime}, {@code return}, ...
 * @param value      the predicted value, in the unit the kind documents (volatility: annualized fraction)
 * @param confidence in [0, 1]
 * @param horizon    forecast horizon in bars of the model's interval, &gt;= 1
 * @param tsNanos    prediction time, epoch nanoseconds
 */
public record Prediction(String modelId, String symbol, String kind, double value, double confidence, int horizon,
                         long tsNanos) {
    public Prediction {
        notBlank("model_id", modelId);
        validSymbol("symbol", symbol);
        notBlank("kind", kind);
        finite("value", value);
        inRange("confidence", confidence, 0, 1);
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        timestamp("ts_nanos", tsNanos);
    }
}
