package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Yang-Zhang (2000) volatility {@code sqrt(periodsPerYear (s2o + k s2c + (1 - k) s2rs))} over the last
 * {@code period} bars, where {@code s2o} is the SAMPLE variance of the overnight log returns
 * {@code ln(O / previous C)}, {@code s2c} the SAMPLE variance of the open-to-close log returns
 * {@code ln(C / O)}, {@code s2rs} the mean Rogers-Satchell term, and
 * {@code k = 0.34 / (1.34 + (period + 1) / (period - 1))}. Output {@code vol_yang_zhang_<period>}, an
 * annualized fraction. Warm-up: {@code period + 1} bars (the first bar has no overnight return). Same formula
 * as TTR {@code volatility(calc = "yang.zhang")}. Mutable, not thread-safe.
 */
public final class YangZhangVolatility extends BaseIndicator {

    private final double periodsPerYear;
    private final double k;
    private final RollingWindow overnight;
    private final RollingWindow openToClose;
    private final RollingWindow rogersSatchell;
    private double previousClose = Double.NaN;

    public YangZhangVolatility(int period, double periodsPerYear) {
        super(requirePeriod("period", period, 2) + 1, "vol_yang_zhang_" + period);
        this.periodsPerYear = requirePositive("periods_per_year", periodsPerYear);
        this.k = 0.34 / (1.34 + (period + 1.0) / (period - 1.0));
        this.overnight = new RollingWindow(period);
        this.openToClose = new RollingWindow(period);
        this.rogersSatchell = new RollingWindow(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (bars > 1) {
            overnight.add(Math.log(open / previousClose));
            openToClose.add(Math.log(close / open));
            rogersSatchell.add(RangeVolatility.rogersSatchellTerm(open, high, low, close));
            if (overnight.isFull()) {
                double variance = overnight.variance() + k * openToClose.variance()
                        + (1 - k) * Math.max(0, rogersSatchell.mean());
                values[0] = Math.sqrt(variance * periodsPerYear);
            }
        }
        previousClose = close;
    }

    @Override
    void onReset() {
        overnight.clear();
        openToClose.clear();
        rogersSatchell.clear();
        previousClose = Double.NaN;
    }
}
