package io.nautilus.core.quant.indicator;

/**
 * Average directional index with the directional indicators (Wilder). From the second bar on:
 * {@code up = high - prevHigh}, {@code down = prevLow - low}, {@code +DM = up} if {@code up > down} and
 * {@code up > 0} else 0, {@code -DM} symmetrically, and the true range as in {@link Atr}. {@code +DM},
 * {@code -DM} and TR are Wilder-smoothed ({@code alpha = 1/period}) and seeded with the simple mean of their
 * first {@code period} values; {@code +DI = 100 avg(+DM) / avg(TR)}, {@code -DI} likewise,
 * {@code DX = 100 |+DI - -DI| / (+DI + -DI)}, and {@code ADX} is the Wilder average of DX seeded with the
 * simple mean of the first {@code period} DX values.
 *
 * <p>Outputs {@code adx_<period>}, {@code plus_di_<period>}, {@code minus_di_<period>}, percent in [0, 100].
 * Warm-up: the DIs after {@code period + 1} bars, ADX after {@code 2 period} bars (TA-Lib's lookback). A DI
 * whose average true range is zero, and a DX whose DIs are both zero, are 0, as in TA-Lib, because they feed
 * the next average. Seeding with the mean of the first {@code period} values is Wilder's running sum divided
 * by {@code period}; TA-Lib seeds its sums with {@code period - 1} values and ta4j with the first value, so
 * both agree with this after convergence. Mutable, not thread-safe.
 */
public final class Adx extends BaseIndicator {

    private final ExponentialAverage plusDm;
    private final ExponentialAverage minusDm;
    private final ExponentialAverage trueRange;
    private final ExponentialAverage dx;
    private double previousHigh = Double.NaN;
    private double previousLow = Double.NaN;
    private double previousClose = Double.NaN;

    public Adx(int period) {
        super(2 * requirePeriod("period", period, 1), "adx_" + period, "plus_di_" + period, "minus_di_" + period);
        this.plusDm = ExponentialAverage.wilder(period);
        this.minusDm = ExponentialAverage.wilder(period);
        this.trueRange = ExponentialAverage.wilder(period);
        this.dx = ExponentialAverage.wilder(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (bars > 1) {
            double up = high - previousHigh;
            double down = previousLow - low;
            double plus = plusDm.update(up > down && up > 0 ? up : 0);
            double minus = minusDm.update(down > up && down > 0 ? down : 0);
            double range = trueRange.update(Atr.trueRange(high, low, previousClose));
            if (trueRange.isReady()) {
                double plusDi = range == 0 ? 0 : 100 * plus / range;
                double minusDi = range == 0 ? 0 : 100 * minus / range;
                values[1] = plusDi;
                values[2] = minusDi;
                double sum = plusDi + minusDi;
                values[0] = dx.update(sum == 0 ? 0 : 100 * Math.abs(plusDi - minusDi) / sum);
            }
        }
        previousHigh = high;
        previousLow = low;
        previousClose = close;
    }

    @Override
    void onReset() {
        plusDm.reset();
        minusDm.reset();
        trueRange.reset();
        dx.reset();
        previousHigh = Double.NaN;
        previousLow = Double.NaN;
        previousClose = Double.NaN;
    }
}
