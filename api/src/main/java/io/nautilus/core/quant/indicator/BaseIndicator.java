package io.nautilus.core.quant.indicator;

import java.util.Arrays;

/**
 * Common state of the indicators: output names, the current values ({@code NaN} until known), the bar count
 * and the fixed warm-up length. Subclasses compute in {@link #onBar} and clear their own state in
 * {@link #onReset}.
 */
abstract class BaseIndicator implements Indicator {

    private final String[] names;
    private final int warmupBars;
    /** Current output values; {@code NaN} means "no value yet". */
    final double[] values;
    /** Bars seen since construction or the last reset, including the current one inside {@link #onBar}. */
    long bars;

    BaseIndicator(int warmupBars, String... names) {
        this.names = names.clone();
        this.warmupBars = warmupBars;
        this.values = new double[names.length];
        Arrays.fill(values, Double.NaN);
    }

    @Override
    public final void update(double open, double high, double low, double close, double volume) {
        bars++;
        onBar(open, high, low, close, volume);
    }

    abstract void onBar(double open, double high, double low, double close, double volume);

    abstract void onReset();

    @Override
    public boolean isReady() {
        return bars >= warmupBars;
    }

    @Override
    public final int warmupBars() {
        return warmupBars;
    }

    @Override
    public final int outputs() {
        return values.length;
    }

    @Override
    public final double output(int i) {
        return values[i];
    }

    @Override
    public final String[] outputNames() {
        return names.clone();
    }

    @Override
    public final void reset() {
        bars = 0;
        Arrays.fill(values, Double.NaN);
        onReset();
    }

    static int requirePeriod(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    static double requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
        }
        return value;
    }

    /** Ratio that is {@code NaN} ("undefined at this bar") when the denominator is zero. */
    static double ratioOrNaN(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
