package io.nautilus.engine.analytics.symbol;

import io.nautilus.core.quant.indicator.Atr;
import io.nautilus.core.quant.indicator.BollingerBands;
import io.nautilus.core.quant.indicator.Ema;
import io.nautilus.core.quant.indicator.IndicatorSet;
import io.nautilus.core.quant.indicator.Macd;
import io.nautilus.core.quant.indicator.OhlcvSeries;
import io.nautilus.core.quant.indicator.Rsi;
import io.nautilus.core.quant.indicator.SeriesCalculator;
import io.nautilus.core.quant.indicator.Sma;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The technical indicators the {@code /analytics/technical-indicators} route reports at the last bar of a daily
 * series. The math is the shared indicator library ({@code io.nautilus.core.quant.indicator}, the one the
 * Features engine streams); this class only chooses the set and names the route's keys:
 * <ul>
 *   <li>{@code sma_20}, {@code sma_50}: {@link Sma}.</li>
 *   <li>{@code ema_12}, {@code ema_26}: {@link Ema}, {@code alpha = 2 / (n + 1)} seeded with the SMA of the first
 *       n closes (TA-Lib).</li>
 *   <li>{@code rsi_14}: {@link Rsi}, Wilder smoothing seeded with the simple means of the first 14 gains and
 *       losses (TA-Lib); {@code null} when the window has neither a gain nor a loss (0 / 0).</li>
 *   <li>{@code macd}, {@code macd_signal}, {@code macd_histogram}: {@link Macd} 12/26/9.</li>
 *   <li>{@code bollinger_upper}, {@code bollinger_middle}, {@code bollinger_lower}: {@link BollingerBands} 20
 *       closes, 2 population standard deviations.</li>
 *   <li>{@code atr_14}: {@link Atr}, Wilder smoothing of the true range from the second bar, seeded with the mean
 *       of the first 14 true ranges.</li>
 * </ul>
 * An indicator without enough bars is {@code null}, never a made-up number. Stateless and thread-safe.
 */
public final class BarIndicators {

    /** Route key to the library's output name, in the route's order. */
    private static final SequencedMap<String, String> KEYS = keys();

    private BarIndicators() {
    }

    /**
     * The route's indicator set at the last bar, as a JSON-ready map ({@code null} for an indicator without a
     * value): sma_20, sma_50, ema_12, ema_26, rsi_14, macd, macd_signal, macd_histogram, bollinger_upper,
     * bollinger_middle, bollinger_lower, atr_14.
     *
     * @throws IllegalArgumentException if the arrays differ in length, a price is not finite and positive, or a
     *                                  high is below its low
     */
    public static SequencedMap<String, Double> standardSet(double[] high, double[] low, double[] close) {
        IndicatorSet set = IndicatorSet.of(new Sma(20), new Sma(50), new Ema(12), new Ema(26), new Rsi(14),
                new Macd(12, 26, 9), new BollingerBands(20, 2), new Atr(14));
        Map<String, Double> latest = SeriesCalculator.latest(new OhlcvSeries(null, high, low, close, null, null), set);
        SequencedMap<String, Double> out = new LinkedHashMap<>();
        KEYS.forEach((key, output) -> out.put(key, latest.get(output)));
        return out;
    }

    private static SequencedMap<String, String> keys() {
        SequencedMap<String, String> k = new LinkedHashMap<>();
        for (String same : new String[] {"sma_20", "sma_50", "ema_12", "ema_26", "rsi_14", "macd", "macd_signal",
                "macd_histogram"}) {
            k.put(same, same);
        }
        k.put("bollinger_upper", "bb_upper");
        k.put("bollinger_middle", "bb_middle");
        k.put("bollinger_lower", "bb_lower");
        k.put("atr_14", "atr_14");
        return k;
    }
}
