package io.nautilus.engine.analytics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.FieldError;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.http.Validator;
import io.nautilus.core.quant.stats.Returns;
import io.nautilus.engine.analytics.metrics.PerformanceCalculator;
import io.nautilus.engine.analytics.metrics.PerformanceReport;
import io.nautilus.engine.analytics.pnl.PortfolioSnapshot;
import io.nautilus.engine.analytics.pnl.PositionSnapshot;
import io.nautilus.engine.analytics.report.ReportJson;
import io.nautilus.engine.analytics.symbol.DailySeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST|GET /analytics/calculate/{portfolio_id}}: performance and risk-adjusted metrics of a portfolio's
 * current holdings held over the last {@code period_days} daily bars (buy and hold at constant quantities). The
 * holdings are the posted {@code positions} ({@code symbol} with {@code quantity}, or {@code market_value} turned
 * into units at the last close), or, when none are posted, the positions the engine knows from
 * {@code fill.>}/{@code position.>} events. Thread-safe.
 */
final class CalculateRoutes {
    static final int MAX_POSITIONS = 500;

    private final Supplier<AnalyticsView> view;
    private final AnalyticsSettings settings;
    private final SymbolRoutes routes;

    CalculateRoutes(Supplier<AnalyticsView> view, AnalyticsSettings settings, SymbolRoutes routes) {
        this.view = view;
        this.settings = settings;
        this.routes = routes;
    }

    /** Body: old clients send {@code {"positions": []}}. */
    record CalculateRequest(List<PositionBody> positions, Integer periodDays) {
    }

    /** One holding: a symbol with units or a market value (signed). */
    record PositionBody(String symbol, Double quantity, Double marketValue) {
    }

    void register(RoutesConfig r) {
        r.post("/analytics/calculate/{portfolio_id}", SymbolRoutes.mapped(this::handle));
        r.get("/analytics/calculate/{portfolio_id}", SymbolRoutes.mapped(this::handle));
    }

    private void handle(Context ctx) {
        String portfolioId = ctx.pathParam("portfolio_id");
        CalculateRequest body = ctx.method().name().equals("GET") ? new CalculateRequest(null, null)
                : Bodies.readOr(ctx, CalculateRequest.class, new CalculateRequest(null, null));
        Integer asked = SymbolRoutes.periodBody(body.periodDays());
        if (asked == null) {
            asked = SymbolRoutes.periodQuery(ctx);
        }
        PortfolioSnapshot known = view.get().portfolio(portfolioId);
        List<PositionBody> holdings = body.positions() != null && !body.positions().isEmpty() ? body.positions()
                : fromLedger(portfolioId, known);
        validate(holdings);

        var series = new ArrayList<DailySeries>();
        double[] quantities = new double[holdings.size()];
        for (int i = 0; i < holdings.size(); i++) {
            PositionBody p = holdings.get(i);
            DailySeries s = routes.bars(p.symbol(), asked, asked == null ? "positions[" + i + "].symbol"
                    : "period_days");
            series.add(s);
            double[] close = s.close();
            quantities[i] = p.quantity() != null ? p.quantity() : p.marketValue() / close[close.length - 1];
        }
        double[] values = DailySeries.basketValues(series, quantities);
        if (values.length < PerformanceCalculator.MIN_OBSERVATIONS + 1) {
            throw ProblemException.unprocessable("insufficient history: the holdings share " + values.length
                    + " bar time(s) in the period", List.of(new FieldError("positions", "too few common bars")));
        }
        for (int t = 0; t < values.length; t++) {
            if (!(values[t] > 0)) {
                throw ProblemException.unprocessable("the holdings are worth " + values[t] + " at bar " + t
                        + ": returns are undefined for a portfolio whose value is not positive", List.of(
                        new FieldError("positions", "net value must stay > 0")));
            }
        }
        double[] returns = Returns.simple(values);
        PerformanceReport report = new PerformanceCalculator(settings.performance()).calculate(returns);
        double last = values[values.length - 1];
        var positions = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < holdings.size(); i++) {
            double[] close = series.get(i).close();
            double value = quantities[i] * close[close.length - 1];
            positions.add(Map.of("symbol", holdings.get(i).symbol(), "quantity", quantities[i],
                    "market_value", value, "weight", value / last));
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("status", "calculated");
        out.put("portfolio_id", portfolioId);
        SymbolRoutes.period(out, asked, returns.length);
        out.put("method", "buy and hold of the holdings at constant quantities over the common daily bars");
        out.put("positions", positions);
        out.put("result", ReportJson.seedResult(report));
        out.put("metrics", ReportJson.metrics(report));
        out.put("pnl", known);
        ctx.json(out);
    }

    private static List<PositionBody> fromLedger(String portfolioId, PortfolioSnapshot known) {
        if (known == null) {
            throw ProblemException.unprocessable("no positions: post {\"positions\": [{\"symbol\", \"quantity\"}]}"
                    + " or let the engine see fills or positions of " + portfolioId,
                    List.of(new FieldError("positions", "is empty and the portfolio is unknown")));
        }
        var out = new ArrayList<PositionBody>();
        for (PositionSnapshot p : known.positions()) {
            if (p.quantity() != 0) {
                out.add(new PositionBody(p.symbol(), p.quantity(), null));
            }
        }
        if (out.isEmpty()) {
            throw ProblemException.unprocessable("portfolio " + portfolioId + " holds no open position",
                    List.of(new FieldError("positions", "is empty and the portfolio is flat")));
        }
        return out;
    }

    private static void validate(List<PositionBody> holdings) {
        var v = new Validator();
        if (holdings.size() > MAX_POSITIONS) {
            v.error("positions", "at most " + MAX_POSITIONS + " positions, got " + holdings.size());
        }
        for (int i = 0; i < holdings.size(); i++) {
            PositionBody p = holdings.get(i);
            if (p == null) {
                v.error("positions[" + i + "]", "is required");
                continue;
            }
            v.notBlank("positions[" + i + "].symbol", p.symbol());
            if (p.quantity() == null && p.marketValue() == null) {
                v.error("positions[" + i + "]", "needs quantity or market_value");
            } else if (p.quantity() != null) {
                v.finite("positions[" + i + "].quantity", p.quantity());
            } else {
                v.finite("positions[" + i + "].market_value", p.marketValue());
            }
        }
        v.throwIfInvalid();
    }
}
