package io.nautilus.core.quant.indicator;

/**
 * Garman-Klass (1980) volatility {@code sqrt(periodsPerYear * mean(0.5 ln(H/L)^2 - (2 ln 2 - 1) ln(C/O)^2))}
 * over the last {@code period} bars (no overnight term). Output {@code vol_garman_klass_<period>}, an
 * annualized fraction. Warm-up: {@code period} bars. Same formula as TTR
 * {@code volatility(calc = "garman.klass")}. Mutable, not thread-safe.
 */
public final class GarmanKlassVolatility extends RangeVolatility {

    private static final double CLOSE_WEIGHT = 2 * Math.log(2) - 1;

    public GarmanKlassVolatility(int period, double periodsPerYear) {
        super("vol_garman_klass", period, periodsPerYear, 1);
    }

    @Override
    double term(double open, double high, double low, double close) {
        double range = Math.log(high / low);
        double body = Math.log(close / open);
        return 0.5 * range * range - CLOSE_WEIGHT * body * body;
    }
}
