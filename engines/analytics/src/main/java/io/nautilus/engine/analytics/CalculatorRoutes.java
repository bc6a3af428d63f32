package io.nautilus.engine.analytics;

import io.javalin.config.RoutesConfig;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.Validator;
import io.nautilus.core.model.WireNames;
import io.nautilus.engine.analytics.attribution.BrinsonAttribution;
import io.nautilus.engine.analytics.attribution.BrinsonMethod;
import io.nautilus.engine.analytics.attribution.CarinoLinking;
import io.nautilus.engine.analytics.attribution.SectorReturns;
import io.nautilus.engine.analytics.metrics.PerformanceCalculator;
import io.nautilus.engine.analytics.metrics.PerformanceConfig;
import io.nautilus.engine.analytics.metrics.TradeStatistics;
import io.nautilus.engine.analytics.report.ReportJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stateless HTTP calculators: {@code POST /analytics/metrics} (every metric of posted returns, the same code path
 * as the engine's own reports) and {@code POST /analytics/attribution} (Brinson by sector, Carino-linked).
 * Thread-safe.
 */
final class CalculatorRoutes {
    /** Largest series accepted: 100 years of daily returns. */
    static final int MAX_RETURNS = 25_200;
    static final int MAX_PERIODS = 10_000;

    private final PerformanceConfig defaults;

    CalculatorRoutes(PerformanceConfig defaults) {
        this.defaults = defaults;
    }

    /** Body of {@code POST /analytics/metrics}; absent conventions take the engine's configured defaults. */
    record MetricsRequest(double[] returns, double[] benchmarkReturns, Integer periodsPerYear, Double riskFreeRate,
                          Double varConfidence, Double benchmarkSharpeRatio, List<TradeBody> trades) {
    }

    /** One closed trade: its P&amp;L and entry/exit times in any one unit (e.g. epoch milliseconds). */
    record TradeBody(double pnl, long entryTime, long exitTime) {
    }

    /** Body of {@code POST /analytics/attribution}. */
    record AttributionRequest(String method, List<PeriodBody> periods) {
    }

    /** One period of sector weights and returns. */
    record PeriodBody(List<String> sectors, double[] portfolioWeights, double[] benchmarkWeights,
                      double[] portfolioReturns, double[] benchmarkReturns) {
    }

    void register(RoutesConfig r) {
        r.post("/analytics/metrics", ctx -> ctx.json(metrics(Bodies.read(ctx, MetricsRequest.class))));
        r.post("/analytics/attribution", ctx -> ctx.json(attribution(Bodies.read(ctx, AttributionRequest.class))));
    }

    Map<String, Object> metrics(MetricsRequest body) {
        var v = new Validator();
        v.series("returns", body.returns(), PerformanceCalculator.MIN_OBSERVATIONS, MAX_RETURNS);
        if (body.benchmarkReturns() != null) {
            v.series("benchmark_returns", body.benchmarkReturns(), PerformanceCalculator.MIN_OBSERVATIONS, MAX_RETURNS);
            if (body.returns() != null && body.benchmarkReturns().length != body.returns().length) {
                v.error("benchmark_returns", "must have as many values as returns (" + body.returns().length
                        + "), got " + body.benchmarkReturns().length);
            }
        }
        PerformanceConfig config = defaults;
        if (body.periodsPerYear() != null) {
            if (body.periodsPerYear() < 1 || body.periodsPerYear() > 100_000) {
                v.error("periods_per_year", "must be in [1, 100000], got " + body.periodsPerYear());
            } else {
                config = config.withPeriodsPerYear(body.periodsPerYear());
            }
        }
        if (body.riskFreeRate() != null) {
            config = config.withRiskFreeRate(v.inRange("risk_free_rate", body.riskFreeRate(), -0.99, 10));
        }
        if (body.varConfidence() != null) {
            config = config.withVarConfidence(v.inRange("var_confidence", body.varConfidence(), 0.5, 0.9999));
        }
        if (body.benchmarkSharpeRatio() != null) {
            config = config.withBenchmarkSharpeRatio(v.finite("benchmark_sharpe_ratio", body.benchmarkSharpeRatio()));
        }
        if (body.trades() != null && body.trades().size() > MAX_RETURNS) {
            v.error("trades", "at most " + MAX_RETURNS + " trades, got " + body.trades().size());
        }
        v.throwIfInvalid();
        var report = new PerformanceCalculator(config).calculate(body.returns(), body.benchmarkReturns());
        var out = ReportJson.metrics(report);
        if (body.trades() != null) {
            out.put("trade_statistics", tradeStatistics(body.trades()));
        }
        return out;
    }

    private static Map<String, Object> tradeStatistics(List<TradeBody> trades) {
        int n = trades.size();
        double[] pnl = new double[n];
        long[] entry = new long[n];
        long[] exit = new long[n];
        for (int i = 0; i < n; i++) {
            TradeBody t = trades.get(i);
            if (t == null) {
                throw io.nautilus.core.http.ProblemException.badField("trades[" + i + "]", "is required");
            }
            pnl[i] = t.pnl();
            entry[i] = t.entryTime();
            exit[i] = t.exitTime();
        }
        TradeStatistics s;
        try {
            s = TradeStatistics.of(pnl, entry, exit);
        } catch (IllegalArgumentException e) {
            throw io.nautilus.core.http.ProblemException.badField("trades", e.getMessage());
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("count", s.count());
        m.put("average_holding_time", ReportJson.value(s.averageHoldingTime()));
        m.put("win_rate", ReportJson.value(s.outcomes().winRate()));
        m.put("profit_factor", ReportJson.value(s.outcomes().profitFactor()));
        m.put("payoff_ratio", ReportJson.value(s.outcomes().payoffRatio()));
        m.put("expectancy", ReportJson.value(s.outcomes().expectancy()));
        m.put("max_consecutive_wins", s.outcomes().maxConsecutiveWins());
        m.put("max_consecutive_losses", s.outcomes().maxConsecutiveLosses());
        m.put("conventions", "win: pnl > 0, loss: pnl < 0 (0 breaks both streaks); holding time mean(exit - entry)"
                + " in the unit of the times given; trades in exit order");
        return m;
    }

    Map<String, Object> attribution(AttributionRequest body) {
        var v = new Validator();
        BrinsonMethod method = method(body.method(), v);
        if (body.periods() == null || body.periods().isEmpty()) {
            v.error("periods", "is required: at least one period of sector weights and returns");
        } else if (body.periods().size() > MAX_PERIODS) {
            v.error("periods", "at most " + MAX_PERIODS + " periods, got " + body.periods().size());
        }
        v.throwIfInvalid();
        List<BrinsonAttribution> periods = new ArrayList<>();
        for (int i = 0; i < body.periods().size(); i++) {
            PeriodBody p = body.periods().get(i);
            SectorReturns sr;
            try {
                sr = new SectorReturns(p.sectors(), p.portfolioWeights(), p.benchmarkWeights(), p.portfolioReturns(),
                        p.benchmarkReturns());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw io.nautilus.core.http.ProblemException.badField("periods[" + i + "]",
                        e.getMessage() == null ? "sectors, weights and returns are required" : e.getMessage());
            }
            periods.add(BrinsonAttribution.of(sr, method));
        }
        BrinsonAttribution linked;
        try {
            linked = CarinoLinking.link(periods);
        } catch (IllegalArgumentException e) {
            throw io.nautilus.core.http.ProblemException.badField("periods", e.getMessage());
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("method", method.wireName());
        out.put("linking", periods.size() == 1 ? "none (one period)" : "carino");
        out.put("periods", periods.stream().map(CalculatorRoutes::effects).toList());
        out.put("linked", effects(linked));
        out.put("conventions", Map.of(
                "returns", "simple period returns as fractions; linked totals are compounded",
                "allocation", method == BrinsonMethod.BRINSON_FACHLER ? "(wp - wb)(rb - Rb)" : "(wp - wb) rb",
                "selection", "wb (rp - rb)",
                "interaction", "(wp - wb)(rp - rb)",
                "carino", "effect_t * k_t / k, k(p, b) = (ln(1 + p) - ln(1 + b)) / (p - b); linked effects sum to"
                        + " the compounded active return"));
        return out;
    }

    private static BrinsonMethod method(String name, Validator v) {
        if (name == null || name.isBlank()) {
            return BrinsonMethod.BRINSON_FACHLER;
        }
        try {
            return WireNames.parse(BrinsonMethod.class, "method", name);
        } catch (IllegalArgumentException e) {
            v.error("method", e.getMessage().substring("method ".length()) + " (or its short name bf, bhb)");
            return BrinsonMethod.BRINSON_FACHLER;
        }
    }

    static Map<String, Object> effects(BrinsonAttribution a) {
        var sectors = new ArrayList<Map<String, Object>>();
        double[] al = a.allocation();
        double[] se = a.selection();
        double[] in = a.interaction();
        for (int i = 0; i < al.length; i++) {
            sectors.add(Map.of("sector", a.sectors().get(i), "allocation", al[i], "selection", se[i],
                    "interaction", in[i], "total", al[i] + se[i] + in[i]));
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("portfolio_return", a.portfolioReturn());
        m.put("benchmark_return", a.benchmarkReturn());
        m.put("active_return", a.activeReturn());
        m.put("allocation", a.totalAllocation());
        m.put("selection", a.totalSelection());
        m.put("interaction", a.totalInteraction());
        m.put("total_effect", a.totalEffect());
        m.put("sectors", sectors);
        return m;
    }
}
