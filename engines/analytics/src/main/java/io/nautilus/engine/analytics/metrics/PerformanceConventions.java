package io.nautilus.engine.analytics.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/** The human-readable conventions of a {@link PerformanceReport}, one entry per metric, for a given config. */
final class PerformanceConventions {

    private PerformanceConventions() {
    }

    static SequencedMap<String, String> describe(PerformanceConfig config) {
        int ppy = config.periodsPerYear();
        String rf = "rf = (1 + " + config.riskFreeRate() + ")^(1/" + ppy + ") - 1 per period";
        SequencedMap<String, String> c = new LinkedHashMap<>();
        c.put("returns", "simple per-period returns as fractions (0.01 = +1%), compounded geometrically");
        c.put("periods_per_year", ppy + "; annualized ratios scale the per-period ratio by sqrt(" + ppy + ")");
        c.put("risk_free_rate", config.riskFreeRate() + " a year, compounded: " + rf);
        c.put("total_return", "prod(1 + r) - 1");
        c.put("annualized_return", "CAGR: (1 + total_return)^(" + ppy + " / n) - 1");
        c.put("volatility", "sample standard deviation (n - 1) of r times sqrt(" + ppy + ")");
        c.put("sharpe_ratio", "mean(r - rf) / sample stdev(r) * sqrt(" + ppy + "); empty when the stdev is 0");
        c.put("sortino_ratio", "mean(r - rf) / downside deviation * sqrt(" + ppy + "); downside deviation = "
                + "sqrt(sum(min(r - rf, 0)^2) / n) over all n periods; empty when it is 0");
        c.put("calmar_ratio", "annualized_return / max_drawdown depth over the whole series; empty without drawdown");
        c.put("omega_ratio", "sum(max(r - rf, 0)) / sum(max(rf - r, 0)); empty when no period is below rf");
        c.put("max_drawdown", "largest peak-to-trough fall of the wealth curve starting at 1, as a positive fraction;"
                + " positions count periods from the initial wealth (0); duration runs from the peak to the recovery"
                + " (first return to the peak wealth) or to the end when not recovered");
        c.put("value_at_risk", "historical, confidence " + config.varConfidence() + ": minus the Hyndman-Fan type 1"
                + " (lower empirical) quantile x(ceil(n p)) with p = " + config.varTailProbability()
                + "; a per-period loss as a positive fraction");
        c.put("conditional_value_at_risk", "historical expected shortfall: minus the mean of the ceil(n p) lowest"
                + " returns, p = " + config.varTailProbability() + "; a per-period loss as a positive fraction");
        c.put("skewness", "sample skewness G1, the adjusted Fisher-Pearson coefficient (Excel SKEW); needs n >= 3");
        c.put("excess_kurtosis", "sample excess kurtosis G2 (Excel KURT, 0 for a normal); needs n >= 4");
        c.put("beta", "sample cov(r, b) / var(b), the least-squares slope of r on the benchmark b");
        c.put("correlation", "Pearson correlation of r and b");
        c.put("jensens_alpha", "(mean(r - rf) - beta * mean(b - rf)) * " + ppy + ", arithmetic annualization");
        c.put("tracking_error", "sample stdev(r - b) * sqrt(" + ppy + ")");
        c.put("information_ratio", "mean(r - b) / sample stdev(r - b) * sqrt(" + ppy + ")");
        c.put("treynor_ratio", "mean(r - rf) * " + ppy + " / beta");
        c.put("up_capture", "mean(r where b > 0) / mean(b where b > 0)");
        c.put("down_capture", "mean(r where b < 0) / mean(b where b < 0)");
        c.put("win_rate", "periods with r > 0 over all periods; r = 0 is neither a win nor a loss");
        c.put("profit_factor", "sum(r > 0) / |sum(r < 0)|; empty without losses");
        c.put("payoff_ratio", "mean(r > 0) / |mean(r < 0)|; empty without wins or losses");
        c.put("expectancy", "win_rate * average win - loss_rate * |average loss| (= mean return per period)");
        c.put("best_period", "max(r)");
        c.put("worst_period", "min(r)");
        c.put("max_consecutive_wins", "longest run of r > 0; a zero return breaks a run");
        c.put("max_consecutive_losses", "longest run of r < 0; a zero return breaks a run");
        c.put("probabilistic_sharpe_ratio", "Bailey & Lopez de Prado (2012): Phi((SR - SR*) sqrt(n - 1) / sqrt(1 - g1 SR"
                + " + (k - 1) / 4 SR^2)) with per-period SR = mean(r - rf) / sample stdev, SR* = "
                + config.benchmarkSharpeRatio() + " annualized / sqrt(" + ppy + "), g1 population skewness, k population"
                + " (non-excess) kurtosis");
        return Collections.unmodifiableSequencedMap(c);
    }

    static Map<String, String> immutableCopy(Map<String, String> conventions) {
        return Collections.unmodifiableSequencedMap(new LinkedHashMap<>(conventions));
    }
}
