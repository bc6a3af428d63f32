package io.nautilus.engine.risk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.QueryParams;
import io.nautilus.core.http.Validator;
import io.nautilus.core.model.WireNames;
import io.nautilus.engine.risk.http.RiskApi;
import io.nautilus.engine.risk.predict.VolatilityForecast;
import io.nautilus.engine.risk.predict.VolatilityForecaster;
import io.nautilus.engine.risk.report.ReportFormat;
import io.nautilus.engine.risk.report.RiskReport;
import io.nautilus.engine.risk.var.VarMethod;
import io.nautilus.engine.risk.var.VarResult;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * VaR, volatility forecasts, predictions and reports over HTTP. The stateless calculators ({@code POST /risk/var},
 * {@code POST /risk/volatility/forecast}) run the same classes as the portfolio routes, on the compute pool.
 */
final class RiskCalculatorRoutes {
    /** Largest panel accepted by POST /risk/var: periods x assets. */
    static final long MAX_CELLS = 5_000_000;

    private final RiskSettings settings;
    private final RiskRoutes routes;

    RiskCalculatorRoutes(RiskSettings settings, RiskRoutes routes) {
        this.settings = settings;
        this.routes = routes;
    }

    void register(RoutesConfig r) {
        r.post("/risk/var", this::statelessVar);
        r.post("/risk/volatility/forecast", this::forecast);
        r.get("/risk/var/{portfolio_id}", this::portfolioVar);
        r.get("/risk/prediction/{portfolio_id}", this::prediction);
        r.get("/risk/report/{portfolio_id}", this::report);
    }

    private void statelessVar(Context c) {
        RiskApi.VarBody b = Bodies.readStrict(c, RiskApi.VarBody.class);
        var v = new Validator();
        if (b.returns() == null || b.returns().length == 0) {
            v.error("returns", "is required: one row per period, one column per asset");
            v.throwIfInvalid();
        }
        int assets = b.returns()[0] == null ? 0 : b.returns()[0].length;
        for (int t = 0; t < b.returns().length; t++) {
            if (b.returns()[t] == null || b.returns()[t].length != assets) {
                v.error("returns[" + t + "]", "must have " + assets + " values like the first row");
                break;
            }
        }
        if ((long) assets * b.returns().length > MAX_CELLS) {
            v.error("returns", "at most " + MAX_CELLS + " values (periods x assets)");
        }
        if ((b.weights() == null) == (b.marketValues() == null)) {
            v.error("weights", "give exactly one of weights and market_values");
        }
        double[] given = b.weights() != null ? b.weights() : b.marketValues();
        String givenName = b.weights() != null ? "weights" : "market_values";
        if (given != null && given.length != assets) {
            v.error(givenName, "must have one value per asset (" + assets + "), got " + given.length);
        }
        double value = b.portfolioValue() == null ? 1.0 : v.positive("portfolio_value", b.portfolioValue());
        double confidence = b.confidence() == null ? 0.99 : confidence(v, b.confidence());
        int horizon = b.horizonDays() == null ? 1 : b.horizonDays();
        if (horizon < 1 || horizon > 250) {
            v.error("horizon_days", "must be in [1, 250], got " + horizon);
        }
        if (b.simulations() != null && (b.simulations() < 100 || b.simulations() > 1_000_000)) {
            v.error("simulations", "must be in [100, 1000000], got " + b.simulations());
        }
        v.throwIfInvalid();
        VarMethod method = b.method() == null ? VarMethod.HISTORICAL : WireNames.parse(VarMethod.class, "method", b.method());
        double[] exposures = b.weights() != null ? Arrays.stream(given).map(w -> w * value).toArray() : given;
        var calculator = RiskAnalytics.calculator(settings, b.simulations(), b.seed());
        VarResult r = routes.compute(() -> calculator.compute(method, b.returns(), exposures, confidence, horizon));
        c.json(varView(r));
    }

    static Map<String, Object> varView(VarResult r) {
        var out = new LinkedHashMap<String, Object>();
        out.put("var", r.var());
        out.put("expected_shortfall", r.expectedShortfall());
        out.put("component_var", r.componentVar());
        out.put("marginal_var", r.marginalVar());
        out.put("method", r.method().wireName());
        out.put("confidence", r.confidence());
        out.put("horizon_days", r.horizonDays());
        out.put("scenarios", r.scenarios());
        return out;
    }

