package io.nautilus.engine.risk.var;

import io.nautilus.core.quant.Matrices;

/** Validation and small kernels shared by the VaR models. Stateless and thread-safe. */
final class VarInputs {
    /** Longest horizon accepted, in periods (one trading year). */
    static final int MAX_HORIZON = 250;

    private VarInputs() {
    }

    /** Checks the common contract of {@link VarModel#compute}; returns the number of assets. */
    static int check(double[][] returns, double[] exposures, double confidence, int horizonDays, int minPeriods) {
        int n = Matrices.columns(returns, "returns");
        Matrices.requireFinite(returns, "returns");
        if (returns.length < minPeriods) {
            throw new IllegalArgumentException("returns must have at least " + minPeriods + " periods, got "
                    + returns.length);
        }
        if (exposures == null || exposures.length != n) {
            throw new IllegalArgumentException("exposures must have one value per asset (" + n + "), got "
                    + (exposures == null ? "none" : exposures.length));
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(exposures[i])) {
                throw new IllegalArgumentException("exposures[" + i + "] must be finite, got " + exposures[i]);
            }
        }
        if (!(confidence > 0.5 && confidence < 1.0)) {
            throw new IllegalArgumentException("confidence must be in (0.5, 1), got " + confidence);
        }
        if (horizonDays < 1 || horizonDays > MAX_HORIZON) {
            throw new IllegalArgumentException("horizon_days must be in [1, " + MAX_HORIZON + "], got " + horizonDays);
        }
        return n;
    }

    /** P&amp;L of each period: {@code returns[t] . exposures}. */
    static double[] pnl(double[][] returns, double[] exposures) {
        double[] pnl = new double[returns.length];
        for (int t = 0; t < returns.length; t++) {
            pnl[t] = Matrices.dot(returns[t], exposures);
        }
        return pnl;
    }
}
