package io.nautilus.engine.risk.limit;

/**
 * Reference data of one symbol, as configured (never guessed). Immutable and thread-safe.
 *
 * @param sector   sector name, or {@code null} when not configured
 * @param country  country code, or {@code null}
 * @param currency currency code, or {@code null}
 * @param adv      average daily volume in units, &gt; 0, or NaN when unknown
 */
public record SymbolInfo(String sector, String country, String currency, double adv) {
    public static final SymbolInfo UNKNOWN = new SymbolInfo(null, null, null, Double.NaN);

    public SymbolInfo {
        sector = blankToNull(sector);
        country = blankToNull(country);
        currency = blankToNull(currency);
        if (!Double.isNaN(adv) && !(Double.isFinite(adv) && adv > 0)) {
            throw new IllegalArgumentException("adv must be a finite number > 0 (or absent), got " + adv);
        }
    }

    /** This info with another ADV. */
    public SymbolInfo withAdv(double newAdv) {
        return new SymbolInfo(sector, country, currency, newAdv);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
