package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Kaufman adaptive moving average of the close. Efficiency ratio
 * {@code ER = |close - close[period]| / sum of |close - close[1]| over period bars}, smoothing constant
 * {@code SC = (ER (2/(fast+1) - 2/(slow+1)) + 2/(slow+1))^2}, {@code KAMA += SC (close - KAMA)}.
 * Seeding follows TA-Lib {@code KAMA}: the first value, at bar {@code period + 1}, starts from the previous
 * close; when the volatility sum is zero ER is taken as 1 (as TA-Lib). Output {@code kama_<period>}, in price
 * units. Warm-up: {@code period + 1} bars. ta4j {@code KAMAIndicator} starts the same way and agrees from
 * the first value. Mutable, not thread-safe.
 */
public final class Kama extends BaseIndicator {

    private final double slowConstant;
    private final double constantRange;
    private final RollingWindow closes;
    private final RollingWindow absoluteChanges;

    public Kama(int period, int fast, int slow) {
        super(requirePeriod("period", period, 1) + 1, "kama_" + period);
        requirePeriod("fast", fast, 1);
        requirePeriod("slow", slow, 1);
        this.slowConstant = 2.0 / (slow + 1);
        this.constantRange = 2.0 / (fast + 1) - slowConstant;
        this.closes = new RollingWindow(period + 1);
        this.absoluteChanges = new RollingWindow(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (closes.size() > 0) {
            absoluteChanges.add(Math.abs(close - closes.ago(0)));
        }
        double previousClose = closes.size() > 0 ? closes.ago(0) : Double.NaN;
        closes.add(close);
        if (!closes.isFull()) {
            return;
        }
        double volatility = absoluteChanges.sum();
        double direction = close - closes.ago(closes.capacity() - 1);
        double efficiency = volatility <= direction || volatility == 0 ? 1.0 : Math.abs(direction / volatility);
        double sc = efficiency * constantRange + slowConstant;
        sc *= sc;
        double previous = Double.isNaN(values[0]) ? previousClose : values[0];
        values[0] = previous + sc * (close - previous);
    }

    @Override
    void onReset() {
        closes.clear();
        absoluteChanges.clear();
    }
}
