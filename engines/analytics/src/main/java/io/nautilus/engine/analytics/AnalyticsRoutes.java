package io.nautilus.engine.analytics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.http.FieldError;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.http.QueryParams;
import io.nautilus.core.model.Checks;
import io.nautilus.core.model.WireName;
import io.nautilus.core.time.Clock;
import io.nautilus.engine.analytics.metrics.PerformanceCalculator;
import io.nautilus.engine.analytics.pnl.PortfolioSnapshot;
import io.nautilus.engine.analytics.report.EquityCurve;
import io.nautilus.engine.analytics.report.TearSheet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * HTTP routes over the engine's live state: P&amp;L snapshots, the persisted equity curve and the tear sheet.
 * Handlers read the engine's immutable {@link AnalyticsView} and the store; they never touch the ledger. Thread-safe.
 */
final class AnalyticsRoutes {
    static final int MAX_LIMIT = 1_000_000;

    /** The tear sheet's formats ({@code ?format=}, else from the Accept header, else JSON). */
    enum ReportFormat implements WireName { JSON, CSV, HTML }

    private final Supplier<AnalyticsView> view;
    private final EquityStore store;
    private final AnalyticsSettings settings;
    private final Clock clock;

    /**
     * @param view  the engine's latest view (an immutable value the ring thread publishes)
     * @param store the equity curves (read on the HTTP thread; the store pools connections)
     */
    AnalyticsRoutes(Supplier<AnalyticsView> view, EquityStore store, AnalyticsSettings settings, Clock clock) {
        this.view = view;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    void register(RoutesConfig r) {
        r.get("/analytics/pnl", ctx -> {
            List<PortfolioSnapshot> all = List.copyOf(view.get().portfolios().values());
            ctx.json(Map.of("portfolios", all, "count", all.size()));
        });
        r.get("/analytics/pnl/{portfolio_id}", ctx -> ctx.json(pnl(ctx.pathParam("portfolio_id"))));
        r.get("/analytics/equity/{portfolio_id}", ctx -> {
            String id = ctx.pathParam("portfolio_id");
            var points = store.curve(id, QueryParams.intParam(ctx, "limit", 10_000, 1, MAX_LIMIT));
            if (points.isEmpty() && view.get().portfolio(id) == null) {
                throw unknownPortfolio(id);
            }
            ctx.json(Map.of("portfolio_id", id, "points", points, "count", points.size()));
        });
        r.get("/analytics/tearsheet/{portfolio_id}", this::tearSheet);
    }

    PortfolioSnapshot pnl(String portfolioId) {
        PortfolioSnapshot s = view.get().portfolio(portfolioId);
        if (s == null) {
            throw unknownPortfolio(portfolioId);
        }
        return s;
    }

    /** The portfolio's equity curve as sampled, or a 404/422 when there is none or it is not positive. */
    EquityCurve curve(String portfolioId) {
        var points = store.curve(portfolioId, MAX_LIMIT);
        if (points.isEmpty()) {
            if (view.get().portfolio(portfolioId) != null) {
                throw ProblemException.unprocessable("insufficient data: portfolio " + portfolioId
                        + " has no equity sample yet (sampled every " + settings.sampleIntervalMillis()
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
        ReportFormat format = QueryParams.enumParam(ctx, "format", ReportFormat.class, accepted(ctx));
        var sheet = TearSheet.of(id, curve(id), new PerformanceCalculator(settings.performance()), clock.nowNanos());
        switch (format) {
            case HTML -> ctx.contentType("text/html; charset=utf-8").result(sheet.toHtml());
            case CSV -> ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"tearsheet-" + fileSafe(id) + ".csv\"")
                    .result(sheet.toCsv());
            case JSON -> ctx.json(sheet.toJson());
        }
    }

    /** The id as a file name: letters, digits, '.', '-' and '_' kept, anything else (quotes, slashes, CR/LF) '_'. */
    static String fileSafe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The format the Accept header asks for, used when no {@code format} parameter is given. */
    private static ReportFormat accepted(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/html")) {
            return ReportFormat.HTML;
        }
        if (accept != null && accept.contains("text/csv")) {
            return ReportFormat.CSV;
        }
        return ReportFormat.JSON;
    }

    static ProblemException unknownPortfolio(String id) {
        return new ProblemException(404, "Not Found", "portfolio " + Checks.shorten(id) + " is unknown to the"
                + " Analytics engine: the Portfolio engine has published no state of it and no fill or position has"
                + " been seen for it", List.of(new FieldError("portfolio_id", "unknown")), Map.of());
    }
}
