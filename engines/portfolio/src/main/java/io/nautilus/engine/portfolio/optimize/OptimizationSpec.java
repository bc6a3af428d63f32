package io.nautilus.engine.portfolio.optimize;

import java.util.List;

/**
 * Which optimizer to run and its parameters. Parameters a method does not use are ignored. Immutable and
 * thread-safe (arrays are not copied; callers must not mutate them).
 *
 * @param method        the optimizer
 * @param riskAversion  λ for mean_variance (risk-aversion form) and δ for black_litterman; NaN = 2.5
 * @param targetReturn  mean_variance target return (annualized), or NaN
 * @param targetRisk    mean_variance target volatility (annualized), or NaN
 * @param views         black_litterman views (may be empty)
 * @param marketWeights black_litterman equilibrium weights, or null for equal weights
 * @param tau           black_litterman τ; NaN = 0.05
 * @param riskBudgets   risk_parity budgets, or null for equal contributions
 */
public record OptimizationSpec(OptimizationMethod method, double riskAversion, double targetReturn, double targetRisk,
                               List<BlackLitterman.View> views, double[] marketWeights, double tau,
                               double[] riskBudgets) {
    public OptimizationSpec {
        if (method == null) {
            throw new IllegalArgumentException("method is required");
        }
        views = views == null ? List.of() : List.copyOf(views);
        if (!Double.isNaN(targetReturn) && !Double.isNaN(targetRisk)) {
            throw new IllegalArgumentException("give target_return or target_risk, not both");
        }
    }

    /** A method with default parameters. */
    public static OptimizationSpec of(OptimizationMethod method) {
        return new OptimizationSpec(method, Double.NaN, Double.NaN, Double.NaN, List.of(), null, Double.NaN, null);
    }

    double riskAversionOrDefault() {
        return Double.isNaN(riskAversion) ? BlackLitterman.DEFAULT_RISK_AVERSION : riskAversion;
    }
}
