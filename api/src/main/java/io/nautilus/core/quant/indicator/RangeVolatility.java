package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Range-based volatility estimator of the form {@code sqrt(periodsPerYear * scale * mean(term))} where the
 * per-bar term depends on the bar's open, high, low and close and the mean runs over the last {@code period}
 * bars (no mean subtraction: these estimators assume zero drift).
 */
abstract sealed class RangeVolatility extends BaseIndicator
        permits ParkinsonVolatility, GarmanKlassVolatility, RogersSatchellVolatility {

    private final double annualScale;
    private final RollingWindow terms;

    RangeVolatility(String name, int period, double periodsPerYear, double scale) {
        super(requirePeriod("period", period, 1), name + "_" + period);
        this.annualScale = requirePositive("periods_per_year", periodsPerYear) * scale;
        this.terms = new RollingWindow(period);
    }

    abstract double term(double open, double high, double low, double close);

    @Override
    final void onBar(double open, double high, double low, double close, double volume) {
        terms.add(term(open, high, low, close));
        if (terms.isFull()) {
            values[0] = Math.sqrt(Math.max(0, terms.mean()) * annualScale);
        }
    }

    @Override
    final void onReset() {
        terms.clear();
    }

    /** Rogers-Satchell per-bar variance {@code ln(H/C) ln(H/O) + ln(L/C) ln(L/O)}. */
    static double rogersSatchellTerm(double open, double high, double low, double close) {
        return Math.log(high / close) * Math.log(high / open) + Math.log(low / close) * Math.log(low / open);
    }
}
