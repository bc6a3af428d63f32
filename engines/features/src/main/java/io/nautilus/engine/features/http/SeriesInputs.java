package io.nautilus.engine.features.http;

import io.nautilus.core.http.ProblemException;
import io.nautilus.core.http.Validator;
import io.nautilus.core.quant.indicator.IndicatorCatalog;
import io.nautilus.core.quant.indicator.IndicatorRequest;
import io.nautilus.core.quant.indicator.OhlcvSeries;
import io.nautilus.engine.features.stream.FeatureSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP edge's validation of posted bodies (it answers 400 problems, so it lives in the {@code http}
 * sub-package): turns posted series and indicator lists into validated library inputs, collecting every problem with the
 * field it concerns: a missing or empty close series, a series longer than the configured maximum, a
 * non-finite or non-positive price, a negative volume, lengths that differ from the close series, an unknown
 * indicator or parameter. Stateless.
 */
public final class SeriesInputs {

    private SeriesInputs() {
    }

    /**
     * Validates aligned arrays and builds the series; throws a 400 problem naming every bad field.
     *
     * @param prefix     field-name prefix for messages, such as {@code market_data.AAPL.} or empty
     * @param closeField name of the close field in the request ({@code prices} or {@code close})
     */
    public static OhlcvSeries series(String prefix, int maxLength, String closeField, double[] close, double[] open,
            double[] high, double[] low, double[] volume) {
        var v = new Validator();
        v.series(prefix + closeField, close, 1, maxLength);
        if (close != null) {
            prices(v, prefix + closeField, close);
            aligned(v, prefix + "open", open, close.length, closeField, true);
            aligned(v, prefix + "high", high, close.length, closeField, true);
            aligned(v, prefix + "low", low, close.length, closeField, true);
            aligned(v, prefix + "volume" + (closeField.equals("prices") ? "s" : ""), volume, close.length, closeField, false);
            if (high != null && low != null && high.length == close.length && low.length == close.length) {
                for (int i = 0; i < high.length; i++) {
                    if (high[i] < low[i]) {
                        v.error(prefix + "high[" + i + "]", "must be >= low[" + i + "], got " + high[i] + " < " + low[i]);
                        break;
                    }
                }
            }
        }
        v.throwIfInvalid();
        return OhlcvSeries.of(open, high, low, close, volume);
    }

    /** Validates indicator requests against the catalog; throws a 400 problem naming {@code indicators[i]}. */
    public static List<IndicatorRequest> indicators(String field, List<IndicatorRequest> requests, boolean required) {
        var v = new Validator();
        if (requests == null || requests.isEmpty()) {
            if (required) {
                v.error(field, "must list at least one indicator, such as {\"name\": \"rsi\", \"params\": {\"period\": 14}}");
            }
            v.throwIfInvalid();
            return List.of();
        }
        if (requests.size() > FeatureSet.MAX_INDICATORS) {
            throw ProblemException.badField(field, "must list at most " + FeatureSet.MAX_INDICATORS + " indicators, got "
                    + requests.size());
        }
        List<IndicatorRequest> out = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            IndicatorRequest r = requests.get(i);
            if (r == null) {
                v.error(field + "[" + i + "]", "is required");
                continue;
            }
            try {
                IndicatorCatalog.standard().create(r);
                out.add(r);
            } catch (IllegalArgumentException e) {
                v.error(field + "[" + i + "]", e.getMessage());
            }
        }
        v.throwIfInvalid();
        try {
            IndicatorCatalog.standard().createSet(out);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, e.getMessage());
        }
        return out;
    }

    private static void prices(Validator v, String field, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || Double.isInfinite(values[i])) {
                v.error(field + "[" + i + "]", "must be a finite price > 0, got " + values[i]);
                return;
            }
        }
    }

    private static void aligned(Validator v, String field, double[] values, int n, String closeField, boolean price) {
        if (values == null) {
            return;
        }
        if (values.length != n) {
            v.error(field, "must have the length of " + closeField + " (" + n + "), got " + values.length);
            return;
        }
        if (price) {
            prices(v, field, values);
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0) || Double.isInfinite(values[i])) {
                v.error(field + "[" + i + "]", "must be a finite volume >= 0, got " + values[i]);
                return;
            }
        }
    }
}
