package io.nautilus.core.quant.indicator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fixed group of indicators updated together, one bar at a time, with their outputs flattened into
 * numbered columns (indicator order, then output order). Typically one set per symbol. Allocates nothing
 * per update. Mutable, not thread-safe.
 */
public final class IndicatorSet {

    private final Indicator[] indicators;
    private final int[] owner;
    private final int[] output;
    private final String[] names;

    /** @throws IllegalArgumentException if two outputs share a name */
    public IndicatorSet(List<? extends Indicator> indicators) {
        this.indicators = indicators.toArray(new Indicator[0]);
        int width = 0;
        for (Indicator indicator : this.indicators) {
            width += indicator.outputs();
        }
        this.owner = new int[width];
        this.output = new int[width];
        this.names = new String[width];
        Set<String> seen = new HashSet<>();
        int column = 0;
        for (int i = 0; i < this.indicators.length; i++) {
            String[] outputNames = this.indicators[i].outputNames();
            for (int j = 0; j < outputNames.length; j++) {
                if (!seen.add(outputNames[j])) {
                    throw new IllegalArgumentException("duplicate output name '" + outputNames[j]
                            + "': request each indicator with distinct parameters only once");
                }
                owner[column] = i;
                output[column] = j;
                names[column++] = outputNames[j];
            }
        }
    }

    public static IndicatorSet of(Indicator... indicators) {
        return new IndicatorSet(List.of(indicators));
    }

    /** Feeds the bar to every indicator. */
    public void update(double open, double high, double low, double close, double volume) {
        for (Indicator indicator : indicators) {
            indicator.update(open, high, low, close, volume);
        }
    }

    /** Starts a new session on every indicator (only session-based ones react). */
    public void startSession() {
        for (Indicator indicator : indicators) {
            indicator.startSession();
        }
    }

    public void reset() {
        for (Indicator indicator : indicators) {
            indicator.reset();
        }
    }

    /** True when every indicator is ready. */
    public boolean isReady() {
        for (Indicator indicator : indicators) {
            if (!indicator.isReady()) {
                return false;
            }
        }
        return true;
    }

    /** Total number of output columns. */
    public int width() {
        return names.length;
    }

    /** Column names; a fresh array. */
    public String[] outputNames() {
        return names.clone();
    }

    /** Current value of a column, {@code NaN} while it has none. */
    public double value(int column) {
        return indicators[owner[column]].output(output[column]);
    }

    /** Copies every column's current value into {@code target}, which must hold {@link #width()} values. */
    public void values(double[] target) {
        for (int column = 0; column < names.length; column++) {
            target[column] = indicators[owner[column]].output(output[column]);
        }
    }

    public int size() {
        return indicators.length;
    }

    public Indicator indicator(int index) {
        return indicators[index];
    }
}
