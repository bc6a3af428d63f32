package io.nautilus.engine.features;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.ProblemException;
import io.nautilus.engine.features.FeatureRequests.IndicatorsBody;
import io.nautilus.engine.features.http.SeriesInputs;
import io.nautilus.core.quant.indicator.BarInput;
import io.nautilus.core.quant.indicator.IndicatorCatalog;
import io.nautilus.core.quant.indicator.IndicatorRequest;
import io.nautilus.core.quant.indicator.IndicatorSeries;
import io.nautilus.core.quant.indicator.IndicatorSpec;
import io.nautilus.core.quant.indicator.OhlcvSeries;
import io.nautilus.core.quant.indicator.SeriesCalculator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole-series routes: {@code POST /features/indicators} returns every requested indicator's full output
 * series aligned with the input ({@code null} where it has no value yet); {@code GET /features/indicators}
 * lists the catalogue with parameters, defaults, ranges, inputs, outputs and conventions.
 */
final class IndicatorRoutes {

    /** Conventions shared by every indicator, served with the catalogue. */
    static final String CONVENTIONS = "Values are null until an indicator has enough bars (never a guess). EMAs and"
            + " Wilder averages are seeded TA-Lib style with the simple mean of their first n inputs. Standard"
            + " deviations are population unless an entry says sample. Percent outputs are 0-100; fractions are"
            + " plain ratios; volatility estimators are annualized fractions (variance times periods_per_year,"
            + " default 252). VWAP over a posted series is cumulative from its first bar (one session).";

    private final FeaturesEngine engine;

    IndicatorRoutes(FeaturesEngine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig r) {
        r.get("/features/indicators", this::catalogue);
        r.post("/features/indicators", this::compute);
    }

    private void catalogue(Context ctx) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (IndicatorSpec spec : IndicatorCatalog.standard().specs()) {
            var e = new LinkedHashMap<String, Object>();
            e.put("name", spec.name());
            e.put("description", spec.description());
            e.put("params", spec.params());
            e.put("inputs", spec.inputs().stream().sorted().map(BarInput::fieldName).toList());
            e.put("outputs", spec.outputs());
            e.put("default_outputs", spec.outputNames(Map.of()));
            e.put("warmup_bars", spec.create(Map.of()).warmupBars());
            e.put("conventions", spec.conventions());
            entries.add(e);
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("indicators", entries);
        out.put("count", entries.size());
        out.put("conventions", CONVENTIONS);
        out.put("max_series_length", engine.settings().maxSeriesLength());
        ctx.json(out);
    }

    private void compute(Context ctx) {
        IndicatorsBody body = Bodies.read(ctx, IndicatorsBody.class);
        OhlcvSeries bars = SeriesInputs.series("", engine.settings().maxSeriesLength(), "close", body.close(),
                body.open(), body.high(), body.low(), body.volume());
        List<IndicatorRequest> requests = SeriesInputs.indicators("indicators", body.indicators(), true);
        for (int i = 0; i < requests.size(); i++) {
            if (!SeriesCalculator.DEFAULT.supports(bars, requests.get(i))) {
                IndicatorSpec spec = IndicatorCatalog.standard().spec(requests.get(i).name());
                throw ProblemException.badField("indicators[" + i + "]", "indicator '" + spec.name() + "' needs inputs "
                        + spec.inputs().stream().sorted().map(BarInput::fieldName).toList() + "; the body lacks "
                        + spec.inputs().stream().filter(x -> !bars.has(x)).sorted().map(BarInput::fieldName).toList());
            }
        }
        Map<String, Object> out = FeaturesRoutes.compute(engine, () -> {
            IndicatorSeries series = SeriesCalculator.DEFAULT.compute(bars, requests);
            var columns = new LinkedHashMap<String, Double[]>();
            for (String name : series.names()) {
                columns.put(name, nullWhereNaN(series.column(name)));
            }
            List<Map<String, Object>> indicators = new ArrayList<>();
            for (IndicatorRequest r : requests) {
                var e = new LinkedHashMap<String, Object>();
                e.put("name", r.name());
                e.put("params", r.params());
                e.put("outputs", IndicatorCatalog.standard().spec(r.name()).outputNames(r.params()));
                indicators.add(e);
            }
            var result = new LinkedHashMap<String, Object>();
            result.put("length", series.length());
            result.put("indicators", indicators);
            result.put("series", columns);
            return result;
        });
        ctx.json(out);
    }

    private static Double[] nullWhereNaN(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isNaN(values[i]) ? null : values[i];
        }
        return out;
    }
}
