package io.nautilus.engine.portfolio.optimize;

import io.nautilus.core.quant.Matrices;

import java.util.Arrays;

/**
 * Mean-variance (Markowitz 1952) portfolio in one of three forms, all under the constraints:
 * <ul>
 *   <li>{@link #riskAversion}: maximise μᵀw − (λ/2)·wᵀΣw;</li>
 *   <li>{@link #targetReturn}: minimise wᵀΣw subject to μᵀw ≥ r (the minimum-variance portfolio when it already
 *       earns r; otherwise the constraint binds and is imposed as an equality);</li>
 *   <li>{@link #targetRisk}: maximise μᵀw subject to sqrt(wᵀΣw) ≤ σ, found by bisection on λ (the risk of the
 *       risk-aversion solution falls as λ grows) to a relative risk tolerance of 1e-9.</li>
 * </ul>
 * A target return above the best attainable, or a target risk below the minimum-variance risk, is infeasible.
 * Immutable and thread-safe.
 */
public final class MeanVariance implements WeightingMethod {
    private enum Mode { RISK_AVERSION, TARGET_RETURN, TARGET_RISK }

    private final Mode mode;
    private final double parameter;

    private MeanVariance(Mode mode, double parameter) {
        this.mode = mode;
        this.parameter = parameter;
    }

    /** @param lambda risk aversion λ &gt; 0 (2.5 is a common market value) */
    public static MeanVariance riskAversion(double lambda) {
        if (!(Double.isFinite(lambda) && lambda > 0)) {
            throw new IllegalArgumentException("risk_aversion must be a finite number > 0, got " + lambda);
        }
        return new MeanVariance(Mode.RISK_AVERSION, lambda);
    }

    /** @param annualReturn target expected return, annualized fraction */
    public static MeanVariance targetReturn(double annualReturn) {
        if (!Double.isFinite(annualReturn)) {
            throw new IllegalArgumentException("target_return must be finite, got " + annualReturn);
        }
        return new MeanVariance(Mode.TARGET_RETURN, annualReturn);
    }

    /** @param annualRisk target volatility, annualized fraction &gt; 0 */
    public static MeanVariance targetRisk(double annualRisk) {
        if (!(Double.isFinite(annualRisk) && annualRisk > 0)) {
            throw new IllegalArgumentException("target_risk must be a finite number > 0, got " + annualRisk);
        }
        return new MeanVariance(Mode.TARGET_RISK, annualRisk);
    }

    @Override
    public double[] weights(OptimizationInput input, Constraints constraints) {
        double[] mu = input.requireExpectedReturns("mean_variance");
        return switch (mode) {
            case RISK_AVERSION -> withRiskAversion(input, constraints, parameter);
            case TARGET_RETURN -> withTargetReturn(input, constraints, mu);
            case TARGET_RISK -> withTargetRisk(input, constraints);
        };
    }

    static double[] withRiskAversion(OptimizationInput input, Constraints constraints, double lambda) {
        double[][] q = input.covariance();
        double[][] scaled = new double[q.length][q.length];
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < q.length; j++) {
                scaled[i][j] = lambda * q[i][j];
            }
        }
        double[] x = QpSolver.DEFAULT.solve(constraints.program(scaled, input.expectedReturns()));
        return Arrays.copyOf(x, input.size());
    }

    private double[] withTargetReturn(OptimizationInput input, Constraints constraints, double[] mu) {
        double[] minimum = MinimumVariance.DEFAULT.weights(input, constraints);
        if (Matrices.dot(mu, minimum) >= parameter) {
            return minimum;
        }
        ProgramBuilder pb = constraints.builder(input.covariance(), new double[input.size()], false);
        double[] row = pb.row();
        System.arraycopy(mu, 0, row, 0, mu.length);
        pb.equality(row, parameter);
        try {
            return Arrays.copyOf(QpSolver.DEFAULT.solve(pb.build()), input.size());
        } catch (InfeasibleConstraintsException e) {
            throw new InfeasibleConstraintsException("target_return " + parameter
                    + " cannot be reached under these constraints (" + e.getMessage() + ")");
        }
    }

    private double[] withTargetRisk(OptimizationInput input, Constraints constraints) {
        double[][] cov = input.covariance();
        double[] minimum = MinimumVariance.DEFAULT.weights(input, constraints);
        double minRisk = Math.sqrt(Matrices.quadraticForm(cov, minimum));
        if (minRisk > parameter * (1 + 1e-9)) {
            throw new InfeasibleConstraintsException("target_risk " + parameter + " is below the minimum attainable "
                    + "risk " + minRisk + " under these constraints");
        }
        double scale = 0;
        for (int i = 0; i < cov.length; i++) {
            scale += cov[i][i];
        }
        scale /= cov.length;
        // λ in units of 1/variance: from very risk-seeking (1e-6/scale) to very risk-averse (1e8/scale).
        double lo = Math.log(1e-6 / scale);
        double hi = Math.log(1e8 / scale);
        double[] best = withRiskAversion(input, constraints, Math.exp(lo));
        if (Math.sqrt(Matrices.quadraticForm(cov, best)) <= parameter) {
            return best;
        }
        best = minimum;
        for (int iteration = 0; iteration < 200 && hi - lo > 1e-12; iteration++) {
            double mid = 0.5 * (lo + hi);
            double[] w = withRiskAversion(input, constraints, Math.exp(mid));
            double risk = Math.sqrt(Matrices.quadraticForm(cov, w));
            if (risk > parameter) {
                lo = mid;
            } else {
                hi = mid;
                best = w;
                if (parameter - risk <= 1e-9 * parameter) {
                    break;
                }
            }
        }
        return best;
    }
}
