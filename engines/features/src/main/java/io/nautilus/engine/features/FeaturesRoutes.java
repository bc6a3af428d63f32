package io.nautilus.engine.features;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.http.Await;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.FieldError;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.http.Validator;
import io.nautilus.core.model.Checks;
import io.nautilus.core.model.FeatureVector;
import io.nautilus.engine.features.FeatureRequests.BatchBody;
import io.nautilus.engine.features.FeatureRequests.SeriesBody;
import io.nautilus.engine.features.batch.SeriesFeatures;
import io.nautilus.engine.features.fundamental.FundamentalRatios;
import io.nautilus.engine.features.fundamental.Fundamentals;
import io.nautilus.engine.features.http.SeriesInputs;
import io.nautilus.core.quant.indicator.IndicatorCatalog;
import io.nautilus.core.quant.indicator.OhlcvSeries;
import io.nautilus.core.model.BarInterval;
import io.nautilus.engine.features.stream.FeatureSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The seed routes of the features engine: {@code GET /features/available}, {@code POST
 * /features/technical/{symbol}}, {@code POST /features/calculate/{symbol}}, {@code POST /features/batch},
 * {@code POST /features/fundamental/{symbol}} and {@code GET /features/{symbol}/latest}. Batch work runs on
 * the engine's compute pool.
 */
final class FeaturesRoutes {

    private final FeaturesEngine engine;

    FeaturesRoutes(FeaturesEngine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig r) {
        r.get("/features/available", this::available);
        r.post("/features/technical/{symbol}", this::technical);
        r.post("/features/calculate/{symbol}", this::calculate);
        r.post("/features/batch", this::batch);
        r.post("/features/fundamental/{symbol}", this::fundamental);
        r.get("/features/{symbol}/latest", this::latest);
    }

    private void available(Context ctx) {
        List<String> technical = engine.config().defaultSet().outputNames();
        var features = new LinkedHashMap<String, Object>();
        features.put("technical", technical);
        features.put("fundamental", FundamentalRatios.NAMES);
        var body = new LinkedHashMap<String, Object>();
        body.put("features", features);
        body.put("count", technical.size() + FundamentalRatios.NAMES.size());
        body.put("indicators", IndicatorCatalog.standard().names());
        body.put("intervals", engine.settings().intervals().stream().map(BarInterval::label).toList());
        ctx.json(body);
    }

    private void technical(Context ctx) {
        String symbol = symbol(ctx);
        SeriesBody body = Bodies.read(ctx, SeriesBody.class);
        SeriesFeatures result = compute(engine, () -> seriesFeatures(symbol, "", body, engine.config().resolve(symbol)));
        requireSomeValue(symbol, result);
        var out = completed(symbol, "technical", result.features());
        details(out, result, body.currentPrice());
        ctx.json(out);
    }

    private void calculate(Context ctx) {
        String symbol = symbol(ctx);
        SeriesBody body = Bodies.readOr(ctx, SeriesBody.class, null);
        var features = new LinkedHashMap<String, Double>();
        var out = new LinkedHashMap<String, Object>();
        if (body != null && body.prices() != null) {
            SeriesFeatures technical = compute(engine, () -> seriesFeatures(symbol, "", body, engine.config().resolve(symbol)));
            features.putAll(technical.features());
            details(out, technical, body.currentPrice());
        } else {
            Map<String, FeatureVector> live = engine.view().latest(symbol);
            for (FeatureVector v : live.values()) {
                v.values().forEach((name, value) -> features.put(live.size() == 1 ? name : v.interval() + "." + name, value));
            }
        }
        FundamentalRatios.Result fundamental = body != null && body.fundamentals() != null
                ? FundamentalRatios.DEFAULT.compute(body.fundamentals()) : engine.view().fundamentals().get(symbol);
        if (fundamental != null) {
            features.putAll(fundamental.values());
            out.put("omitted", fundamental.omitted());
        }
        if (features.isEmpty()) {
            throw ProblemException.unprocessable("no features for " + symbol + ": post a series ('prices') or"
                    + " fundamentals, or wait for live bars of " + symbol, List.of(new FieldError("prices", "is required")));
        }
        var result = completed(symbol, "all", features);
        result.putAll(out);
        ctx.json(result);
    }

    private void batch(Context ctx) {
        BatchBody body = Bodies.read(ctx, BatchBody.class);
        var v = new Validator();
        v.required("market_data", body.marketData());
        v.throwIfInvalid();
        List<String> symbols = body.symbols() == null || body.symbols().isEmpty()
                ? new ArrayList<>(body.marketData().keySet()) : new ArrayList<>(new LinkedHashSet<>(body.symbols()));
        if (symbols.isEmpty()) {
            throw ProblemException.badField("symbols", "must list at least one symbol (or give market_data)");
        }
        if (symbols.size() > engine.settings().maxBatchSymbols()) {
            throw ProblemException.badField("symbols", "must list at most " + engine.settings().maxBatchSymbols()
                    + " symbols, got " + symbols.size());
        }
        for (String s : symbols) {
            try {
                Checks.validSymbol("symbols", s);
            } catch (IllegalArgumentException e) {
                v.error("symbols", e.getMessage());
            }
            if (body.marketData().get(s) == null) {
                v.error("market_data." + s, "is required for every listed symbol");
            }
        }
        v.throwIfInvalid();
        FeatureSet override = body.indicators() == null ? null
                : new FeatureSet(SeriesInputs.indicators("indicators", body.indicators(), true));
        Map<String, Object> results = compute(engine, () -> {
            var out = new LinkedHashMap<String, Object>();
            for (String s : symbols) {
                SeriesBody series = body.marketData().get(s);
                FeatureSet set = override != null ? override : engine.config().resolve(s);
                SeriesFeatures f = seriesFeatures(s, "market_data." + s + ".", series, set);
                var one = new LinkedHashMap<String, Object>();
                one.put("features", f.features());
                one.put("count", f.features().size());
                details(one, f, series.currentPrice());
                out.put(s, one);
            }
            return out;
        });
        var out = new LinkedHashMap<String, Object>();
        out.put("status", "completed");
        out.put("feature_type", "technical");
        out.put("results", results);
        out.put("count", results.size());
        ctx.json(out);
    }

