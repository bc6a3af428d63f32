package io.nautilus.core.quant.indicator;

import java.util.List;
import java.util.Map;

/**
 * Output of {@link SeriesCalculator}: one column per output name, in request order, each aligned with the
 * input bars and {@code NaN} where the indicator has no value yet. The column arrays are fresh and owned by
 * the caller; the map itself is unmodifiable.
 *
 * @param length  number of bars
 * @param columns output name to values
 */
public record IndicatorSeries(int length, Map<String, double[]> columns) {

    public IndicatorSeries {
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    /** Output names in request order. */
    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    /** @throws IllegalArgumentException naming the output when there is no such column */
    public double[] column(String name) {
        double[] column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("no output named '" + name + "'; available: " + columns.keySet());
        }
        return column;
    }
}
