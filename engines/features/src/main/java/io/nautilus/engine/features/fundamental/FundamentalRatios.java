package io.nautilus.engine.features.fundamental;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Valuation and quality ratios from posted {@link Fundamentals}. A ratio is computed only from inputs that were
 * given; when they are missing or make the ratio undefined (a non-positive denominator) it is omitted with the
 * reason, never invented. Each ratio tries its inputs in a fixed order and stops at the first path whose
 * inputs are all present:
 * <table>
 * <caption>Ratios, formulas and units</caption>
 * <tr><th>feature</th><th>formula (first available)</th><th>unit</th></tr>
 * <tr><td>pe_ratio</td><td>price / eps; market_cap / net_income; reported pe_ratio</td><td>multiple</td></tr>
 * <tr><td>earnings_yield</td><td>eps / price; net_income / market_cap; 1 / reported pe_ratio</td>
 *     <td>fraction per year</td></tr>
 * <tr><td>pb_ratio</td><td>price / book_value_per_share; market_cap / book_value (or equity); reported</td>
 *     <td>multiple</td></tr>
 * <tr><td>ps_ratio</td><td>market_cap / sales; reported</td><td>multiple</td></tr>
 * <tr><td>roe</td><td>net_income / equity (or book_value)</td><td>fraction per year</td></tr>
 * <tr><td>debt_to_equity</td><td>debt / equity (or book_value)</td><td>multiple</td></tr>
 * <tr><td>log_market_cap</td><td>ln(market_cap)</td><td>natural log of currency units</td></tr>
 * </table>
 * Market cap, when not posted, is {@code price x shares_outstanding}. P/E, P/B, P/S, ROE and debt/equity
 * need a positive denominator (a negative-earnings P/E is undefined); the earnings yield may be negative.
 * Stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class FundamentalRatios {

    public static final FundamentalRatios DEFAULT = new FundamentalRatios();

    /** Names of the features this calculator can produce, in output order. */
    public static final List<String> NAMES = List.of("pe_ratio", "earnings_yield", "pb_ratio", "ps_ratio", "roe",
            "debt_to_equity", "log_market_cap");

    private static final String MULTIPLE = "multiple";
    private static final String FRACTION = "fraction per year";

    /**
     * The ratios of {@code f}: computed ones in {@link #NAMES} order, and the omitted ones with the reason.
     *
     * @param features computed features
     * @param omitted  feature name to why it was omitted
     */
    public record Result(List<FundamentalFeature> features, Map<String, String> omitted) {
        public Result {
            features = List.copyOf(features);
            omitted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(omitted));
        }

        /** Feature name to value, in order. */
        public Map<String, Double> values() {
            var out = new LinkedHashMap<String, Double>();
            for (FundamentalFeature f : features) {
                out.put(f.name(), f.value());
            }
            return out;
        }
    }

    public Result compute(Fundamentals f) {
        var out = new Builder();
        Double marketCap = f.marketCap();
        String capFormula = "market_cap";
        if (marketCap == null && f.price() != null && f.sharesOutstanding() != null) {
            marketCap = f.price() * f.sharesOutstanding();
            capFormula = "price * shares_outstanding";
        }
        Double bookEquity = f.bookValue() != null ? f.bookValue() : f.equity();
        Double equity = f.equity() != null ? f.equity() : f.bookValue();

        if (f.price() != null && f.eps() != null) {
            out.ratio("pe_ratio", f.price(), f.eps(), MULTIPLE, "price / eps", "eps");
            out.add("earnings_yield", f.eps() / f.price(), FRACTION, "eps / price");
        } else if (marketCap != null && f.netIncome() != null) {
            out.ratio("pe_ratio", marketCap, f.netIncome(), MULTIPLE, capFormula + " / net_income", "net_income");
            out.add("earnings_yield", f.netIncome() / marketCap, FRACTION, "net_income / " + capFormula);
        } else if (f.peRatio() != null && f.peRatio() > 0) {
            out.add("pe_ratio", f.peRatio(), MULTIPLE, "reported");
            out.add("earnings_yield", 1 / f.peRatio(), FRACTION, "1 / reported pe_ratio");
        } else {
            String why = f.peRatio() != null ? "reported pe_ratio is not positive"
                    : "needs price and eps, or market_cap (or price and shares_outstanding) and net_income";
            out.omit("pe_ratio", why);
            out.omit("earnings_yield", why);
        }

        if (f.price() != null && f.bookValuePerShare() != null) {
            out.ratio("pb_ratio", f.price(), f.bookValuePerShare(), MULTIPLE, "price / book_value_per_share",
                    "book_value_per_share");
        } else if (marketCap != null && bookEquity != null) {
            out.ratio("pb_ratio", marketCap, bookEquity, MULTIPLE, capFormula + " / book_value", "book_value");
        } else {
            out.reportedOr("pb_ratio", f.pbRatio(),
                    "needs price and book_value_per_share, or market_cap and book_value (or equity)");
        }

        if (marketCap != null && f.sales() != null) {
            out.ratio("ps_ratio", marketCap, f.sales(), MULTIPLE, capFormula + " / sales", "sales");
        } else {
            out.reportedOr("ps_ratio", f.psRatio(), "needs market_cap (or price and shares_outstanding) and sales");
        }

        if (f.netIncome() != null && equity != null) {
            out.ratio("roe", f.netIncome(), equity, FRACTION, "net_income / equity", "equity");
        } else {
            out.omit("roe", "needs net_income and equity (or book_value)");
        }

        if (f.debt() != null && equity != null) {
            out.ratio("debt_to_equity", f.debt(), equity, MULTIPLE, "debt / equity", "equity");
        } else {
            out.omit("debt_to_equity", "needs debt and equity (or book_value)");
        }

        if (marketCap != null) {
            out.add("log_market_cap", Math.log(marketCap), "natural log of currency units", "ln(" + capFormula + ")");
        } else {
            out.omit("log_market_cap", "needs market_cap, or price and shares_outstanding");
        }
        return out.build();
    }

    private static final class Builder {
        private final Map<String, FundamentalFeature> features = new LinkedHashMap<>();
        private final Map<String, String> omitted = new LinkedHashMap<>();

        void add(String name, double value, String unit, String formula) {
            features.put(name, new FundamentalFeature(name, value, unit, formula));
        }

        void omit(String name, String reason) {
            omitted.put(name, reason);
        }

        /** numerator / denominator when the denominator is positive, else omitted naming the denominator. */
        void ratio(String name, double numerator, double denominator, String unit, String formula, String field) {
            if (denominator > 0) {
                add(name, numerator / denominator, unit, formula);
            } else {
                omit(name, field + " is not positive (" + denominator + "): " + name + " is undefined");
            }
        }

        void reportedOr(String name, Double reported, String why) {
            if (reported != null && reported > 0) {
                add(name, reported, MULTIPLE, "reported");
            } else {
                omit(name, reported != null ? "reported " + name + " is not positive" : why);
            }
        }

        Result build() {
            List<FundamentalFeature> ordered = new ArrayList<>();
            for (String name : NAMES) {
                FundamentalFeature f = features.get(name);
                if (f != null) {
                    ordered.add(f);
                }
            }
            var om = new LinkedHashMap<String, String>();
            for (String name : NAMES) {
                if (omitted.containsKey(name)) {
                    om.put(name, omitted.get(name));
                }
            }
            return new Result(ordered, om);
        }
    }
}
