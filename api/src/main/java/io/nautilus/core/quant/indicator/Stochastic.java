package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Stochastic oscillator (Lane). Raw {@code %K = 100 (close - lowest low) / (highest high - lowest low)} over
 * {@code period} bars (current bar included); {@code stoch_k} is the simple mean of the last
 * {@code smoothK} raw values ({@code smoothK = 1}: the fast stochastic) and {@code stoch_d} the simple mean
 * of the last {@code dPeriod} {@code stoch_k} values. Percent in [0, 100].
 *
 * <p>Warm-up: {@code stoch_k} after {@code period + smoothK - 1} bars, {@code stoch_d} after
 * {@code period + smoothK + dPeriod - 2} bars. When the high-low range is zero the raw %K is 0, as in TA-Lib,
 * because it feeds the averages. Matches ta4j {@code StochasticOscillatorKIndicator} /
 * {@code StochasticOscillatorDIndicator} for {@code smoothK = 1, dPeriod = 3}, and TA-Lib {@code STOCH} with
 * SMA smoothing. Mutable, not thread-safe.
 */
public final class Stochastic extends BaseIndicator {

    private final RollingRange range;
    private final RollingWindow rawK;
    private final RollingWindow smoothedK;

    public Stochastic(int period, int smoothK, int dPeriod) {
        super(requirePeriod("period", period, 1) + requirePeriod("smooth_k", smoothK, 1)
                + requirePeriod("d_period", dPeriod, 1) - 2, "stoch_k", "stoch_d");
        this.range = new RollingRange(period);
        this.rawK = new RollingWindow(smoothK);
        this.smoothedK = new RollingWindow(dPeriod);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        range.add(high, low);
        if (!range.isFull()) {
            return;
        }
        double width = range.highest() - range.lowest();
        rawK.add(width == 0 ? 0 : 100 * (close - range.lowest()) / width);
        if (!rawK.isFull()) {
            return;
        }
        double k = rawK.capacity() == 1 ? rawK.ago(0) : rawK.mean();
        values[0] = k;
        smoothedK.add(k);
        if (smoothedK.isFull()) {
            values[1] = smoothedK.mean();
        }
    }

    @Override
    void onReset() {
        range.reset();
        rawK.clear();
        smoothedK.clear();
    }
}
