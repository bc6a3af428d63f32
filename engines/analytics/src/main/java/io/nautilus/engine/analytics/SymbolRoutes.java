package io.nautilus.engine.analytics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.FieldError;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.http.QueryParams;
import io.nautilus.core.http.Validator;
import io.nautilus.core.model.Bar;
import io.nautilus.engine.analytics.MarketDataClient.MarketDataFailure;
import io.nautilus.engine.analytics.metrics.PerformanceCalculator;
import io.nautilus.engine.analytics.metrics.PerformanceReport;
import io.nautilus.engine.analytics.metrics.WinLossStatistics;
import io.nautilus.engine.analytics.report.ReportJson;
import io.nautilus.engine.analytics.symbol.BarIndicators;
import io.nautilus.engine.analytics.symbol.DailySeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The seed's symbol routes and the performance routes: metrics over a symbol's daily bars, asked from the
 * Market Data engine over the bus. Without a {@code period_days} they use the last {@value #DEFAULT_PERIOD_DAYS}
 * daily returns, or as many as the history has (at least {@link PerformanceCalculator#MIN_OBSERVATIONS}), and say
 * how many in {@code returns_used}; a {@code period_days} asked for is honoured exactly or is a 422 naming the
 * field. Nothing is made up. Thread-safe.
 */
final class SymbolRoutes {
    /** Daily returns used when no period is asked for (a year; 253 daily bars). */
    static final int DEFAULT_PERIOD_DAYS = 252;
    static final int MAX_PERIOD_DAYS = 99_999;
    /** Bars the indicator set needs (SMA 50 is the longest). */
    static final int INDICATOR_BARS = 50;

    private final Supplier<AnalyticsView> view;
    private final AnalyticsSettings settings;
    private final MarketDataClient marketData;
    private final AnalyticsRoutes portfolios;

    /**
     * @param view       the engine's latest view (an immutable value the ring thread publishes)
     * @param portfolios the portfolio routes, for the equity curve of {@code POST /analytics/performance}
     */
    SymbolRoutes(Supplier<AnalyticsView> view, AnalyticsSettings settings, MarketDataClient marketData,
                 AnalyticsRoutes portfolios) {
        this.view = view;
        this.settings = settings;
        this.marketData = marketData;
        this.portfolios = portfolios;
    }

    /** Body of {@code POST /analytics/performance/{portfolio_id}}. */
    record PerformanceRequest(String symbol, Integer periodDays, String benchmark) {
    }

    void register(RoutesConfig r) {
        r.get("/analytics/performance-metrics/{symbol}", mapped(this::symbolMetrics));
        r.post("/analytics/performance/{portfolio_id}", mapped(this::performance));
        r.get("/analytics/market-data/{symbol}", mapped(this::marketData));
        r.get("/analytics/available-symbols", ctx -> {
            List<String> symbols = view.get().symbols();
            ctx.json(Map.of("symbols", symbols, "count", symbols.size(),
                    "source", "symbols with a quote, trade, fill or position seen by the Analytics engine"));
        });
        r.get("/analytics/technical-indicators/{symbol}", mapped(this::indicators));
    }

    /** {@code handler} with the {@link MarketDataFailure}s of the bars it asks for as problems. */
    static Handler mapped(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (MarketDataFailure f) {
                throw problem(f);
            }
        };
    }

    /**
     * No answer in time: 504; no responder or interrupted: 503 with Retry-After; a failed responder: 502; too few
     * bars: 422 naming the field that asked for them.
     */
    static ProblemException problem(MarketDataFailure f) {
        return switch (f.kind) {
            case NO_ANSWER -> new ProblemException(504, "Gateway Timeout", f.getMessage(), List.of(), Map.of());
            case NO_RESPONDER -> ProblemException.unavailable(f.getMessage(), 5);
            case INTERRUPTED -> ProblemException.unavailable(f.getMessage(), 1);
            case FAILED -> new ProblemException(502, "Bad Gateway", f.getMessage(), List.of(), Map.of());
            case TOO_FEW_BARS -> ProblemException.unprocessable(f.getMessage(),
                    List.of(new FieldError(f.field, f.fieldMessage)));
        };
    }

    private PerformanceCalculator calculator() {
        return new PerformanceCalculator(settings.performance());
    }

    private void symbolMetrics(Context ctx) {
        String symbol = Validator.symbol("symbol", ctx.pathParam("symbol"));
        Integer asked = periodQuery(ctx);
        String benchmark = QueryParams.symbolParam(ctx, "benchmark", null);
        Measured measured = measure(symbol, asked, benchmark);
        PerformanceReport report = measured.report();
        WinLossStatistics wl = WinLossStatistics.of(measured.returns(), "returns");
        var out = new LinkedHashMap<String, Object>();
        out.put("symbol", symbol);
        out.put("benchmark", benchmark);
        out.put("period", (asked != null ? asked : measured.returns().length) + "d");
        period(out, asked, measured.returns().length);
        out.put("returns", Map.of("total_return_pct", 100 * report.totalReturn(),
                "annualized_return_pct", 100 * report.annualizedReturn()));
        var risk = new LinkedHashMap<String, Object>();
        risk.put("volatility_pct", 100 * report.volatility());
        risk.put("max_drawdown_pct", 100 * report.maxDrawdown().depth());
        risk.put("beta", ReportJson.value(report.beta()));
        risk.put("alpha", ReportJson.value(report.jensensAlpha()));
        out.put("risk_metrics", risk);
        var adjusted = new LinkedHashMap<String, Object>();
        adjusted.put("sharpe_ratio", ReportJson.value(report.sharpeRatio()));
        adjusted.put("calmar_ratio", ReportJson.value(report.calmarRatio()));
        adjusted.put("sortino_ratio", ReportJson.value(report.sortinoRatio()));
        out.put("risk_adjusted_returns", adjusted);
        var trading = new LinkedHashMap<String, Object>();
        trading.put("win_rate_pct", 100 * report.winRate());
        trading.put("avg_win_pct", wl.averageWin().isPresent() ? 100 * wl.averageWin().getAsDouble() : null);
        trading.put("avg_loss_pct", wl.averageLoss().isPresent() ? 100 * wl.averageLoss().getAsDouble() : null);
        trading.put("profit_factor", ReportJson.value(report.profitFactor()));
        out.put("trading_metrics", trading);
        out.put("metrics", ReportJson.metrics(report));
        ctx.json(out);
    }

    /**
     * Metrics of the last {@code asked} daily returns of {@code symbol} (all of them up to
     * {@link #DEFAULT_PERIOD_DAYS} when {@code asked} is null); with a benchmark, of the returns over the bar times
     * both symbols have among those bars.
     */
    private Measured measure(String symbol, Integer asked, String benchmark) {
        DailySeries series = bars(symbol, asked, asked == null ? "symbol" : "period_days");
        if (benchmark == null) {
            double[] returns = series.returns();
            return new Measured(calculator().calculate(returns), returns);
        }
        DailySeries bench = bars(benchmark, asked, "benchmark");
        double[][] aligned = series.alignedReturns(bench);
        if (aligned[0].length < PerformanceCalculator.MIN_OBSERVATIONS) {
            throw ProblemException.unprocessable("insufficient history: " + symbol + " and " + benchmark + " share "
                    + (aligned[0].length + 1) + " bar time(s) in the period", List.of(new FieldError("benchmark",
                    "has too few bars on the same days as " + symbol)));
        }
        return new Measured(calculator().calculate(aligned[0], aligned[1]), aligned[0]);
    }

    /**
     * The last {@code asked + 1} daily bars of {@code symbol} (a 422 naming {@code field} when there are fewer), or
     * with no period asked for, the last {@code DEFAULT_PERIOD_DAYS + 1} or as many as there are, at least
     * {@code MIN_OBSERVATIONS + 1}.
     */
    DailySeries bars(String symbol, Integer asked, String field) {
        return asked != null ? marketData.atLeast(symbol, asked + 1, field)
                : marketData.atLeast(symbol, DEFAULT_PERIOD_DAYS + 1, PerformanceCalculator.MIN_OBSERVATIONS + 1, field);
    }

    /** {@code period_days} of the query: null when absent, else in {@code [MIN_OBSERVATIONS, MAX_PERIOD_DAYS]}. */
    static Integer periodQuery(Context ctx) {
        int days = QueryParams.intParam(ctx, "period_days", 0, PerformanceCalculator.MIN_OBSERVATIONS, MAX_PERIOD_DAYS);
        return days == 0 ? null : days;
    }

    /** A {@code period_days} of a body: null when absent, else checked like the query's. */
    static Integer periodBody(Integer periodDays) {
        if (periodDays != null && (periodDays < PerformanceCalculator.MIN_OBSERVATIONS || periodDays > MAX_PERIOD_DAYS)) {
            throw ProblemException.badField("period_days", "must be in [" + PerformanceCalculator.MIN_OBSERVATIONS
                    + ", " + MAX_PERIOD_DAYS + "], got " + periodDays);
        }
        return periodDays;
    }

    /**
     * Adds {@code period_days} (asked, or the returns used when none was) and {@code returns_used}, and with the
     * default period cut short by the history, a {@code period_note} saying so.
     */
    static void period(Map<String, Object> out, Integer asked, int used) {
        out.put("period_days", asked != null ? asked : used);
        out.put("returns_used", used);
        if (asked == null && used < DEFAULT_PERIOD_DAYS) {
            out.put("period_note", "no period_days given: the default is " + DEFAULT_PERIOD_DAYS
                    + " daily returns and the history has " + used + ", all used");
        }
    }

    /** A report and the returns it was computed from. */
    private record Measured(PerformanceReport report, double[] returns) {
    }

    private void performance(Context ctx) {
        String portfolioId = ctx.pathParam("portfolio_id");
        PerformanceRequest body = Bodies.readOr(ctx, PerformanceRequest.class, new PerformanceRequest(null, null, null));
        Integer asked = periodBody(body.periodDays());
        int days = asked == null ? DEFAULT_PERIOD_DAYS : asked;
        PerformanceReport report;
        String source;
        if (body.symbol() != null && !body.symbol().isBlank()) {
            String symbol = Validator.symbol("symbol", body.symbol());
            report = measure(symbol, asked, body.benchmark() == null || body.benchmark().isBlank() ? null
                    : Validator.symbol("benchmark", body.benchmark())).report();
            source = "daily bars of " + symbol;
        } else {
            double[] returns = portfolios.curve(portfolioId).dailyCloses().returns();
            if (returns.length < PerformanceCalculator.MIN_OBSERVATIONS) {
                throw ProblemException.unprocessable("insufficient data: portfolio " + portfolioId + " has "
                        + returns.length + " daily equity return(s), " + PerformanceCalculator.MIN_OBSERVATIONS
                        + " needed; post a symbol to measure a symbol instead", List.of());
            }
            int from = Math.max(0, returns.length - days);
            report = calculator().calculate(java.util.Arrays.copyOfRange(returns, from, returns.length));
            source = "daily closes of the portfolio's equity curve";
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("status", "completed");
        out.put("portfolio_id", portfolioId);
        out.put("symbol", body.symbol());
        period(out, asked, report.observations());
        out.put("source", source);
        out.put("result", ReportJson.seedResult(report));
        out.put("metrics", ReportJson.metrics(report));
        ctx.json(out);
    }

    private void marketData(Context ctx) {
        String symbol = Validator.symbol("symbol", ctx.pathParam("symbol"));
        int limit = QueryParams.intParam(ctx, "limit", 100, 1, 100_000);
        List<Bar> bars = marketData.history(symbol, limit);
        if (bars.isEmpty()) {
            throw ProblemException.notFound("the Market Data engine has no " + settings.barInterval()
                    + " bars of " + symbol);
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("symbol", symbol);
        out.put("interval", settings.barInterval());
        out.put("bars", bars);
        out.put("count", bars.size());
        out.put("last_close", bars.getLast().close());
        ctx.json(out);
    }

    private void indicators(Context ctx) {
        String symbol = Validator.symbol("symbol", ctx.pathParam("symbol"));
        DailySeries s = marketData.atLeast(symbol, 250, INDICATOR_BARS, "symbol");
        var out = new LinkedHashMap<String, Object>();
        out.put("symbol", symbol);
        out.put("interval", settings.barInterval());
        out.put("bars_used", s.size());
        out.put("as_of", java.time.Instant.ofEpochSecond(0, s.startNanos()[s.size() - 1]).toString());
        out.put("indicators", BarIndicators.standardSet(s.high(), s.low(), s.close()));
        out.put("conventions", "SMA; EMA seeded with the SMA of the first n closes (TA-Lib); RSI and ATR with"
                + " Wilder smoothing; MACD 12/26/9; Bollinger 20 closes, 2 population standard deviations");
        ctx.json(out);
    }
}
