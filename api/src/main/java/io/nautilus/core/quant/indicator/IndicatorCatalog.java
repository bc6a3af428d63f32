package io.nautilus.core.quant.indicator;

import static io.nautilus.core.quant.indicator.BarInput.CLOSE;
import static io.nautilus.core.quant.indicator.BarInput.HIGH;
import static io.nautilus.core.quant.indicator.BarInput.LOW;
import static io.nautilus.core.quant.indicator.BarInput.OPEN;
import static io.nautilus.core.quant.indicator.BarInput.VOLUME;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The catalog of streaming indicators: names, parameters (defaults and inclusive ranges), required inputs,
 * output names and conventions, and factories that validate parameters. Immutable and thread-safe; use
 * {@link #standard()}.
 *
 * <p>Conventions shared by every indicator: values are absent ({@code NaN}, {@link Indicator#isReady()}
 * false) until enough bars have arrived, never guessed; EMAs and Wilder averages are seeded TA-Lib style
 * with the simple mean of their first {@code period} inputs; standard deviations are stated per indicator.
 * A ready indicator reports {@code NaN} at a bar where a terminal ratio is undefined (zero denominator);
 * ratios that feed a further average (stochastic raw %K, +DI/-DI, DX) follow TA-Lib and are 0 there.
 *
 * <table>
 * <caption>Indicators, outputs and conventions (n = period)</caption>
 * <tr><th>name</th><th>outputs</th><th>inputs</th><th>warm-up (bars)</th><th>units</th><th>conventions</th></tr>
 * <tr><td>sma</td><td>sma_n</td><td>C</td><td>n</td><td>price</td><td>plain mean</td></tr>
 * <tr><td>ema</td><td>ema_n</td><td>C</td><td>n</td><td>price</td><td>alpha 2/(n+1), SMA seed</td></tr>
 * <tr><td>wma</td><td>wma_n</td><td>C</td><td>n</td><td>price</td><td>weights 1..n</td></tr>
 * <tr><td>dema</td><td>dema_n</td><td>C</td><td>2n-1</td><td>price</td><td>2E1-E2, each EMA SMA-seeded</td></tr>
 * <tr><td>tema</td><td>tema_n</td><td>C</td><td>3n-2</td><td>price</td><td>3E1-3E2+E3, each EMA SMA-seeded</td></tr>
 * <tr><td>kama</td><td>kama_n</td><td>C</td><td>n+1</td><td>price</td><td>TA-Lib seed: previous close</td></tr>
 * <tr><td>rsi</td><td>rsi_n</td><td>C</td><td>n+1</td><td>percent</td><td>Wilder, SMA seed</td></tr>
 * <tr><td>macd</td><td>macd, macd_signal, macd_histogram</td><td>C</td><td>slow (line), slow+signal-1</td>
 *     <td>price</td><td>signal = EMA of the line; standalone SMA-seeded EMAs</td></tr>
 * <tr><td>bbands</td><td>bb_upper, bb_middle, bb_lower, bb_percent_b, bb_bandwidth</td><td>C</td><td>n</td>
 *     <td>price; %b and bandwidth fractions</td><td>population std</td></tr>
 * <tr><td>atr</td><td>atr_n</td><td>HLC</td><td>n+1</td><td>price</td><td>TR from bar 2, Wilder, SMA seed</td></tr>
 * <tr><td>adx</td><td>adx_n, plus_di_n, minus_di_n</td><td>HLC</td><td>n+1 (DI), 2n (ADX)</td><td>percent</td>
 *     <td>Wilder, SMA seeds</td></tr>
 * <tr><td>stoch</td><td>stoch_k, stoch_d</td><td>HLC</td><td>n+smooth_k-1 (K), n+smooth_k+d_period-2 (D)</td>
 *     <td>percent</td><td>SMA smoothing; zero range gives raw %K 0</td></tr>
 * <tr><td>willr</td><td>willr_n</td><td>HLC</td><td>n</td><td>percent [-100, 0]</td><td></td></tr>
 * <tr><td>cci</td><td>cci_n</td><td>HLC</td><td>n</td><td>unitless</td><td>0.015, mean absolute deviation; O(n)</td></tr>
 * <tr><td>roc</td><td>roc_n</td><td>C</td><td>n+1</td><td>percent</td><td></td></tr>
 * <tr><td>mom</td><td>mom_n</td><td>C</td><td>n+1</td><td>price</td><td></td></tr>
 * <tr><td>obv</td><td>obv</td><td>CV</td><td>1</td><td>volume</td><td>starts at the first volume (TA-Lib)</td></tr>
 * <tr><td>vwap</td><td>vwap</td><td>HLCV</td><td>1 per session</td><td>price</td><td>typical price, resets on
 *     session start</td></tr>
 * <tr><td>mfi</td><td>mfi_n</td><td>HLCV</td><td>n+1</td><td>percent</td><td>typical-price flows, plain sums</td></tr>
 * <tr><td>keltner</td><td>keltner_upper, keltner_middle, keltner_lower</td><td>HLC</td>
 *     <td>max(n, atr_period+1)</td><td>price</td><td>EMA(close) +/- multiplier ATR</td></tr>
 * <tr><td>donchian</td><td>donchian_upper, donchian_middle, donchian_lower</td><td>HL</td><td>n</td><td>price</td>
 *     <td>current bar included</td></tr>
 * <tr><td>psar</td><td>psar</td><td>HL</td><td>2</td><td>price</td><td>TA-Lib SAR start and rules</td></tr>
 * <tr><td>aroon</td><td>aroon_up, aroon_down, aroon_oscillator</td><td>HL</td><td>n+1</td><td>percent</td>
 *     <td>n+1-bar window, ties to the latest bar</td></tr>
 * <tr><td>cmo</td><td>cmo_n</td><td>C</td><td>n+1</td><td>percent</td><td>Chande's plain sums (not TA-Lib's Wilder)</td></tr>
 * <tr><td>trix</td><td>trix_n</td><td>C</td><td>3n-1</td><td>percent per bar</td><td>ROC(1) of triple EMA, SMA seeds</td></tr>
 * <tr><td>zscore</td><td>zscore_n</td><td>C</td><td>n</td><td>std devs</td><td>population std</td></tr>
 * <tr><td>log_return</td><td>log_return</td><td>C</td><td>2</td><td>fraction per bar</td><td>ln(C/C[1])</td></tr>
 * <tr><td>vol_close</td><td>vol_close_n</td><td>C</td><td>n+1</td><td>annualized fraction</td>
 *     <td>sample std of n log returns</td></tr>
 * <tr><td>vol_parkinson</td><td>vol_parkinson_n</td><td>HL</td><td>n</td><td>annualized fraction</td>
 *     <td>zero drift</td></tr>
 * <tr><td>vol_garman_klass</td><td>vol_garman_klass_n</td><td>OHLC</td><td>n</td><td>annualized fraction</td>
 *     <td>zero drift, no overnight term</td></tr>
 * <tr><td>vol_rogers_satchell</td><td>vol_rogers_satchell_n</td><td>OHLC</td><td>n</td>
 *     <td>annualized fraction</td><td>drift-independent</td></tr>
 * <tr><td>vol_yang_zhang</td><td>vol_yang_zhang_n</td><td>OHLC</td><td>n+1</td><td>annualized fraction</td>
 *     <td>sample variances, k = 0.34/(1.34+(n+1)/(n-1))</td></tr>
 * </table>
 * Annualized estimators multiply variances by {@code periods_per_year} (default 252).
 */
public final class IndicatorCatalog {

    private static final double MAX_PERIODS_PER_YEAR = 1e8;
    private static final IndicatorCatalog STANDARD = new IndicatorCatalog(standardSpecs());

    private final Map<String, IndicatorSpec> specs;

    private IndicatorCatalog(List<IndicatorSpec> specs) {
        Map<String, IndicatorSpec> byName = new LinkedHashMap<>();
        for (IndicatorSpec spec : specs) {
            byName.put(spec.name(), spec);
        }
        this.specs = java.util.Collections.unmodifiableMap(byName);
    }

    /** The catalog of all indicators in this package. */
    public static IndicatorCatalog standard() {
        return STANDARD;
    }

    /** All entries, in catalog order. */
    public List<IndicatorSpec> specs() {
        return List.copyOf(specs.values());
    }

    /** Catalog names, in catalog order. */
    public List<String> names() {
        return List.copyOf(specs.keySet());
    }

    /** @throws IllegalArgumentException naming the indicator when it is unknown */
    public IndicatorSpec spec(String name) {
        IndicatorSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown indicator '" + name + "'; known: " + specs.keySet());
        }
        return spec;
    }

    /** Creates one indicator; see {@link IndicatorSpec#create(Map)}. */
    public Indicator create(String name, Map<String, Double> params) {
        return spec(name).create(params);
    }

    /** Creates one indicator from a request. */
    public Indicator create(IndicatorRequest request) {
        return create(request.name(), request.params());
    }

    /**
     * Creates a set holding one fresh indicator per request, in request order.
     *
     * @throws IllegalArgumentException for an unknown name, a bad parameter or two outputs with the same name
     */
    public IndicatorSet createSet(List<IndicatorRequest> requests) {
        List<Indicator> indicators = new ArrayList<>(requests.size());
        for (IndicatorRequest request : requests) {
            indicators.add(create(request));
        }
        return new IndicatorSet(indicators);
    }

    private static List<IndicatorSpec> standardSpecs() {
        Set<BarInput> c = Set.of(CLOSE);
        Set<BarInput> hl = Set.of(HIGH, LOW);
        Set<BarInput> hlc = Set.of(HIGH, LOW, CLOSE);
        Set<BarInput> ohlc = Set.of(OPEN, HIGH, LOW, CLOSE);
        String sma = "Simple mean of the last n values.";
        String emaSeed = "EMA alpha 2/(n+1), seeded with the SMA of the first n inputs (TA-Lib).";
        String wilder = "Wilder smoothing alpha 1/n, seeded with the SMA of the first n inputs (TA-Lib).";
        String annualized = "Annualized fraction: variance times periods_per_year, then square root.";
        List<IndicatorSpec> all = new ArrayList<>();
        all.add(single("sma", "Simple moving average of the close", 20, 1, c, sma, p -> new Sma(i(p[0]))));
        all.add(single("ema", "Exponential moving average of the close", 20, 1, c, emaSeed,
                p -> new Ema(i(p[0]))));
        all.add(single("wma", "Linearly weighted moving average of the close", 20, 1, c,
                "Weights 1..n, newest heaviest.", p -> new Wma(i(p[0]))));
        all.add(single("dema", "Double exponential moving average", 20, 1, c,
                "2 EMA - EMA(EMA); " + emaSeed + " Warm-up 2n-1 bars.", p -> new Dema(i(p[0]))));
        all.add(single("tema", "Triple exponential moving average", 20, 1, c,
                "3 E1 - 3 E2 + E3; " + emaSeed + " Warm-up 3n-2 bars.", p -> new Tema(i(p[0]))));
        all.add(new IndicatorSpec("kama", "Kaufman adaptive moving average",
                List.of(period(10, 1), ParamSpec.period("fast", 2, 1, "fast EMA length of the smoothing constant"),
                        ParamSpec.period("slow", 30, 1, "slow EMA length of the smoothing constant")),
                c, List.of("kama_{period}"), "TA-Lib KAMA: first value at bar n+1 from the previous close.",
                p -> new Kama(i(p[0]), i(p[1]), i(p[2]))));
        all.add(single("rsi", "Relative strength index (percent)", 14, 1, c,
                wilder + " Warm-up n+1 bars.", p -> new Rsi(i(p[0]))));
        all.add(new IndicatorSpec("macd", "Moving average convergence/divergence",
                List.of(ParamSpec.period("fast", 12, 1, "fast EMA length"),
                        ParamSpec.period("slow", 26, 2, "slow EMA length (> fast)"),
                        ParamSpec.period("signal", 9, 1, "signal EMA length over the MACD line")),
                c, List.of("macd", "macd_signal", "macd_histogram"),
                emaSeed + " Line after slow bars, signal after slow+signal-1.",
                p -> new Macd(i(p[0]), i(p[1]), i(p[2]))));
        all.add(new IndicatorSpec("bbands", "Bollinger Bands",
                List.of(period(20, 1), ParamSpec.real("k", 2, 0.01, 10, "band width in standard deviations")),
                c, List.of("bb_upper", "bb_middle", "bb_lower", "bb_percent_b", "bb_bandwidth"),
                "Population standard deviation; %b and bandwidth are fractions.",
                p -> new BollingerBands(i(p[0]), p[1])));
        all.add(single("atr", "Average true range", 14, 1, hlc,
                "True range from bar 2; " + wilder + " Warm-up n+1 bars.", p -> new Atr(i(p[0]))));
        all.add(new IndicatorSpec("adx", "Average directional index with +DI and -DI", List.of(period(14, 1)),
                hlc, List.of("adx_{period}", "plus_di_{period}", "minus_di_{period}"),
                wilder + " DI after n+1 bars, ADX after 2n.", p -> new Adx(i(p[0]))));
        all.add(new IndicatorSpec("stoch", "Stochastic oscillator %K/%D",
                List.of(period(14, 1), ParamSpec.period("smooth_k", 1, 1, "SMA length smoothing raw %K (1: fast)"),
                        ParamSpec.period("d_period", 3, 1, "SMA length of %D over %K")),
                hlc, List.of("stoch_k", "stoch_d"), "SMA smoothing; raw %K is 0 on a zero high-low range.",
                p -> new Stochastic(i(p[0]), i(p[1]), i(p[2]))));
        all.add(single("willr", "Williams %R (percent, -100..0)", 14, 1, hlc, "Current bar included.",
                p -> new WilliamsR(i(p[0]))));
        all.add(single("cci", "Commodity channel index", 20, 1, hlc,
                "Typical price, constant 0.015, mean absolute deviation.", p -> new Cci(i(p[0]))));
        all.add(single("roc", "Rate of change (percent)", 10, 1, c, "100 (C - C[n]) / C[n].",
                p -> new Roc(i(p[0]))));
        all.add(single("mom", "Momentum (price units)", 10, 1, c, "C - C[n].", p -> new Momentum(i(p[0]))));
        all.add(new IndicatorSpec("obv", "On-balance volume", List.of(), Set.of(CLOSE, VOLUME), List.of("obv"),
                "Starts at the first bar's volume (TA-Lib).", p -> new Obv()));
        all.add(new IndicatorSpec("vwap", "Session volume-weighted average price", List.of(),
                Set.of(HIGH, LOW, CLOSE, VOLUME), List.of("vwap"),
                "Typical price weighted by volume, reset at each session start.", p -> new Vwap()));
        all.add(new IndicatorSpec("mfi", "Money flow index (percent)", List.of(period(14, 1)),
                Set.of(HIGH, LOW, CLOSE, VOLUME), List.of("mfi_{period}"),
                "Typical-price money flow, plain sums over n changes. Warm-up n+1 bars.",
                p -> new Mfi(i(p[0]))));
        all.add(new IndicatorSpec("keltner", "Keltner Channels",
                List.of(period(20, 1), ParamSpec.period("atr_period", 10, 1, "ATR length"),
                        ParamSpec.real("multiplier", 2, 0.01, 10, "ATR multiples from the middle line")),
                hlc, List.of("keltner_upper", "keltner_middle", "keltner_lower"),
                "Middle = EMA(close) (SMA seed), bands = middle +/- multiplier ATR (Wilder, SMA seed).",
                p -> new KeltnerChannels(i(p[0]), i(p[1]), p[2])));
        all.add(new IndicatorSpec("donchian", "Donchian Channels", List.of(period(20, 1)), hl,
                List.of("donchian_upper", "donchian_middle", "donchian_lower"),
                "Highest high and lowest low of the last n bars, current included.",
                p -> new DonchianChannels(i(p[0]))));
        all.add(new IndicatorSpec("psar", "Parabolic SAR",
                List.of(ParamSpec.real("acceleration", 0.02, 0.001, 1, "start and step of the acceleration factor"),
                        ParamSpec.real("maximum", 0.2, 0.001, 1, "cap of the acceleration factor")),
                hl, List.of("psar"), "TA-Lib SAR initialisation and rules.",
                p -> new ParabolicSar(p[0], p[1])));
        all.add(new IndicatorSpec("aroon", "Aroon up/down/oscillator (percent)", List.of(period(25, 1)), hl,
                List.of("aroon_up", "aroon_down", "aroon_oscillator"),
                "Window of n+1 bars, ties to the most recent bar (TA-Lib).", p -> new Aroon(i(p[0]))));
        all.add(single("cmo", "Chande momentum oscillator (percent)", 14, 1, c,
                "Chande's plain sums of up and down changes (TA-Lib uses Wilder smoothing).",
                p -> new Cmo(i(p[0]))));
        all.add(single("trix", "TRIX: one-bar ROC of a triple EMA (percent)", 15, 1, c,
                emaSeed + " Warm-up 3n-1 bars.", p -> new Trix(i(p[0]))));
        all.add(single("zscore", "Z-score of the close in its window", 20, 2, c,
                "(C - SMA) / population standard deviation.", p -> new ZScore(i(p[0]))));
        all.add(new IndicatorSpec("log_return", "One-bar log return", List.of(), c, List.of("log_return"),
                "ln(C / C[1]), a per-bar fraction.", p -> new LogReturn()));
        all.add(volatility("vol_close", "Close-to-close volatility", 2, c,
                "Sample standard deviation of n log returns. " + annualized,
                p -> new CloseToCloseVolatility(i(p[0]), p[1])));
        all.add(volatility("vol_parkinson", "Parkinson high-low volatility", 1, hl,
                "mean(ln(H/L)^2) / (4 ln 2). " + annualized, p -> new ParkinsonVolatility(i(p[0]), p[1])));
        all.add(volatility("vol_garman_klass", "Garman-Klass volatility", 1, ohlc,
                "mean(0.5 ln(H/L)^2 - (2 ln 2 - 1) ln(C/O)^2). " + annualized,
                p -> new GarmanKlassVolatility(i(p[0]), p[1])));
        all.add(volatility("vol_rogers_satchell", "Rogers-Satchell volatility", 1, ohlc,
                "mean(ln(H/C) ln(H/O) + ln(L/C) ln(L/O)). " + annualized,
                p -> new RogersSatchellVolatility(i(p[0]), p[1])));
        all.add(volatility("vol_yang_zhang", "Yang-Zhang volatility", 2, ohlc,
                "Sample variances of overnight and open-to-close returns plus Rogers-Satchell. " + annualized,
                p -> new YangZhangVolatility(i(p[0]), p[1])));
        return all;
    }

    private static IndicatorSpec single(String name, String description, int defaultPeriod, int minPeriod,
            Set<BarInput> inputs, String conventions, Function<double[], Indicator> factory) {
        return new IndicatorSpec(name, description, List.of(period(defaultPeriod, minPeriod)), inputs,
                List.of(name + "_{period}"), conventions, factory);
    }

    private static IndicatorSpec volatility(String name, String description, int minPeriod, Set<BarInput> inputs,
            String conventions, Function<double[], Indicator> factory) {
        return new IndicatorSpec(name, description,
                List.of(period(20, minPeriod), ParamSpec.real("periods_per_year", 252, 1, MAX_PERIODS_PER_YEAR,
                        "bars per year used to annualize (252 for daily bars)")),
                inputs, List.of(name + "_{period}"), conventions, factory);
    }

    private static ParamSpec period(int defaultValue, int min) {
        return ParamSpec.period("period", defaultValue, min, "window length in bars");
    }

    private static int i(double value) {
        return (int) value;
    }
}
