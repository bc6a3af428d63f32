package io.nautilus.engine.risk;

import io.nautilus.core.engine.DomainFailure;
import io.nautilus.engine.risk.backtest.VarBacktest;
import io.nautilus.engine.risk.limit.LimitEvaluation;
import io.nautilus.engine.risk.report.RiskReport;
import io.nautilus.engine.risk.var.VarCalculator;
import io.nautilus.engine.risk.var.VarResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the {@link RiskReport} of a portfolio from a snapshot (on the compute pool): summary, limits, open
 * breaches, VaR and ES by every method at 95% and 99%, a rolling backtest of 99% historical VaR, and breach
 * predictions. Sections that lack data are left out with a note saying why. Stateless and thread-safe.
 */
final class ReportBuilder {
    /** Window of the rolling VaR backtest, days. */
    static final int BACKTEST_WINDOW = 250;

    private ReportBuilder() {
    }

    static RiskReport build(RiskCommands.PortfolioSnapshot s, List<RiskStore.BreachRecord> open, RiskSettings settings) {
        var sections = new ArrayList<RiskReport.Section>();
        var notes = new ArrayList<String>();
        double gross = s.marketValues().values().stream().mapToDouble(Math::abs).sum();
        double net = s.marketValues().values().stream().mapToDouble(Double::doubleValue).sum();
        sections.add(new RiskReport.Section("summary", List.of("positions", "gross", "net", "equity", "peak_equity",
                "day_pnl"), List.of(Arrays.asList(s.marketValues().size(), gross, net, s.equity(), s.peakEquity(),
                s.dayPnl()))));
        var positions = new ArrayList<List<Object>>();
        s.marketValues().forEach((sym, mv) -> positions.add(Arrays.asList(sym, mv)));
        sections.add(new RiskReport.Section("positions", List.of("symbol", "market_value"), positions));
        var limits = new ArrayList<List<Object>>();
        for (LimitEvaluation e : s.evaluations()) {
            var v = RiskViews.EvaluationView.of(e);
            limits.add(Arrays.asList(v.limitId(), v.limitType(), v.scope(), v.unit(), v.value(), v.limitValue(),
                    v.utilisationPct(), v.status(), v.severity()));
        }
        sections.add(new RiskReport.Section("limits", List.of("limit_id", "limit_type", "scope", "unit", "value",
                "limit_value", "utilisation_pct", "status", "severity"), limits));
        var breaches = new ArrayList<List<Object>>();
        for (RiskStore.BreachRecord b : open) {
            breaches.add(Arrays.asList(b.breachId(), b.limitId(), b.limitType(), b.severity().name(), b.value(),
                    b.limitValue(), b.utilisationPct(), RiskViews.iso(b.breachTimeNanos())));
        }
        sections.add(new RiskReport.Section("open_breaches", List.of("breach_id", "limit_id", "limit_type",
                "severity", "breach_value", "limit_value", "breach_percentage", "breach_time"), breaches));
        VarCalculator calculator = RiskAnalytics.calculator(settings, null, null);
        try {
            RiskAnalytics.exposures(s);
            var rows = new ArrayList<List<Object>>();
            for (VarResult r : RiskAnalytics.varTable(s, calculator)) {
                rows.add(Arrays.asList(r.method().wireName(), r.confidence(), r.horizonDays(), r.var(),
                        r.expectedShortfall(), r.scenarios()));
            }
            sections.add(new RiskReport.Section("var", List.of("method", "confidence", "horizon_days", "var",
                    "expected_shortfall", "scenarios"), rows));
        } catch (DomainFailure e) {
            notes.add("var: " + e.getMessage());
        }
        try {
            VarBacktest.Result b = RiskAnalytics.backtest(s, 0.99, BACKTEST_WINDOW);
            sections.add(new RiskReport.Section("backtest", List.of("method", "confidence", "days", "exceptions",
                    "kupiec_lr", "kupiec_p_value", "christoffersen_lr_ind", "christoffersen_p_value_ind",
                    "conditional_coverage_lr", "conditional_coverage_p_value", "traffic_light"),
                    List.of(Arrays.asList("historical", 0.99, b.observations(), b.exceptions(), b.kupiec().lr(),
                            b.kupiec().pValue(), b.christoffersen().lrIndependence(),
                            b.christoffersen().pValueIndependence(), b.christoffersen().lrConditionalCoverage(),
                            b.christoffersen().pValueConditionalCoverage(), b.trafficLight().zone().name()))));
        } catch (DomainFailure e) {
            notes.add("backtest: " + e.getMessage());
        }
        try {
            RiskViews.PortfolioPrediction p = RiskAnalytics.predict(s, settings.predictionModel(),
                    settings.alertProbability(), settings.varLambda());
            var rows = new ArrayList<List<Object>>();
            for (RiskViews.PredictionView v : p.limits()) {
                rows.add(Arrays.asList(v.limitId(), v.limitType(), p.model(), v.threshold(), v.sigma(), v.probability(),
                        v.alert()));
            }
            sections.add(new RiskReport.Section("breach_prediction", List.of("limit_id", "limit_type", "model",
                    "loss_threshold", "pnl_sigma", "probability", "alert"), rows));
        } catch (DomainFailure e) {
            notes.add("breach_prediction: " + e.getMessage());
        }
        return new RiskReport(s.portfolioId(), RiskViews.iso(s.tsNanos()), sections, notes);
    }
}
