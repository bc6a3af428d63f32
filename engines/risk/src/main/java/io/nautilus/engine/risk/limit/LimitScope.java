package io.nautilus.engine.risk.limit;

import java.util.Locale;

/**
 * Which positions a limit looks at.
 * <ul>
 *   <li>{@link #GLOBAL}: every portfolio, each evaluated on its own positions.</li>
 *   <li>{@link #PORTFOLIO}: one portfolio's positions.</li>
 *   <li>{@link #SYMBOL}: one symbol's position (in one portfolio, or in each portfolio when none is named).</li>
 *   <li>{@link #SECTOR}: the positions of one sector (by the reference data), in one or every portfolio.</li>
 * </ul>
 */
public enum LimitScope {
    GLOBAL, PORTFOLIO, SYMBOL, SECTOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitive. */
    public static LimitScope parse(String name) {
        for (LimitScope s : values()) {
            if (s.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("scope must be one of global, portfolio, symbol, sector; got '" + name + "'");
    }
}
