package io.nautilus.engine.risk.limit;

import io.nautilus.core.model.WireName;

/**
 * Which positions a limit looks at.
 * <ul>
 *   <li>{@link #GLOBAL}: every portfolio, each evaluated on its own positions.</li>
 *   <li>{@link #PORTFOLIO}: one portfolio's positions.</li>
 *   <li>{@link #SYMBOL}: one symbol's position (in one portfolio, or in each portfolio when none is named).</li>
 *   <li>{@link #SECTOR}: the positions of one sector (by the reference data), in one or every portfolio.</li>
 * </ul>
 */
public enum LimitScope implements WireName {
    GLOBAL, PORTFOLIO, SYMBOL, SECTOR;

    /** The scope a limit without one has: symbol if it names a symbol, else sector, else portfolio, else global. */
    public static LimitScope implied(String portfolioId, String symbol, String sector) {
        return !blank(symbol) ? SYMBOL : !blank(sector) ? SECTOR : !blank(portfolioId) ? PORTFOLIO : GLOBAL;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
