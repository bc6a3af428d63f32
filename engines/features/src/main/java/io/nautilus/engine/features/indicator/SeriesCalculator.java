package io.nautilus.engine.features.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-series computation: runs the requested catalog indicators over a bar series and returns every
 * output as a full column aligned with the input ({@code NaN} before warm-up). It drives the same streaming
 * classes bar by bar, so batch and streaming values are identical by construction. O(bars x indicators),
 * no allocation besides the output columns. Stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class SeriesCalculator {

    public static final SeriesCalculator DEFAULT = new SeriesCalculator(IndicatorCatalog.standard());

    private final IndicatorCatalog catalog;

    public SeriesCalculator(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @throws IllegalArgumentException for an unknown indicator, a bad parameter, a missing input field that a
     *                                  requested indicator needs, or two outputs with the same name
     */
    public IndicatorSeries compute(OhlcvSeries bars, List<IndicatorRequest> requests) {
        for (IndicatorRequest request : requests) {
            List<String> missing = new ArrayList<>();
            for (BarInput input : BarInput.values()) {
                if (catalog.spec(request.name()).inputs().contains(input) && !bars.has(input)) {
                    missing.add(input.fieldName());
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("indicator '" + request.name() + "' needs input(s) " + missing
                        + " which the series lacks");
            }
        }
        IndicatorSet set = catalog.createSet(requests);
        int n = bars.length();
        double[][] columns = new double[set.width()][n];
        run(bars, set, columns);
        String[] names = set.outputNames();
        Map<String, double[]> result = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            result.put(names[j], columns[j]);
        }
        return new IndicatorSeries(n, result);
    }

    private static void run(OhlcvSeries bars, IndicatorSet set, double[][] columns) {
        double[] open = bars.open();
        double[] high = bars.high();
        double[] low = bars.low();
        double[] close = bars.close();
        double[] volume = bars.volume();
        boolean[] sessionStarts = bars.sessionStarts();
        int width = columns.length;
        for (int i = 0; i < close.length; i++) {
            if (sessionStarts != null && sessionStarts[i]) {
                set.startSession();
            }
            set.update(open == null ? Double.NaN : open[i], high == null ? Double.NaN : high[i],
                    low == null ? Double.NaN : low[i], close[i], volume == null ? Double.NaN : volume[i]);
            for (int j = 0; j < width; j++) {
                columns[j][i] = set.value(j);
            }
        }
    }
}
