package io.nautilus.engine.risk.limit;

/** The classifications of a symbol that exposures are bucketed by. */
enum Dimension {
    SECTOR, COUNTRY, CURRENCY;

    static final Dimension[] ALL = values();

    String of(SymbolInfo info) {
        return switch (this) {
            case SECTOR -> info.sector();
            case COUNTRY -> info.country();
            case CURRENCY -> info.currency();
        };
    }
}
