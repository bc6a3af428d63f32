package io.nautilus.engine.features.fundamental;

/**
 * Fundamentals of one company as posted by a client; every field is optional ({@code null} when unknown).
 * Amounts are in one currency (the listing currency), flows are trailing twelve months. Validated on
 * construction: every given value finite; price, market cap and shares outstanding &gt; 0; sales and debt
 * &gt;= 0 (earnings, book value and equity may be negative). Immutable and thread-safe.
 *
 * @param price             share price, currency per share
 * @param marketCap         market capitalization, currency
 * @param sharesOutstanding shares outstanding, count
 * @param eps               earnings per share (trailing twelve months), currency per share
 * @param bookValue         book value of equity, currency
 * @param bookValuePerShare book value of equity per share, currency per share
 * @param sales             revenue (trailing twelve months), currency
 * @param netIncome         net income (trailing twelve months), currency
 * @param equity            total shareholders' equity, currency (the same quantity as book value)
 * @param debt              total debt, currency
 * @param peRatio           price/earnings as reported by the client, a multiple
 * @param pbRatio           price/book as reported by the client, a multiple
 * @param psRatio           price/sales as reported by the client, a multiple
 */
public record Fundamentals(Double price, Double marketCap, Double sharesOutstanding, Double eps, Double bookValue,
                           Double bookValuePerShare, Double sales, Double netIncome, Double equity, Double debt,
                           Double peRatio, Double pbRatio, Double psRatio) {

    public Fundamentals {
        positive("price", price);
        positive("market_cap", marketCap);
        positive("shares_outstanding", sharesOutstanding);
        finite("eps", eps);
        finite("book_value", bookValue);
        finite("book_value_per_share", bookValuePerShare);
        nonNegative("sales", sales);
        finite("net_income", netIncome);
        finite("equity", equity);
        nonNegative("debt", debt);
        finite("pe_ratio", peRatio);
        finite("pb_ratio", pbRatio);
        finite("ps_ratio", psRatio);
    }

    /** Nothing known. */
    public static Fundamentals empty() {
        return new Fundamentals(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static void finite(String field, Double v) {
        if (v != null && !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + v);
        }
    }

    private static void positive(String field, Double v) {
        finite(field, v);
        if (v != null && v <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + v);
        }
    }

    private static void nonNegative(String field, Double v) {
        finite(field, v);
        if (v != null && v < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + v);
        }
    }
}
