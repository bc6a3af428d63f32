package io.nautilus.engine.features.stream;

import io.nautilus.core.quant.indicator.IndicatorCatalog;
import io.nautilus.core.quant.indicator.IndicatorRequest;
import io.nautilus.core.quant.indicator.IndicatorSet;
import io.nautilus.core.quant.indicator.IndicatorSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The indicators one symbol's feature vector is computed from: catalog requests (name and parameters), in
 * output order. Validated on construction against {@link IndicatorCatalog#standard()}: at least one and at
 * most {@link #MAX_INDICATORS} indicators, known names, parameters in range and no two outputs with the same
 * name. Immutable and thread-safe; equal when the requests are equal.
 *
 * @param indicators the requests, in the order their outputs appear in a feature vector
 */
public record FeatureSet(List<IndicatorRequest> indicators) {

    /** Largest number of indicators in one set. */
    public static final int MAX_INDICATORS = 128;

    /** Name of the annualization parameter of the volatility estimators. */
    public static final String PERIODS_PER_YEAR = "periods_per_year";

    public FeatureSet {
        if (indicators == null || indicators.isEmpty()) {
            throw new IllegalArgumentException("indicators must list at least one indicator");
        }
        if (indicators.size() > MAX_INDICATORS) {
            throw new IllegalArgumentException("indicators must list at most " + MAX_INDICATORS + " indicators, got "
                    + indicators.size());
        }
        indicators = List.copyOf(indicators);
        IndicatorCatalog.standard().createSet(indicators);
    }

    /** Every catalog indicator with its default parameters: the default feature set (32 indicators). */
    public static FeatureSet standard() {
        List<IndicatorRequest> all = new ArrayList<>();
        for (String name : IndicatorCatalog.standard().names()) {
            all.add(IndicatorRequest.of(name));
        }
        return new FeatureSet(all);
    }

    /** A fresh streaming set of these indicators (mutable, one per symbol and interval). */
    public IndicatorSet newIndicatorSet() {
        return IndicatorCatalog.standard().createSet(indicators);
    }

    /** Output names in feature-vector order, such as {@code [rsi_14, macd, macd_signal, ...]}. */
    public List<String> outputNames() {
        return List.of(newIndicatorSet().outputNames());
    }

    /**
     * This set with {@code periods_per_year} filled in for every indicator that takes it and does not set it,
     * so that volatility estimators are annualized for the bar interval they run on.
     */
    public FeatureSet annualizedFor(double periodsPerYear) {
        List<IndicatorRequest> out = new ArrayList<>(indicators.size());
        for (IndicatorRequest request : indicators) {
            IndicatorSpec spec = IndicatorCatalog.standard().spec(request.name());
            boolean takes = spec.params().stream().anyMatch(p -> p.name().equals(PERIODS_PER_YEAR));
            if (takes && !request.params().containsKey(PERIODS_PER_YEAR)) {
                var params = new HashMap<>(request.params());
                params.put(PERIODS_PER_YEAR, periodsPerYear);
                out.add(IndicatorRequest.of(request.name(), params));
            } else {
                out.add(request);
            }
        }
        return new FeatureSet(out);
    }
}
