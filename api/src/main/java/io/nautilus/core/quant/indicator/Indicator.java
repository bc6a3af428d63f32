package io.nautilus.core.quant.indicator;

/**
 * A streaming technical indicator: fed one bar at a time, it keeps its state in primitives and ring buffers,
 * allocates nothing per update and exposes its current values through primitive getters.
 *
 * <p>Every indicator has one or more outputs (for example MACD has {@code macd}, {@code macd_signal},
 * {@code macd_histogram}). {@link #output(int)} is {@code Double.NaN} while that output has no value yet
 * ("insufficient data"); it never returns a guess. Some outputs appear earlier than others (the MACD line
 * before its signal line); {@link #isReady()} turns true once every output has a value, which happens after
 * exactly {@link #warmupBars()} bars. A ready indicator may still report {@code NaN} for a bar where its
 * formula is undefined (such as a ratio whose denominator is zero); each class documents when.
 *
 * <p>Inputs are the bar's open, high, low, close and volume. An indicator reads only the inputs its catalog
 * entry lists ({@link IndicatorSpec#inputs()}); the others may be passed as {@code NaN}. Prices must be
 * positive and finite: the caller validates bars, the hot path does not.
 *
 * <p>Implementations are mutable and not thread-safe: use one instance per symbol, updated by one thread.
 */
public interface Indicator {

    /** Feeds the next bar. O(1) amortized unless the class says otherwise; allocates nothing. */
    void update(double open, double high, double low, double close, double volume);

    /** Marks the start of a new trading session; only session-based indicators (VWAP) react. */
    default void startSession() {
    }

    /** True once every output has a value, that is after {@link #warmupBars()} bars. */
    boolean isReady();

    /** Number of bars after which {@link #isReady()} first becomes true. */
    int warmupBars();

    /** Number of outputs. */
    int outputs();

    /** Current value of output {@code i}, {@code NaN} while that output has no value yet. */
    double output(int i);

    /** Current value of the first output. */
    default double value() {
        return output(0);
    }

    /** Names of the outputs, such as {@code rsi_14}; a fresh array on each call. */
    String[] outputNames();

    /** Forgets all bars, returning to the state of a new instance. */
    void reset();
}
