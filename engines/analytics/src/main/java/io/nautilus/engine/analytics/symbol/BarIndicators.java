package io.nautilus.engine.analytics.symbol;

import io.nautilus.core.quant.stats.Moments;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.OptionalDouble;
import java.util.SequencedMap;

/**
 * The few technical indicators the {@code /analytics/technical-indicators} route reports, at the last bar of a
 * daily series. Engines do not import each other, so these are computed here from bars (the Features engine has
 * the full indicator library for feature vectors). Conventions:
 * <ul>
 *   <li>SMA(n): mean of the last n closes.</li>
 *   <li>EMA(n): {@code alpha = 2 / (n + 1)}, seeded with the SMA of the first n closes (TA-Lib).</li>
 *   <li>RSI(n): Wilder's smoothing ({@code alpha = 1 / n}) of gains and losses, seeded with their simple means
 *       over the first n changes; {@code 100 - 100 / (1 + avgGain / avgLoss)}, 100 when there is no loss.</li>
 *   <li>MACD(12, 26, 9): EMA12 - EMA26 of the closes, signal EMA9 of the MACD line, histogram the difference.</li>
 *   <li>Bollinger(20, 2): SMA20 plus and minus 2 population standard deviations of the last 20 closes.</li>
 *   <li>ATR(n): Wilder's smoothing of the true range {@code max(high, prevClose) - min(low, prevClose)}, seeded
 *       with the mean of the first n true ranges (which start at the second bar).</li>
 * </ul>
 * An indicator without enough bars is absent (empty), never a made-up number. Stateless and thread-safe.
 */
public final class BarIndicators {

    private BarIndicators() {
    }

    /** Mean of the last {@code n} values; empty with fewer values. */
    public static OptionalDouble sma(double[] x, int n) {
        requirePeriod(n);
        if (x.length < n) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Moments.of(Arrays.copyOfRange(x, x.length - n, x.length)).mean());
    }

    /** EMA series of {@code x}, NaN before index {@code n - 1}; all NaN with fewer than {@code n} values. */
    public static double[] emaSeries(double[] x, int n) {
        requirePeriod(n);
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        if (x.length < n) {
            return out;
        }
        double alpha = 2.0 / (n + 1);
        double value = 0;
        for (int i = 0; i < n; i++) {
            value += x[i];
        }
        value /= n;
        out[n - 1] = value;
        for (int i = n; i < x.length; i++) {
            value += alpha * (x[i] - value);
            out[i] = value;
        }
        return out;
    }

    /** Last EMA value; empty with fewer than {@code n} values. */
    public static OptionalDouble ema(double[] x, int n) {
        return last(emaSeries(x, n));
    }

    /** Wilder RSI at the last close, in [0, 100]; empty with fewer than {@code n + 1} closes. */
    public static OptionalDouble rsi(double[] close, int n) {
        requirePeriod(n);
        if (close.length < n + 1) {
            return OptionalDouble.empty();
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= n; i++) {
            double d = close[i] - close[i - 1];
            gain += Math.max(d, 0);
            loss += Math.max(-d, 0);
        }
        gain /= n;
        loss /= n;
        for (int i = n + 1; i < close.length; i++) {
            double d = close[i] - close[i - 1];
            gain += (Math.max(d, 0) - gain) / n;
            loss += (Math.max(-d, 0) - loss) / n;
        }
        return OptionalDouble.of(loss == 0 ? 100 : 100 - 100 / (1 + gain / loss));
    }

    /** Wilder ATR at the last bar; empty with fewer than {@code n + 1} bars. */
    public static OptionalDouble atr(double[] high, double[] low, double[] close, int n) {
        requirePeriod(n);
        if (close.length < n + 1) {
            return OptionalDouble.empty();
        }
        double atr = 0;
        for (int i = 1; i <= n; i++) {
            atr += trueRange(high, low, close, i);
        }
        atr /= n;
        for (int i = n + 1; i < close.length; i++) {
            atr += (trueRange(high, low, close, i) - atr) / n;
        }
        return OptionalDouble.of(atr);
    }

    /**
     * The route's indicator set at the last bar, as a JSON-ready map ({@code null} for an indicator without enough
     * bars): sma_20, sma_50, ema_12, ema_26, rsi_14, macd, macd_signal, macd_histogram, bollinger_upper,
     * bollinger_middle, bollinger_lower, atr_14.
     */
    public static SequencedMap<String, Double> standardSet(double[] high, double[] low, double[] close) {
        SequencedMap<String, Double> m = new LinkedHashMap<>();
        m.put("sma_20", value(sma(close, 20)));
        m.put("sma_50", value(sma(close, 50)));
        m.put("ema_12", value(ema(close, 12)));
        m.put("ema_26", value(ema(close, 26)));
        m.put("rsi_14", value(rsi(close, 14)));
        double[] ema12 = emaSeries(close, 12);
        double[] ema26 = emaSeries(close, 26);
        double[] macd = new double[Math.max(0, close.length - 25)];
        for (int i = 25; i < close.length; i++) {
            macd[i - 25] = ema12[i] - ema26[i];
        }
        OptionalDouble signal = ema(macd, 9);
        m.put("macd", macd.length == 0 ? null : macd[macd.length - 1]);
        m.put("macd_signal", value(signal));
        m.put("macd_histogram", signal.isPresent() ? macd[macd.length - 1] - signal.getAsDouble() : null);
        if (close.length >= 20) {
            Moments w = Moments.of(Arrays.copyOfRange(close, close.length - 20, close.length));
            double sd = w.populationStandardDeviation();
            m.put("bollinger_upper", w.mean() + 2 * sd);
            m.put("bollinger_middle", w.mean());
            m.put("bollinger_lower", w.mean() - 2 * sd);
        } else {
            m.put("bollinger_upper", null);
            m.put("bollinger_middle", null);
            m.put("bollinger_lower", null);
        }
        m.put("atr_14", value(atr(high, low, close, 14)));
        return m;
    }

    private static double trueRange(double[] high, double[] low, double[] close, int i) {
        return Math.max(high[i], close[i - 1]) - Math.min(low[i], close[i - 1]);
    }

    private static OptionalDouble last(double[] series) {
        return series.length == 0 || Double.isNaN(series[series.length - 1]) ? OptionalDouble.empty()
                : OptionalDouble.of(series[series.length - 1]);
    }

    private static Double value(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private static void requirePeriod(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("period must be >= 1, got " + n);
        }
    }
}
