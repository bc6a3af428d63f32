package io.nautilus.engine.features.stream;

import io.nautilus.core.model.Bar;
import io.nautilus.core.model.FeatureVector;
import io.nautilus.core.quant.indicator.IndicatorSet;

import java.time.ZoneId;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The streaming feature state of one symbol on one bar interval: its indicator set, the session day for
 * VWAP resets and the start time of the last bar. {@link #onBar} feeds a bar and returns the feature vector
 * of the outputs that have a value, allocating only that vector. Bars must arrive in time order: a bar that
 * does not start after the previous one (a duplicate or a late correction) is refused, because streaming
 * indicators cannot take a bar back. Mutable, not thread-safe: owned by the engine's ring thread.
 */
public final class SymbolFeatures {

    private final String symbol;
    private final String interval;
    private final FeatureSet features;
    private final IndicatorSet indicators;
    private final String[] names;
    private final double[] row;
    private final SessionDay session;
    private final Map<String, Double> readyValues = new ReadyValues();
    private long lastStart = Long.MIN_VALUE;

    /**
     * @param symbol   instrument symbol
     * @param interval bar interval label
     * @param features the feature set, already annualized for the interval
     * @param zone     time zone whose calendar days delimit VWAP sessions
     */
    public SymbolFeatures(String symbol, String interval, FeatureSet features, ZoneId zone) {
        this.symbol = symbol;
        this.interval = interval;
        this.features = features;
        this.indicators = features.newIndicatorSet();
        this.names = indicators.outputNames();
        this.row = new double[names.length];
        this.session = new SessionDay(zone);
    }

    /** The feature set this state computes. */
    public FeatureSet features() {
        return features;
    }

    /**
     * Feeds one bar (session reset first when its start falls on a new day).
     *
     * @return the features that have a value after this bar (possibly none, during warm-up), or {@code null}
     *         when the bar was refused as out of order
     */
    public FeatureVector onBar(Bar bar) {
        if (bar.startNanos() <= lastStart) {
            return null;
        }
        lastStart = bar.startNanos();
        if (session.advance(bar.startNanos())) {
            indicators.startSession();
        }
        indicators.update(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
        indicators.values(row);
        return new FeatureVector(symbol, interval, bar.endNanos(), readyValues);
    }

    /**
     * The finite entries of {@link #row} as a map view, so that the vector's own copy is the only map built
     * per bar; the iterator reuses one entry object (valid until the next call to {@code next()}).
     */
    private final class ReadyValues extends AbstractMap<String, Double> {
        @Override
        public Set<Entry<String, Double>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Double>> iterator() {
                    return new ReadyIterator();
                }

                @Override
                public int size() {
                    int n = 0;
                    for (double v : row) {
                        n += Double.isFinite(v) ? 1 : 0;
                    }
                    return n;
                }
            };
        }
    }

    private final class ReadyIterator implements Iterator<Map.Entry<String, Double>>, Map.Entry<String, Double> {
        private int column = advance(0);
        private int current = -1;

        private int advance(int from) {
            int j = from;
            while (j < row.length && !Double.isFinite(row[j])) {
                j++;
            }
            return j;
        }

        @Override
        public boolean hasNext() {
            return column < row.length;
        }

        @Override
        public Map.Entry<String, Double> next() {
            if (column >= row.length) {
                throw new NoSuchElementException();
            }
            current = column;
            column = advance(column + 1);
            return this;
        }

        @Override
        public String getKey() {
            return names[current];
        }

        @Override
        public Double getValue() {
            return row[current];
        }

        @Override
        public Double setValue(Double value) {
            throw new UnsupportedOperationException("read-only view");
        }
    }
}
