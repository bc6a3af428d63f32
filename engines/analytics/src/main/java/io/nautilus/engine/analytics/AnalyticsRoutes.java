package io.nautilus.engine.analytics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.http.FieldError;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.model.Checks;
import io.nautilus.engine.analytics.metrics.PerformanceCalculator;
import io.nautilus.engine.analytics.pnl.PortfolioSnapshot;
import io.nautilus.engine.analytics.report.EquityCurve;
import io.nautilus.engine.analytics.report.TearSheet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP routes over the engine's live state: P&amp;L snapshots, the persisted equity curve and the tear sheet.
 * Handlers read the engine's immutable snapshot and the store; they never touch the ledger. Thread-safe.
 */
final class AnalyticsRoutes {
    static final int MAX_LIMIT = 1_000_000;

    private final AnalyticsEngine engine;

    AnalyticsRoutes(AnalyticsEngine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig r) {
        r.get("/analytics/pnl", ctx -> {
            List<PortfolioSnapshot> all = List.copyOf(engine.latest().values());
            ctx.json(Map.of("portfolios", all, "count", all.size()));
        });
        r.get("/analytics/pnl/{portfolio_id}", ctx -> ctx.json(pnl(ctx.pathParam("portfolio_id"))));
        r.get("/analytics/equity/{portfolio_id}", ctx -> {
            String id = ctx.pathParam("portfolio_id");
            var points = engine.equityStore().curve(id, limit(ctx, 10_000));
            if (points.isEmpty() && !engine.latest().containsKey(id)) {
                throw unknownPortfolio(id);
            }
            ctx.json(Map.of("portfolio_id", id, "points", points, "count", points.size()));
        });
        r.get("/analytics/tearsheet/{portfolio_id}", this::tearSheet);
    }

    PortfolioSnapshot pnl(String portfolioId) {
        PortfolioSnapshot s = engine.latest().get(portfolioId);
        if (s == null) {
            throw unknownPortfolio(portfolioId);
        }
        return s;
    }

    /** The portfolio's equity curve as sampled, or a 404/422 when there is none or it is not positive. */
    EquityCurve curve(String portfolioId) {
        var points = engine.equityStore().curve(portfolioId, MAX_LIMIT);
        if (points.isEmpty()) {
            if (engine.latest().containsKey(portfolioId)) {
                throw ProblemException.unprocessable("insufficient data: portfolio " + portfolioId
                        + " has no equity sample yet (sampled every " + engine.settings().sampleIntervalMillis()
                        + " ms)", List.of());
            }
            throw unknownPortfolio(portfolioId);
        }
        long[] t = new long[points.size()];
        double[] e = new double[points.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = points.get(i).tsNanos();
            e[i] = points.get(i).equity();
            if (!(e[i] > 0)) {
                throw ProblemException.unprocessable("equity of " + portfolioId + " is " + e[i] + " at " + t[i]
                        + ": returns are undefined through non-positive equity (the portfolio's cash plus its"
                        + " positions)",
                        List.of());
            }
        }
        return new EquityCurve(t, e);
    }

    private void tearSheet(Context ctx) {
        String id = ctx.pathParam("portfolio_id");
        String format = format(ctx);
        var sheet = TearSheet.of(id, curve(id), new PerformanceCalculator(engine.settings().performance()),
                engine.clock().nowNanos());
        switch (format) {
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(sheet.toHtml());
            case "csv" -> ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"tearsheet-" + fileSafe(id) + ".csv\"")
                    .result(sheet.toCsv());
            default -> ctx.json(sheet.toJson());
        }
    }

    /** The id as a file name: letters, digits, '.', '-' and '_' kept, anything else (quotes, slashes, CR/LF) '_'. */
    static String fileSafe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String format(Context ctx) {
        String f = ctx.queryParam("format");
        if (f == null || f.isBlank()) {
            String accept = ctx.header("Accept");
            if (accept != null && accept.contains("text/html")) {
                return "html";
            }
            if (accept != null && accept.contains("text/csv")) {
                return "csv";
            }
            return "json";
        }
        f = f.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("csv") && !f.equals("html")) {
            throw ProblemException.badField("format", "must be json, csv or html, got '" + f + "'");
        }
        return f;
    }

    static int limit(Context ctx, int defaultLimit) {
        return intQuery(ctx, "limit", defaultLimit, 1, MAX_LIMIT);
    }

    /** An integer query parameter in {@code [min, max]}, or {@code defaultValue} when absent; else a 400. */
    static int intQuery(Context ctx, String name, int defaultValue, int min, int max) {
        String s = ctx.queryParam(name);
        if (s == null || s.isBlank()) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(name, "must be an integer, got '" + s + "'");
        }
        if (n < min || n > max) {
            throw ProblemException.badField(name, "must be in [" + min + ", " + max + "], got " + n);
        }
        return n;
    }

    static ProblemException unknownPortfolio(String id) {
        return new ProblemException(404, "Not Found", "portfolio " + Checks.shorten(id) + " is unknown to the"
                + " Analytics engine: the Portfolio engine has published no state of it and no fill or position has"
                + " been seen for it", List.of(new FieldError("portfolio_id", "unknown")), Map.of());
    }
}
