package io.nautilus.core.quant.indicator;

import java.util.Locale;

/** The bar fields an indicator may read. Immutable and thread-safe. */
public enum BarInput {
    OPEN, HIGH, LOW, CLOSE, VOLUME;

    /** Lower-case name as used in requests and error messages, such as {@code high}. */
    public String fieldName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
