package io.nautilus.engine.analytics.symbol;

import io.nautilus.core.model.Bar;
import io.nautilus.core.quant.stats.Returns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A symbol's daily bars as primitive columns, oldest first, with the derived simple close-to-close returns, and
 * the alignment of two symbols on common bar start times (for beta against a benchmark). Immutable and
 * thread-safe: arrays are copied out.
 *
 * @param symbol      symbol
 * @param startNanos  bar start times, epoch nanoseconds, increasing
 * @param high        bar highs
 * @param low         bar lows
 * @param close       bar closes
 */
public record DailySeries(String symbol, long[] startNanos, double[] high, double[] low, double[] close) {

    /** The columns of {@code bars} (oldest first, as a {@code BarHistory} carries them). */
    public static DailySeries of(String symbol, List<Bar> bars) {
        int n = bars.size();
        long[] t = new long[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            if (i > 0 && b.startNanos() <= t[i - 1]) {
                throw new IllegalArgumentException("bars of " + symbol + " are not in increasing time order at " + i);
            }
            t[i] = b.startNanos();
            h[i] = b.high();
            l[i] = b.low();
            c[i] = b.close();
        }
        return new DailySeries(symbol, t, h, l, c);
    }

    public int size() {
        return close.length;
    }

    @Override
    public double[] close() {
        return close.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public long[] startNanos() {
        return startNanos.clone();
    }

    /** Close-to-close simple returns, {@code size() - 1} values. */
    public double[] returns() {
        return Returns.simple(close);
    }

    /**
     * Returns of this series and {@code other} over the bar times both have, each from the previous common time:
     * {@code [0]} this symbol's, {@code [1]} the other's, same length.
     */
    public double[][] alignedReturns(DailySeries other) {
        Map<Long, Integer> index = new HashMap<>();
        for (int j = 0; j < other.startNanos.length; j++) {
            index.put(other.startNanos[j], j);
        }
        double[] mine = new double[close.length];
        double[] theirs = new double[close.length];
        int k = 0;
        int prevMine = -1;
        int prevTheirs = -1;
        for (int i = 0; i < close.length; i++) {
            Integer j = index.get(startNanos[i]);
            if (j == null) {
                continue;
            }
            if (prevMine >= 0) {
                mine[k] = close[i] / close[prevMine] - 1;
                theirs[k++] = other.close[j] / other.close[prevTheirs] - 1;
            }
            prevMine = i;
            prevTheirs = j;
        }
        return new double[][] {java.util.Arrays.copyOf(mine, k), java.util.Arrays.copyOf(theirs, k)};
    }

    /**
     * The value {@code sum_i quantities[i] * close_i(t)} of a buy-and-hold basket at every bar time all series
     * share, oldest first.
     *
     * @param series     one series per holding, at least one
     * @param quantities units held per series (signed), same length
     */
    public static double[] basketValues(List<DailySeries> series, double[] quantities) {
        if (series.isEmpty() || series.size() != quantities.length) {
            throw new IllegalArgumentException("need one quantity per series, got " + quantities.length + " for "
                    + series.size() + " series");
        }
        DailySeries first = series.getFirst();
        double[] values = new double[first.size()];
        boolean[] common = new boolean[first.size()];
        java.util.Arrays.fill(common, true);
        for (int k = 0; k < series.size(); k++) {
            DailySeries s = series.get(k);
            Map<Long, Integer> index = new HashMap<>();
            for (int j = 0; j < s.startNanos.length; j++) {
                index.put(s.startNanos[j], j);
            }
            for (int i = 0; i < first.size(); i++) {
                Integer j = index.get(first.startNanos[i]);
                if (j == null) {
                    common[i] = false;
                } else {
                    values[i] += quantities[k] * s.close[j];
                }
            }
        }
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (common[i]) {
                values[n++] = values[i];
            }
        }
        return java.util.Arrays.copyOf(values, n);
    }
}
