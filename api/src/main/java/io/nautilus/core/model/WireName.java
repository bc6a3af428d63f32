package io.nautilus.core.model;

import java.util.List;
import java.util.Locale;

/**
 * An enum with a name on the wire (JSON, query parameters, settings, the store): by default the constant's name in
 * lower case ({@code MIN_VARIANCE} is {@code min_variance}). Parsed once for every enum by {@link WireNames#parse},
 * case-insensitively, with {@code -} read as {@code _} and the {@link #aliases()} accepted too.
 */
public interface WireName {
    /** The name written on the wire. */
    default String wireName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** Other names read as this constant (older clients' spellings), in any case. */
    default List<String> aliases() {
        return List.of();
    }
}
