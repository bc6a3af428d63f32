package io.nautilus.engine.portfolio.optimize;

import java.util.Arrays;

/**
 * Runs an {@link OptimizationSpec} on an {@link OptimizationInput} under {@link Constraints}: the one code path
 * of both the per-portfolio and the stateless optimize routes. Black-Litterman replaces the expected returns by
 * the posterior μ_BL and Σ + M (He and Litterman) and then solves mean-variance with risk aversion δ under the
 * constraints; the result's return and risk are measured with the posterior. Stateless and thread-safe.
 */
public final class PortfolioOptimizer {
    public static final PortfolioOptimizer DEFAULT = new PortfolioOptimizer();

    /**
     * @throws InfeasibleConstraintsException when the constraints admit no portfolio or the method cannot honour them
     * @throws IllegalArgumentException       when the inputs do not fit the method (e.g. no expected returns)
     */
    public OptimizationResult optimize(OptimizationSpec spec, OptimizationInput input, Constraints constraints) {
        if (constraints.size() != input.size()) {
            throw new IllegalArgumentException("constraints cover " + constraints.size() + " assets but the input has "
                    + input.size());
        }
        OptimizationInput evaluated = input;
        double[] w = switch (spec.method()) {
            case EQUAL_WEIGHT -> EqualWeight.DEFAULT.weights(input, constraints);
            case INVERSE_VOLATILITY -> InverseVolatility.DEFAULT.weights(input, constraints);
            case MIN_VARIANCE -> MinimumVariance.DEFAULT.weights(input, constraints);
            case MAX_SHARPE -> MaximumSharpe.DEFAULT.weights(input, constraints);
            case MEAN_VARIANCE -> meanVariance(spec).weights(input, constraints);
            case RISK_PARITY -> new RiskParity(spec.riskBudgets()).weights(input, constraints);
            case HRP -> HierarchicalRiskParity.DEFAULT.weights(input, constraints);
            case BLACK_LITTERMAN -> {
                double[] market = spec.marketWeights();
                if (market == null) {
                    market = new double[input.size()];
                    Arrays.fill(market, 1.0 / input.size());
                }
                var model = new BlackLitterman(input.covariance(), market, spec.riskAversionOrDefault(),
                        Double.isNaN(spec.tau()) ? BlackLitterman.DEFAULT_TAU : spec.tau());
                var posterior = model.posterior(spec.views());
                evaluated = new OptimizationInput(posterior.mean(), posterior.covariance(), input.riskFreeRate());
                yield MeanVariance.riskAversion(model.riskAversion()).weights(evaluated, constraints);
            }
        };
        return OptimizationResult.of(w, evaluated);
    }

    private static MeanVariance meanVariance(OptimizationSpec spec) {
        if (!Double.isNaN(spec.targetReturn())) {
            return MeanVariance.targetReturn(spec.targetReturn());
        }
        if (!Double.isNaN(spec.targetRisk())) {
            return MeanVariance.targetRisk(spec.targetRisk());
        }
        return MeanVariance.riskAversion(spec.riskAversionOrDefault());
    }
}
