package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Money flow index: typical price {@code TP = (high + low + close) / 3}, raw money flow {@code TP volume},
 * counted as positive when TP rose from the previous bar, negative when it fell and not at all when
 * unchanged; {@code MFI = 100 positive / (positive + negative)} over the last {@code period} bar-to-bar
 * changes. Output {@code mfi_<period>}, percent in [0, 100]. Warm-up: {@code period + 1} bars. {@code NaN}
 * at a bar whose window has no money flow. Follows TA-Lib {@code MFI}; ta4j {@code MoneyFlowIndexIndicator}
 * agrees to about 1e-8 (its running sums are never recomputed and drift). Mutable, not thread-safe.
 */
public final class Mfi extends BaseIndicator {

    private final RollingWindow positive;
    private final RollingWindow negative;
    private double previousTypical = Double.NaN;

    public Mfi(int period) {
        super(requirePeriod("period", period, 1) + 1, "mfi_" + period);
        this.positive = new RollingWindow(period);
        this.negative = new RollingWindow(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        double tp = (high + low + close) / 3;
        if (bars > 1) {
            double flow = tp * volume;
            positive.add(tp > previousTypical ? flow : 0);
            negative.add(tp < previousTypical ? flow : 0);
            if (positive.isFull()) {
                double up = positive.sum();
                values[0] = ratioOrNaN(100 * up, up + negative.sum());
            }
        }
        previousTypical = tp;
    }

    @Override
    void onReset() {
        positive.clear();
        negative.clear();
        previousTypical = Double.NaN;
    }
}
