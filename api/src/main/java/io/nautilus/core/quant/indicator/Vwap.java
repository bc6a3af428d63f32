package io.nautilus.core.quant.indicator;

/**
 * Volume-weighted average price of the session: {@code sum(TP volume) / sum(volume)} with typical price
 * {@code TP = (high + low + close) / 3}, cumulated from the first bar after construction, {@link #reset()} or
 * {@link #startSession()}. Output {@code vwap}, in price units. Warm-up: 1 bar; after
 * {@link #startSession()} the value is absent ({@code NaN}, not ready) until the session's first bar.
 * {@code NaN} while the session's volume is zero. Equals ta4j {@code VWAPIndicator} with a window as long as
 * the session so far. Mutable, not thread-safe.
 */
public final class Vwap extends BaseIndicator {

    private double priceVolume;
    private double totalVolume;
    private boolean sessionHasBar;

    public Vwap() {
        super(1, "vwap");
    }

    @Override
    public void startSession() {
        priceVolume = 0;
        totalVolume = 0;
        sessionHasBar = false;
        values[0] = Double.NaN;
    }

    @Override
    public boolean isReady() {
        return sessionHasBar;
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        priceVolume += (high + low + close) / 3 * volume;
        totalVolume += volume;
        sessionHasBar = true;
        values[0] = ratioOrNaN(priceVolume, totalVolume);
    }

    @Override
    void onReset() {
        startSession();
    }
}
