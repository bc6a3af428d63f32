package io.nautilus.engine.features.batch;

import io.nautilus.core.quant.indicator.IndicatorCatalog;
import io.nautilus.core.quant.indicator.IndicatorRequest;
import io.nautilus.core.quant.indicator.OhlcvSeries;
import io.nautilus.core.quant.indicator.SeriesCalculator;
import io.nautilus.engine.features.stream.FeatureSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature values at the last bar of a posted series: the same numbers the live stream would publish after
 * those bars (it runs the same streaming indicators). Indicators whose inputs the series lacks are listed as
 * unavailable with the missing fields; outputs still warming up at the last bar are listed as insufficient data.
 * Neither is ever filled with a guess. Immutable and thread-safe.
 *
 * @param features         output name to value at the last bar, for outputs that have one
 * @param insufficientData outputs without a value yet at the last bar
 * @param unavailable      indicator name to the input fields it needs and the series lacks
 * @param bars             number of bars in the series
 */
public record SeriesFeatures(Map<String, Double> features, List<String> insufficientData,
                             Map<String, String> unavailable, int bars) {

    public SeriesFeatures {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        insufficientData = List.copyOf(insufficientData);
        unavailable = Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
    }

    /**
     * Computes {@code set} over {@code bars}, skipping the indicators the series cannot feed.
     */
    public static SeriesFeatures compute(OhlcvSeries bars, FeatureSet set) {
        SeriesCalculator calculator = SeriesCalculator.DEFAULT;
        List<IndicatorRequest> usable = new ArrayList<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (IndicatorRequest r : set.indicators()) {
            if (calculator.supports(bars, r)) {
                usable.add(r);
            } else {
                unavailable.put(r.name(), "needs " + IndicatorCatalog.standard().spec(r.name()).inputs().stream()
                        .filter(i -> !bars.has(i)).map(i -> i.fieldName()).sorted().toList());
            }
        }
        if (usable.isEmpty()) {
            return new SeriesFeatures(Map.of(), List.of(), unavailable, bars.length());
        }
        Map<String, Double> values = calculator.latest(bars, usable);
        List<String> insufficient = new ArrayList<>();
        for (String name : new FeatureSet(usable).outputNames()) {
            if (!values.containsKey(name)) {
                insufficient.add(name);
            }
        }
        return new SeriesFeatures(values, insufficient, unavailable, bars.length());
    }
}
