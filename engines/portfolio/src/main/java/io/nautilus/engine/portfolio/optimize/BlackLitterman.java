package io.nautilus.engine.portfolio.optimize;

import io.nautilus.core.quant.Cholesky;
import io.nautilus.core.quant.Matrices;

import java.util.List;

/**
 * Black-Litterman expected returns (Black and Litterman, FAJ 1992; notation of He and Litterman, "The Intuition
 * Behind Black-Litterman Model Portfolios", Goldman Sachs, 1999).
 *
 * <ul>
 *   <li>equilibrium (prior) returns Π = δ·Σ·w_mkt;</li>
 *   <li>views P·μ = Q + ε, ε ~ N(0, Ω), Ω diagonal. Without a confidence a view gets He and Litterman's
 *       ω_k = p_k(τΣ)p_kᵀ; with a confidence c_k in (0, 1] it gets ω_k = ((1 − c_k)/c_k)·p_k(τΣ)p_kᵀ (the closed
 *       form of Idzorek's confidence used by Walters and by PyPortfolioOpt): c = 0.5 is He-Litterman's choice and
 *       c = 1 makes the posterior satisfy the view exactly;</li>
 *   <li>posterior mean μ_BL = Π + τΣPᵀ(PτΣPᵀ + Ω)⁻¹(Q − PΠ), which stays defined when Ω = 0;</li>
 *   <li>posterior covariance Σ + M and unconstrained optimal weights w* = (δ(Σ + M))⁻¹μ_BL, the convention of
 *       He and Litterman's tables.</li>
 * </ul>
 * Returns are annualized excess returns (fractions). Immutable and thread-safe.
 *
 * @param covariance    Σ, annualized
 * @param marketWeights w_mkt, the equilibrium (market-capitalization) weights
 * @param riskAversion  δ &gt; 0 (He and Litterman use 2.5)
 * @param tau           τ &gt; 0, the uncertainty of the prior relative to Σ (He and Litterman use 0.05)
 */
public record BlackLitterman(double[][] covariance, double[] marketWeights, double riskAversion, double tau) {

    /** He and Litterman's δ. */
    public static final double DEFAULT_RISK_AVERSION = 2.5;
    /** He and Litterman's τ. */
    public static final double DEFAULT_TAU = 0.05;

    public BlackLitterman {
        int n = Matrices.requireSquare(covariance, "covariance");
        Matrices.requireFinite(covariance, "covariance");
        if (marketWeights == null || marketWeights.length != n) {
            throw new IllegalArgumentException("market_weights must have one value per asset (" + n + ")");
        }
        for (double w : marketWeights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("market_weights must be finite, got " + w);
            }
        }
        if (!(Double.isFinite(riskAversion) && riskAversion > 0)) {
            throw new IllegalArgumentException("risk_aversion must be a finite number > 0, got " + riskAversion);
        }
        if (!(Double.isFinite(tau) && tau > 0)) {
            throw new IllegalArgumentException("tau must be a finite number > 0, got " + tau);
        }
    }

    /**
     * One view: pick · μ = expected, held with a confidence.
     *
     * @param pick       the view portfolio p (one coefficient per asset; relative views sum to 0)
     * @param expected   Q, the view's expected (excess) return, annualized fraction
     * @param confidence c in (0, 1], or NaN for He and Litterman's default ω
     */
    public record View(double[] pick, double expected, double confidence) {
        public View {
            if (pick == null || pick.length == 0) {
                throw new IllegalArgumentException("a view needs its pick vector");
            }
            for (double p : pick) {
                if (!Double.isFinite(p)) {
                    throw new IllegalArgumentException("view pick coefficients must be finite, got " + p);
                }
            }
            if (!Double.isFinite(expected)) {
                throw new IllegalArgumentException("view expected return must be finite, got " + expected);
            }
            if (!Double.isNaN(confidence) && !(confidence > 0 && confidence <= 1)) {
                throw new IllegalArgumentException("view confidence must be in (0, 1], got " + confidence);
            }
        }
    }

    /** Π = δΣw_mkt. */
    public double[] equilibriumReturns() {
        double[] pi = Matrices.multiply(covariance, marketWeights);
        for (int i = 0; i < pi.length; i++) {
            pi[i] *= riskAversion;
        }
        return pi;
    }

    /**
     * The posterior of the views.
     *
     * @param mean       μ_BL = Π + τΣPᵀ(PτΣPᵀ + Ω)⁻¹(Q − PΠ)
     * @param covariance Σ + M with M = τΣ − τΣPᵀ(PτΣPᵀ + Ω)⁻¹PτΣ, the covariance of returns given the views
     */
    public record Posterior(double[] mean, double[][] covariance) {
    }

    /** μ_BL for the given views (the prior Π when there are none). */
    public double[] posteriorReturns(List<View> views) {
        return posterior(views).mean();
    }

    /** The posterior mean and covariance for the given views (Π and (1 + τ)Σ when there are none). */
    public Posterior posterior(List<View> views) {
        double[] pi = equilibriumReturns();
        int n = pi.length;
        int k = views.size();
        double[][] tauSigmaPt = new double[n][k];
        double[][] m = new double[k][k];
        double[] surprise = new double[k];
        for (int v = 0; v < k; v++) {
            double[] p = views.get(v).pick();
            if (p.length != n) {
                throw new IllegalArgumentException("view " + v + " must have one pick coefficient per asset (" + n + ")");
            }
            double[] sp = Matrices.multiply(covariance, p);
            for (int i = 0; i < n; i++) {
                tauSigmaPt[i][v] = tau * sp[i];
            }
            surprise[v] = views.get(v).expected() - Matrices.dot(p, pi);
        }
        for (int v = 0; v < k; v++) {
            double[] p = views.get(v).pick();
            for (int u = 0; u < k; u++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += p[i] * tauSigmaPt[i][u];
                }
                m[v][u] = s;
            }
        }
        for (int v = 0; v < k; v++) {
            double c = views.get(v).confidence();
            double omega = Double.isNaN(c) ? m[v][v] : (1 - c) / c * m[v][v];
            m[v][v] += omega;
        }
        double[] mu = pi.clone();
        double[][] post = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                post[i][j] = (1 + tau) * covariance[i][j];
            }
        }
        if (k > 0) {
            var chol = Cholesky.decompose(m);
            double[] lambda = chol.solve(surprise);
            double[] shift = Matrices.multiply(tauSigmaPt, lambda);
            double[][] solved = new double[n][];
            for (int i = 0; i < n; i++) {
                mu[i] += shift[i];
                solved[i] = chol.solve(tauSigmaPt[i]);
            }
            // M = τΣ − (τΣPᵀ)(PτΣPᵀ + Ω)⁻¹(τΣPᵀ)ᵀ
            double[][] correction = Matrices.multiplyByTranspose(tauSigmaPt, solved);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    post[i][j] -= correction[i][j];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    double avg = 0.5 * (post[i][j] + post[j][i]);
                    post[i][j] = avg;
                    post[j][i] = avg;
                }
            }
        }
        return new Posterior(mu, post);
    }

    /**
     * He and Litterman's unconstrained optimal weights w* = (δ(Σ + M))⁻¹μ_BL (no budget or bounds); with no views
     * this is w_mkt/(1 + τ).
     */
    public double[] unconstrainedWeights(List<View> views) {
        Posterior p = posterior(views);
        double[] w = Matrices.solveSpd(p.covariance(), p.mean());
        for (int i = 0; i < w.length; i++) {
            w[i] /= riskAversion;
        }
        return w;
    }
}