    private void fundamental(Context ctx) {
        String symbol = symbol(ctx);
        Fundamentals f = Bodies.read(ctx, Fundamentals.class);
        FundamentalRatios.Result result = Await.result(engine.putFundamentals(symbol,
                FundamentalRatios.DEFAULT.compute(f)), java.time.Duration.ofSeconds(10), "the features engine");
        var out = completed(symbol, "fundamental", result.values());
        var units = new LinkedHashMap<String, String>();
        var formulas = new LinkedHashMap<String, String>();
        result.features().forEach(x -> {
            units.put(x.name(), x.unit());
            formulas.put(x.name(), x.formula());
        });
        out.put("units", units);
        out.put("formulas", formulas);
        out.put("omitted", result.omitted());
        ctx.json(out);
    }

    private void latest(Context ctx) {
        String symbol = symbol(ctx);
        FeaturesEngine.View view = engine.view();
        Map<String, FeatureVector> live = view.latest(symbol);
        FundamentalRatios.Result fundamental = view.fundamentals().get(symbol);
        if (live.isEmpty() && fundamental == null) {
            throw ProblemException.notFound("no feature vector for " + symbol + " yet: features appear after its bars"
                    + " arrive on md.bar.<interval>." + symbol + " and warm up");
        }
        var intervals = new LinkedHashMap<String, Object>();
        for (var e : new java.util.TreeMap<>(live).entrySet()) {
            var one = new LinkedHashMap<String, Object>();
            one.put("ts_nanos", e.getValue().tsNanos());
            one.put("features", e.getValue().values());
            one.put("count", e.getValue().values().size());
            intervals.put(e.getKey(), one);
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("symbol", symbol);
        out.put("intervals", intervals);
        if (fundamental != null) {
            out.put("fundamental", fundamental.values());
        }
        ctx.json(out);
    }

    private SeriesFeatures seriesFeatures(String symbol, String prefix, SeriesBody body, FeatureSet configured) {
        OhlcvSeries bars = SeriesInputs.series(prefix, engine.settings().maxSeriesLength(), "prices", body.prices(),
                body.open(), body.high(), body.low(), body.volumes());
        if (body.currentPrice() != null) {
            var v = new Validator();
            v.positive(prefix + "current_price", body.currentPrice());
            v.throwIfInvalid();
        }
        BarInterval interval;
        try {
            interval = BarInterval.parse(body.interval() == null ? "1d" : body.interval());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(prefix + "interval", e.getMessage());
        }
        double perYear = interval.periodsPerYear(engine.settings().tradingDaysPerYear(), engine.settings().sessionSeconds());
        if (body.indicators() != null) {
            var requested = new FeatureSet(SeriesInputs.indicators(prefix + "indicators", body.indicators(), true));
            SeriesFeatures f = SeriesFeatures.compute(bars, requested.annualizedFor(perYear));
            if (!f.unavailable().isEmpty()) {
                throw ProblemException.badField(prefix + "indicators", "the series lacks inputs: " + f.unavailable());
            }
            return f;
        }
        return SeriesFeatures.compute(bars, configured.annualizedFor(perYear));
    }

    private static void requireSomeValue(String symbol, SeriesFeatures f) {
        if (f.features().isEmpty()) {
            throw ProblemException.unprocessable("too little data for " + symbol + ": " + f.bars() + " bars give no"
                    + " feature a value yet (insufficient data: " + f.insufficientData() + ")",
                    List.of(new FieldError("prices", "needs more values")));
        }
    }

    private static void details(Map<String, Object> out, SeriesFeatures f, Double currentPrice) {
        out.put("bars", f.bars());
        if (currentPrice != null) {
            out.put("current_price", currentPrice);
        }
        out.put("insufficient_data", f.insufficientData());
        out.put("unavailable", f.unavailable());
    }

    private static LinkedHashMap<String, Object> completed(String symbol, String type, Map<String, Double> features) {
        var out = new LinkedHashMap<String, Object>();
        out.put("status", "completed");
        out.put("symbol", symbol);
        out.put("feature_type", type);
        out.put("features", features);
        out.put("count", features.size());
        return out;
    }

    /** A computation on the compute pool, waited for ({@link Await}: a full pool or a time-out is a 503). */
    static <T> T compute(FeaturesEngine engine, java.util.function.Supplier<T> work) {
        return Await.result(engine.compute(work), FeaturesEngine.COMPUTE_TIMEOUT.plusSeconds(1), "the feature computation");
    }

    static String symbol(Context ctx) {
        return Validator.symbol("symbol", ctx.pathParam("symbol"));
    }
}
