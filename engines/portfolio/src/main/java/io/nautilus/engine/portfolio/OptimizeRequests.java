package io.nautilus.engine.portfolio;

import io.nautilus.core.engine.DomainFailure;
import io.nautilus.core.model.WireNames;
import io.nautilus.engine.portfolio.optimize.BlackLitterman;
import io.nautilus.engine.portfolio.optimize.Constraints;
import io.nautilus.engine.portfolio.optimize.InfeasibleConstraintsException;
import io.nautilus.engine.portfolio.optimize.MarketEstimates;
import io.nautilus.engine.portfolio.optimize.OptimizationInput;
import io.nautilus.engine.portfolio.optimize.OptimizationMethod;
import io.nautilus.engine.portfolio.optimize.OptimizationResult;
import io.nautilus.engine.portfolio.optimize.OptimizationSpec;
import io.nautilus.engine.portfolio.optimize.PortfolioOptimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the optimize routes and its translation into the pure optimizer's inputs. Both
 * {@code POST /optimize} and {@code POST /portfolios/{id}/optimize} go through {@link #run}. A bad input is a
 * {@link DomainFailure} naming its field (INVALID, 400; infeasible constraints UNPROCESSABLE, 422).
 */
final class OptimizeRequests {
    private OptimizeRequests() {
    }

    /** Weight constraints; maps are keyed by asset. Defaults: long-only, fully invested, max weight 1. */
    record ConstraintsBody(Boolean longOnly, Double minWeight, Double maxWeight, Map<String, Double> minWeights,
                           Map<String, Double> maxWeights, Map<String, String> sectors, Map<String, Double> sectorCaps,
                           Double maxTurnover, Map<String, Double> currentWeights, Double budget) {
    }

    /** A view: {@code weights} is the pick portfolio by asset (relative views sum to 0), or {@code asset} for an absolute view. */
    record ViewBody(Map<String, Double> weights, String asset, Double expectedReturn, Double confidence) {
    }

    /**
     * The optimize body. Give {@code returns} ([period][asset], per-period simple returns) or {@code covariance}
     * (annualized) with optional {@code expected_returns}.
     */
    record OptimizeBody(String method, List<String> assets, double[][] returns, double[][] covariance,
                        double[] expectedReturns, String covarianceMethod, Double riskFreeRate, Double periodsPerYear,
                        ConstraintsBody constraints, Double riskAversion, Double targetReturn, Double targetRisk,
                        List<ViewBody> views, Map<String, Double> marketWeights, Double tau,
                        Map<String, Double> riskBudgets, Integer lookback) {
    }

    /** The answer (seed fields first). */
    record OptimizeResponse(String status, String optimizationId, String portfolioId, String method,
                            Map<String, Double> targetWeights, double expectedReturn, double expectedRisk,
                            double sharpeRatio, Map<String, Double> riskContributions, double optimizationTimeMs,
                            String covarianceMethod, int periods, long createdNanos) {
    }

    static OptimizationMethod method(String name, String fallback) {
        try {
            return WireNames.parse(OptimizationMethod.class, "method", name == null || name.isBlank() ? fallback : name);
        } catch (IllegalArgumentException e) {
            throw DomainFailure.invalid("method", e.getMessage());
        }
    }

    /** The input from the body's covariance (and expected returns), validated. */
    static OptimizationInput inputFromCovariance(OptimizeBody b, List<String> assets, double riskFree) {
        if (b.covariance().length != assets.size()) {
            throw DomainFailure.invalid("covariance", "must be " + assets.size() + " x " + assets.size());
        }
        double[] expected = b.expectedReturns();
        if (expected != null && expected.length != assets.size()) {
            throw DomainFailure.invalid("expected_returns", "must have " + assets.size() + " values, got "
                    + expected.length);
        }
        for (int i = 0; expected != null && i < expected.length; i++) {
            if (!Double.isFinite(expected[i])) {
                throw DomainFailure.invalid("expected_returns[" + i + "]", "must be a finite number");
            }
        }
        return new OptimizationInput(b.expectedReturns(), b.covariance(), riskFree);
    }

    /** The input estimated from a returns panel. */
    static OptimizationInput inputFromReturns(double[][] returns, String covarianceMethod, double periodsPerYear,
                                              double riskFree) {
        try {
            return MarketEstimates.fromReturns(returns, MarketEstimates.estimator(covarianceMethod), periodsPerYear, riskFree);
        } catch (IllegalArgumentException e) {
            throw DomainFailure.invalid("returns", e.getMessage());
        }
    }

    static Constraints constraints(ConstraintsBody c, List<String> assets) {
        int n = assets.size();
        boolean longOnly = c == null || c.longOnly() == null || c.longOnly();
        double min = c != null && c.minWeight() != null ? c.minWeight() : (longOnly ? 0.0 : Double.NEGATIVE_INFINITY);
        double max = c != null && c.maxWeight() != null ? c.maxWeight() : (longOnly ? 1.0 : Double.POSITIVE_INFINITY);
        if (longOnly && min < 0) {
            throw DomainFailure.invalid("constraints.min_weight", "must be >= 0 when long_only is true, got " + min);
        }
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, min);
        Arrays.fill(upper, max);
        if (c == null) {
            return new Constraints(lower, upper, 1.0, null, Map.of(), Double.NaN, null);
        }
        apply(c.minWeights(), assets, lower, "constraints.min_weights");
        apply(c.maxWeights(), assets, upper, "constraints.max_weights");
        String[] sectors = null;
        if (c.sectors() != null) {
            sectors = new String[n];
            for (int i = 0; i < n; i++) {
                sectors[i] = c.sectors().getOrDefault(assets.get(i), "unclassified");
            }
        }
        if (c.sectorCaps() != null && !c.sectorCaps().isEmpty() && sectors == null) {
            throw DomainFailure.invalid("constraints.sectors", "is required with sector_caps (asset -> sector)");
        }
        double[] current = null;
        if (c.currentWeights() != null) {
            current = new double[n];
            apply(c.currentWeights(), assets, current, "constraints.current_weights");
        }
        double budget = c.budget() == null ? 1.0 : c.budget();
        double turnover = c.maxTurnover() == null ? Double.NaN : c.maxTurnover();
        if (!Double.isNaN(turnover) && current == null) {
            throw DomainFailure.invalid("constraints.current_weights", "is required with max_turnover");
        }
        return new Constraints(lower, upper, budget, sectors, c.sectorCaps(), turnover, current);
    }

    private static void apply(Map<String, Double> values, List<String> assets, double[] target, String field) {
        if (values == null) {
            return;
        }
        for (var e : values.entrySet()) {
            int i = assets.indexOf(e.getKey());
            if (i < 0) {
                throw DomainFailure.invalid(field, "unknown asset '" + e.getKey() + "'; assets are " + assets);
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw DomainFailure.invalid(field + "." + e.getKey(), "must be a finite number");
            }
            target[i] = e.getValue();
        }
    }

    static OptimizationSpec spec(OptimizationMethod method, OptimizeBody b, List<String> assets) {
        var views = new ArrayList<BlackLitterman.View>();
        if (b.views() != null) {
            for (int k = 0; k < b.views().size(); k++) {
                ViewBody v = b.views().get(k);
                double[] pick = new double[assets.size()];
                if (v.asset() != null) {
                    int i = assets.indexOf(v.asset());
                    if (i < 0) {
                        throw DomainFailure.invalid("views[" + k + "].asset", "unknown asset '" + v.asset() + "'");
                    }
                    pick[i] = 1;
                } else if (v.weights() != null) {
                    apply(v.weights(), assets, pick, "views[" + k + "].weights");
                } else {
                    throw DomainFailure.invalid("views[" + k + "]", "needs asset or weights");
                }
                if (v.expectedReturn() == null) {
                    throw DomainFailure.invalid("views[" + k + "].expected_return", "is required");
                }
                views.add(new BlackLitterman.View(pick, v.expectedReturn(),
                        v.confidence() == null ? Double.NaN : v.confidence()));
            }
        }
        double[] market = null;
        if (b.marketWeights() != null) {
            market = new double[assets.size()];
            apply(b.marketWeights(), assets, market, "market_weights");
        }
        double[] budgets = null;
        if (b.riskBudgets() != null) {
            budgets = new double[assets.size()];
            Arrays.fill(budgets, 1.0);
            apply(b.riskBudgets(), assets, budgets, "risk_budgets");
        }
        return new OptimizationSpec(method, nan(b.riskAversion()), nan(b.targetReturn()), nan(b.targetRisk()), views,
                market, nan(b.tau()), budgets);
    }

    static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }

    /** Runs the optimizer (an {@link InfeasibleConstraintsException} reaches the caller). */
    static OptimizeResponse run(String optimizationId, String portfolioId, OptimizationSpec spec, OptimizationInput input,
                                Constraints constraints, List<String> assets, String covarianceMethod, int periods,
                                long nowNanos) {
        long start = System.nanoTime();
        OptimizationResult r = PortfolioOptimizer.DEFAULT.optimize(spec, input, constraints);
        double ms = (System.nanoTime() - start) / 1e6;
        var weights = new LinkedHashMap<String, Double>();
        var contributions = new LinkedHashMap<String, Double>();
        for (int i = 0; i < assets.size(); i++) {
            weights.put(assets.get(i), r.weights()[i]);
            contributions.put(assets.get(i), r.riskContributions()[i]);
        }
        return new OptimizeResponse("optimization_completed", optimizationId, portfolioId, spec.method().wireName(),
                weights, r.expectedReturn(), r.risk(), r.sharpeRatio(), contributions, ms, covarianceMethod, periods,
                nowNanos);
    }
}
