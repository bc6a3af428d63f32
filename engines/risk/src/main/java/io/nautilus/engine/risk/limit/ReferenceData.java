package io.nautilus.engine.risk.limit;

import java.util.Map;

/**
 * Sector, country, currency and average daily volume by symbol. Symbols without an entry are
 * {@link SymbolInfo#UNKNOWN}: their exposures fall in the {@value #UNCLASSIFIED} bucket and their ADV is unknown.
 * Immutable and thread-safe.
 *
 * @param symbols info by symbol
 */
public record ReferenceData(Map<String, SymbolInfo> symbols) {
    /** Bucket name of positions whose sector, country or currency is not configured. */
    public static final String UNCLASSIFIED = "unclassified";
    public static final ReferenceData EMPTY = new ReferenceData(Map.of());

    public ReferenceData {
        symbols = Map.copyOf(symbols);
    }

    /** The info of a symbol, {@link SymbolInfo#UNKNOWN} when none is configured. */
    public SymbolInfo info(String symbol) {
        return symbols.getOrDefault(symbol, SymbolInfo.UNKNOWN);
    }
}
