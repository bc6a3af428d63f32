package io.nautilus.core.quant.indicator;

/**
 * Rogers-Satchell (1991) drift-independent volatility
 * {@code sqrt(periodsPerYear * mean(ln(H/C) ln(H/O) + ln(L/C) ln(L/O)))} over the last {@code period} bars.
 * Output {@code vol_rogers_satchell_<period>}, an annualized fraction. Warm-up: {@code period} bars. Same
 * formula as TTR {@code volatility(calc = "rogers.satchell")}. Mutable, not thread-safe.
 */
public final class RogersSatchellVolatility extends RangeVolatility {

    public RogersSatchellVolatility(int period, double periodsPerYear) {
        super("vol_rogers_satchell", period, periodsPerYear, 1);
    }

    @Override
    double term(double open, double high, double low, double close) {
        return rogersSatchellTerm(open, high, low, close);
    }
}
