package io.nautilus.engine.features;

import io.nautilus.engine.features.fundamental.Fundamentals;
import io.nautilus.core.quant.indicator.IndicatorRequest;

import java.util.List;
import java.util.Map;

/**
 * HTTP request bodies of the features engine (snake_case JSON). Series are oldest first; optional fields are
 * {@code null} when absent. Validation happens in the routes, naming the field.
 */
public final class FeatureRequests {

    private FeatureRequests() {
    }

    /**
     * A posted bar series with optional indicator selection: body of {@code /features/technical/{symbol}} and
     * {@code /features/calculate/{symbol}}, and each entry of a batch's {@code market_data}.
     *
     * @param prices       close prices (required)
     * @param volumes      volumes, same length
     * @param open         open prices, same length
     * @param high         high prices, same length
     * @param low          low prices, same length
     * @param currentPrice latest price, echoed back (it is not appended to the series: its volume is unknown)
     * @param interval     bar interval of the series, for annualizing volatility (default {@code 1d})
     * @param indicators   indicators to compute (default: the symbol's configured set, those the inputs allow)
     * @param fundamentals fundamentals to compute ratios from ({@code /features/calculate} only)
     */
    public record SeriesBody(double[] prices, double[] volumes, double[] open, double[] high, double[] low,
                             Double currentPrice, String interval, List<IndicatorRequest> indicators,
                             Fundamentals fundamentals) {
    }

    /**
     * Body of {@code POST /features/batch}.
     *
     * @param symbols    symbols to compute (default: every key of {@code market_data})
     * @param marketData series per symbol
     * @param indicators indicators to compute for every symbol (default: each symbol's configured set)
     */
    public record BatchBody(List<String> symbols, Map<String, SeriesBody> marketData, List<IndicatorRequest> indicators) {
    }

    /**
     * Body of {@code POST /features/indicators}: whole-series computation.
     *
     * @param open       open prices (optional)
     * @param high       high prices (optional)
     * @param low        low prices (optional)
     * @param close      close prices (required)
     * @param volume     volumes (optional)
     * @param indicators the indicators to compute (required, at least one)
     */
    public record IndicatorsBody(double[] open, double[] high, double[] low, double[] close, double[] volume,
                                 List<IndicatorRequest> indicators) {
    }

    /**
     * Body of the feature-set configuration routes.
     *
     * @param symbols    members (universes only)
     * @param indicators the feature set
     */
    public record FeatureSetBody(List<String> symbols, List<IndicatorRequest> indicators) {
    }
}
