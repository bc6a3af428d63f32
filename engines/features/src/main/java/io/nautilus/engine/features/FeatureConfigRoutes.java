package io.nautilus.engine.features;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.ProblemException;
import io.nautilus.engine.features.FeatureRequests.FeatureSetBody;
import io.nautilus.engine.features.http.SeriesInputs;
import io.nautilus.engine.features.stream.FeatureConfig;
import io.nautilus.engine.features.stream.FeatureSet;
import io.nautilus.engine.features.stream.Universe;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Feature-set configuration over HTTP, persisted: the default set, universes (named symbol groups with one
 * set) and per-symbol overrides. A symbol gets its override, else its universe's set, else the default.
 * A change restarts the warm-up of the symbols whose set changed.
 */
final class FeatureConfigRoutes {

    private final FeaturesEngine engine;

    FeatureConfigRoutes(FeaturesEngine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig r) {
        r.get("/features/config", ctx -> ctx.json(describe(engine.config())));
        r.put("/features/config/default", this::putDefault);
        r.get("/features/config/symbols/{symbol}", this::getSymbol);
        r.put("/features/config/symbols/{symbol}", this::putSymbol);
        r.delete("/features/config/symbols/{symbol}", this::deleteSymbol);
        r.put("/features/config/universes/{name}", this::putUniverse);
        r.delete("/features/config/universes/{name}", this::deleteUniverse);
    }

    private void putDefault(Context ctx) {
        FeatureSet set = featureSet(Bodies.read(ctx, FeatureSetBody.class));
        ctx.json(describe(engine.changeConfig(c -> c.withDefault(set), s -> s.saveDefault(set))));
    }

    private void getSymbol(Context ctx) {
        String symbol = FeaturesRoutes.symbol(ctx);
        FeatureConfig config = engine.config();
        String source = config.symbols().containsKey(symbol) ? "symbol"
                : config.universeOf(symbol).map(u -> "universe:" + u.name()).orElse("default");
        var out = new LinkedHashMap<String, Object>();
        out.put("symbol", symbol);
        out.put("source", source);
        out.putAll(set(config.resolve(symbol)));
        ctx.json(out);
    }

    private void putSymbol(Context ctx) {
        String symbol = FeaturesRoutes.symbol(ctx);
        FeatureSet set = featureSet(Bodies.read(ctx, FeatureSetBody.class));
        ctx.json(describe(engine.changeConfig(c -> c.withSymbol(symbol, set), s -> s.saveSymbol(symbol, set))));
    }

    private void deleteSymbol(Context ctx) {
        String symbol = FeaturesRoutes.symbol(ctx);
        if (!engine.config().symbols().containsKey(symbol)) {
            throw ProblemException.notFound("no feature-set override for symbol " + symbol);
        }
        ctx.json(describe(engine.changeConfig(c -> c.withoutSymbol(symbol), s -> s.deleteSymbol(symbol))));
    }

    private void putUniverse(Context ctx) {
        FeatureSetBody body = Bodies.read(ctx, FeatureSetBody.class);
        FeatureSet set = featureSet(body);
        Universe universe;
        try {
            universe = new Universe(ctx.pathParam("name"), body.symbols() == null ? null : new LinkedHashSet<>(body.symbols()), set);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("name") ? "name" : "symbols";
            throw ProblemException.badField(field, e.getMessage());
        }
        ctx.json(describe(engine.changeConfig(c -> {
            List<String> conflicts = c.conflicts(universe);
            if (!conflicts.isEmpty()) {
                throw ProblemException.conflict("symbols already belong to another universe: " + conflicts
                        + "; remove them there first");
            }
            return c.withUniverse(universe);
        }, s -> s.saveUniverse(universe))));
    }

    private void deleteUniverse(Context ctx) {
        String name = ctx.pathParam("name");
        if (!engine.config().universes().containsKey(name)) {
            throw ProblemException.notFound("no universe named '" + name + "'");
        }
        ctx.json(describe(engine.changeConfig(c -> c.withoutUniverse(name), s -> s.deleteUniverse(name))));
    }

    private static FeatureSet featureSet(FeatureSetBody body) {
        return new FeatureSet(SeriesInputs.indicators("indicators", body.indicators(), true));
    }

    private static Map<String, Object> set(FeatureSet set) {
        var out = new LinkedHashMap<String, Object>();
        out.put("indicators", set.indicators());
        out.put("outputs", set.outputNames());
        return out;
    }

    static Map<String, Object> describe(FeatureConfig config) {
        var universes = new LinkedHashMap<String, Object>();
        config.universes().forEach((name, u) -> {
            var one = new LinkedHashMap<String, Object>();
            one.put("symbols", u.symbols());
            one.putAll(set(u.features()));
            universes.put(name, one);
        });
        var symbols = new LinkedHashMap<String, Object>();
        config.symbols().forEach((symbol, s) -> symbols.put(symbol, set(s)));
        var out = new LinkedHashMap<String, Object>();
        out.put("version", config.version());
        out.put("default", set(config.defaultSet()));
        out.put("universes", universes);
        out.put("symbols", symbols);
        return out;
    }
}
