package io.nautilus.core.quant.indicator;

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
        IndicatorSet set = prepare(bars, requests);
        int n = bars.length();
        int width = set.width();
        double[][] columns = new double[width][n];
        for (int i = 0; i < n; i++) {
            feed(bars, set, i);
            for (int j = 0; j < width; j++) {
                columns[j][i] = set.value(j);
            }
        }
        String[] names = set.outputNames();
        Map<String, double[]> result = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            result.put(names[j], columns[j]);
        }
        return new IndicatorSeries(n, result);
    }

    /**
     * Runs the requested indicators over the whole series and returns each output's value at the last bar,
     * leaving out outputs that have no value there ("insufficient data"). Same values as the last row of
     * {@link #compute}, without allocating the columns.
     *
     * @throws IllegalArgumentException as {@link #compute}
     */
    public Map<String, Double> latest(OhlcvSeries bars, List<IndicatorRequest> requests) {
        return latest(bars, prepare(bars, requests));
    }

    /**
     * Feeds every bar of the series to {@code set} (fresh or reset; the caller makes sure the series has the
     * inputs its indicators read) and returns each output's value at the last bar, in column order, leaving out
     * outputs without a value there.
     */
    public static Map<String, Double> latest(OhlcvSeries bars, IndicatorSet set) {
        for (int i = 0; i < bars.length(); i++) {
            feed(bars, set, i);
        }
        String[] names = set.outputNames();
        Map<String, Double> result = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            double v = set.value(j);
            if (!Double.isNaN(v)) {
                result.put(names[j], v);
            }
        }
        return result;
    }

    /** Whether the series supplies every input field the indicator named by {@code request} reads. */
    public boolean supports(OhlcvSeries bars, IndicatorRequest request) {
        return missingInputs(bars, request).isEmpty();
    }

    private List<String> missingInputs(OhlcvSeries bars, IndicatorRequest request) {
        List<String> missing = new ArrayList<>();
        for (BarInput input : BarInput.values()) {
            if (catalog.spec(request.name()).inputs().contains(input) && !bars.has(input)) {
                missing.add(input.fieldName());
            }
        }
        return missing;
    }

    private IndicatorSet prepare(OhlcvSeries bars, List<IndicatorRequest> requests) {
        for (IndicatorRequest request : requests) {
            List<String> missing = missingInputs(bars, request);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("indicator '" + request.name() + "' needs input(s) " + missing
                        + " which the series lacks");
            }
        }
        return catalog.createSet(requests);
    }

    private static void feed(OhlcvSeries bars, IndicatorSet set, int i) {
        boolean[] sessionStarts = bars.sessionStarts();
        if (sessionStarts != null && sessionStarts[i]) {
            set.startSession();
        }
        double[] open = bars.open();
        double[] high = bars.high();
        double[] low = bars.low();
        double[] volume = bars.volume();
        set.update(open == null ? Double.NaN : open[i], high == null ? Double.NaN : high[i],
                low == null ? Double.NaN : low[i], bars.close()[i], volume == null ? Double.NaN : volume[i]);
    }
}
