package io.nautilus.engine.analytics.report;

import io.nautilus.core.quant.stats.MaxDrawdown;
import io.nautilus.engine.analytics.metrics.PerformanceReport;
import java.util.LinkedHashMap;
import java.util.OptionalDouble;
import java.util.SequencedMap;

/**
 * Turns a {@link PerformanceReport} into JSON-ready maps with snake_case names: every metric as a fraction (as
 * computed) and, for the seed routes, the subset the earlier system answered in percent. An undefined metric
 * (empty {@link OptionalDouble}) is {@code null}, never 0. Stateless and thread-safe.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /** Every metric of the report, fractions as computed, plus {@code conventions}. */
    public static SequencedMap<String, Object> metrics(PerformanceReport r) {
        SequencedMap<String, Object> m = new LinkedHashMap<>();
        m.put("observations", r.observations());
        m.put("periods_per_year", r.periodsPerYear());
        m.put("risk_free_rate", r.riskFreeRate());
        m.put("total_return", r.totalReturn());
        m.put("annualized_return", r.annualizedReturn());
        m.put("volatility", r.volatility());
        m.put("sharpe_ratio", value(r.sharpeRatio()));
        m.put("sortino_ratio", value(r.sortinoRatio()));
        m.put("calmar_ratio", value(r.calmarRatio()));
        m.put("omega_ratio", value(r.omegaRatio()));
        m.put("max_drawdown", drawdown(r.maxDrawdown()));
        m.put("value_at_risk", r.valueAtRisk());
        m.put("conditional_value_at_risk", r.conditionalValueAtRisk());
        m.put("var_confidence", r.varConfidence());
        m.put("skewness", value(r.skewness()));
        m.put("excess_kurtosis", value(r.excessKurtosis()));
        m.put("beta", value(r.beta()));
        m.put("correlation", value(r.correlation()));
        m.put("jensens_alpha", value(r.jensensAlpha()));
        m.put("tracking_error", value(r.trackingError()));
        m.put("information_ratio", value(r.informationRatio()));
        m.put("treynor_ratio", value(r.treynorRatio()));
        m.put("up_capture", value(r.upCapture()));
        m.put("down_capture", value(r.downCapture()));
        m.put("win_rate", r.winRate());
        m.put("profit_factor", value(r.profitFactor()));
        m.put("payoff_ratio", value(r.payoffRatio()));
        m.put("expectancy", r.expectancy());
        m.put("best_period", r.bestPeriod());
        m.put("worst_period", r.worstPeriod());
        m.put("max_consecutive_wins", r.maxConsecutiveWins());
        m.put("max_consecutive_losses", r.maxConsecutiveLosses());
        m.put("probabilistic_sharpe_ratio", value(r.probabilisticSharpeRatio()));
        m.put("conventions", r.conventions());
        return m;
    }

    /** The maximum drawdown with its positions (periods from the initial wealth) and duration. */
    public static SequencedMap<String, Object> drawdown(MaxDrawdown d) {
        SequencedMap<String, Object> m = new LinkedHashMap<>();
        m.put("depth", d.depth());
        m.put("peak_position", d.peakPosition());
        m.put("trough_position", d.troughPosition());
        m.put("recovery_position", d.recoveryPosition().isPresent() ? d.recoveryPosition().getAsInt() : null);
        m.put("duration_periods", d.durationPeriods());
        m.put("recovered", d.isRecovered());
        return m;
    }

    /**
     * The seed's flat {@code result} of {@code POST /analytics/performance}: percent figures ({@code _pct}) and
     * ratios. {@code alpha} is Jensen's alpha, annualized, as a fraction; {@code win_rate_pct} counts periods.
     */
    public static SequencedMap<String, Object> seedResult(PerformanceReport r) {
        SequencedMap<String, Object> m = new LinkedHashMap<>();
        m.put("total_return_pct", 100 * r.totalReturn());
        m.put("annualized_return_pct", 100 * r.annualizedReturn());
        m.put("sharpe_ratio", value(r.sharpeRatio()));
        m.put("max_drawdown_pct", 100 * r.maxDrawdown().depth());
        m.put("volatility_pct", 100 * r.volatility());
        m.put("beta", value(r.beta()));
        m.put("alpha", value(r.jensensAlpha()));
        m.put("calmar_ratio", value(r.calmarRatio()));
        m.put("sortino_ratio", value(r.sortinoRatio()));
        m.put("win_rate_pct", 100 * r.winRate());
        m.put("profit_factor", value(r.profitFactor()));
        m.put("value_at_risk_pct", 100 * r.valueAtRisk());
        m.put("observations", r.observations());
        return m;
    }

    /** The value, or {@code null} when the metric is undefined. */
    public static Double value(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
