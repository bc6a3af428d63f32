package io.nautilus.core.quant.indicator;

/**
 * Parkinson (1980) high-low volatility {@code sqrt(periodsPerYear / (4 ln 2) * mean(ln(H/L)^2))} over the last
 * {@code period} bars. Output {@code vol_parkinson_<period>}, an annualized fraction. Warm-up: {@code period}
 * bars. Same formula as TTR {@code volatility(calc = "parkinson")}. Mutable, not thread-safe.
 */
public final class ParkinsonVolatility extends RangeVolatility {

    public ParkinsonVolatility(int period, double periodsPerYear) {
        super("vol_parkinson", period, periodsPerYear, 1 / (4 * Math.log(2)));
    }

    @Override
    double term(double open, double high, double low, double close) {
        double range = Math.log(high / low);
        return range * range;
    }
}