    private void forecast(Context c) {
        RiskApi.ForecastBody b = Bodies.readStrict(c, RiskApi.ForecastBody.class);
        var v = new Validator();
        v.series("returns", b.returns(), 2, 100_000);
        int horizon = b.horizonDays() == null ? 1 : b.horizonDays();
        double lambda = b.lambda() == null ? settings.varLambda() : v.inRange("lambda", b.lambda(), 0.0, 1.0);
        String model = b.model() == null ? "garch" : b.model().trim().toLowerCase(java.util.Locale.ROOT);
        if (!model.equals("garch") && !model.equals("ewma")) {
            v.error("model", "must be ewma or garch, got '" + b.model() + "'");
        }
        v.throwIfInvalid();
        VolatilityForecast f = routes.compute(() -> model.equals("ewma")
                ? VolatilityForecaster.ewma(b.returns(), lambda, horizon)
                : VolatilityForecaster.garch(b.returns(), horizon));
        var params = new LinkedHashMap<String, Object>();
        if (model.equals("ewma")) {
            params.put("lambda", f.lambda());
        } else {
            params.put("mu", f.mu());
            params.put("omega", f.omega());
            params.put("alpha", f.alpha());
            params.put("beta", f.beta());
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("model", f.model());
        out.put("parameters", params);
        out.put("log_likelihood", f.logLikelihood());
        out.put("forecast_variance", f.variancePath());
        out.put("forecast_volatility", Arrays.stream(f.variancePath()).map(Math::sqrt).toArray());
        out.put("horizon_volatility", f.horizonVolatility());
        out.put("observations", f.observations());
        out.put("converged", f.converged());
        c.json(out);
    }

    private void portfolioVar(Context c) {
        var v = new Validator();
        double confidence = c.queryParam("confidence") == null ? 0.99
                : confidence(v, QueryParams.doubleParam(c, "confidence", 0.99, -Double.MAX_VALUE, Double.MAX_VALUE));
        v.throwIfInvalid();
        int horizon = QueryParams.intParam(c, "horizon_days", 1, 1, 250);
        VarMethod method = QueryParams.enumParam(c, "method", VarMethod.class, VarMethod.HISTORICAL);
        RiskCommands.PortfolioSnapshot s = known(RiskRoutes.portfolioId(c));
        var calculator = RiskAnalytics.calculator(settings, null, null);
        VarResult r = routes.compute(() -> RiskAnalytics.var(s, calculator, method, confidence, horizon));
        Map<String, Object> out = varView(r);
        out.put("symbols", s.returnSymbols());
        out.put("portfolio_id", s.portfolioId());
        c.json(out);
    }

    private void prediction(Context c) {
        RiskCommands.PortfolioSnapshot s = known(RiskRoutes.portfolioId(c));
        c.json(routes.compute(() -> RiskAnalytics.predict(s, settings.predictionModel(), settings.alertProbability(),
                settings.varLambda())));
    }

    private void report(Context c) {
        ReportFormat format = QueryParams.enumParam(c, "format", ReportFormat.class, ReportFormat.JSON);
        RiskCommands.PortfolioSnapshot s = known(RiskRoutes.portfolioId(c));
        var open = routes.openBreaches(s.portfolioId());
        RiskReport report = routes.compute(() -> ReportBuilder.build(s, open, settings));
        if (format == ReportFormat.JSON) {
            c.json(ReportFormat.jsonTree(report));
        } else {
            c.contentType(format.contentType()).result(format.render(report));
        }
    }

    private RiskCommands.PortfolioSnapshot known(String portfolioId) {
        return routes.knownSnapshot(portfolioId);
    }

    /** A VaR confidence: open interval (0.5, 1), as {@code VarInputs} requires (1 would be an infinite quantile). */
    private static double confidence(Validator v, Double value) {
        double d = v.finite("confidence", value);
        if (Double.isFinite(d) && !(d > 0.5 && d < 1.0)) {
            v.error("confidence", "must be in (0.5, 1), both ends excluded, got " + d);
        }
        return d;
    }
}
