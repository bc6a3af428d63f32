package io.nautilus.engine.features.fundamental;

/**
 * One computed fundamental feature. Immutable and thread-safe.
 *
 * @param name    feature name, such as {@code pe_ratio}
 * @param value   finite value
 * @param unit    unit of the value, such as {@code multiple} or {@code fraction}
 * @param formula how it was obtained from the inputs, such as {@code price / eps}, or {@code reported} when a
 *                posted ratio was passed through because its inputs were missing
 */
public record FundamentalFeature(String name, double value, String unit, String formula) {
    public FundamentalFeature {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }
}
