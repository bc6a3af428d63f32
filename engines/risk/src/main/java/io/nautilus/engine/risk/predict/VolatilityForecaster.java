package io.nautilus.engine.risk.predict;

import io.nautilus.core.quant.volatility.EwmaVolatility;
import io.nautilus.core.quant.volatility.GaussianLikelihood;
import io.nautilus.core.quant.volatility.Garch11;
import io.nautilus.core.quant.volatility.Garch11Fit;

/**
 * Volatility forecasts for breach prediction and the {@code POST /risk/volatility/forecast} route: the RiskMetrics
 * EWMA ({@link EwmaVolatility}, a flat forecast path: E[h_(T+k)] = h_(T+1)) and a GARCH(1,1) fitted by Gaussian
 * maximum likelihood ({@link Garch11}, mean-reverting path {@link Garch11Fit#forecastVariance}). Stateless and
 * thread-safe.
 */
public final class VolatilityForecaster {
    /** Longest forecast horizon, in periods. */
    public static final int MAX_HORIZON = 250;

    private VolatilityForecaster() {
    }

    /**
     * @param returns per-period returns, oldest first, finite, at least 2
     * @param lambda  decay in (0, 1)
     * @param horizon periods ahead, in [1, {@value #MAX_HORIZON}]
     */
    public static VolatilityForecast ewma(double[] returns, double lambda, int horizon) {
        checkHorizon(horizon);
        if (returns == null || returns.length < 2) {
            throw new IllegalArgumentException("returns must have at least 2 values for an EWMA forecast");
        }
        double[] v = new EwmaVolatility(lambda).varianceSeries(returns);
        // the one-step forecast of period t is the variance through t - 1: periods 1..T-1 are scored
        double terms = 0;
        for (int t = 1; t < returns.length; t++) {
            double h = v[t - 1];
            if (!(h > 0)) {
                throw new IllegalArgumentException("returns must not start with a zero: the EWMA variance of period "
                        + t + " is 0");
            }
            terms += GaussianLikelihood.term(returns[t] * returns[t], h);
        }
        double ll = GaussianLikelihood.logLikelihood(terms, returns.length - 1);
        double[] path = new double[horizon];
        java.util.Arrays.fill(path, v[v.length - 1]);
        return new VolatilityForecast("ewma", lambda, 0, Double.NaN, Double.NaN, Double.NaN, ll, path,
                returns.length, true);
    }

    /**
     * @param returns per-period returns, oldest first, finite, at least {@value Garch11#MIN_OBSERVATIONS}
     * @param horizon periods ahead, in [1, {@value #MAX_HORIZON}]
     */
    public static VolatilityForecast garch(double[] returns, int horizon) {
        checkHorizon(horizon);
        Garch11Fit fit = Garch11.DEFAULT.fit(returns);
        return new VolatilityForecast("garch", Double.NaN, fit.mu(), fit.omega(), fit.alpha(), fit.beta(),
                fit.logLikelihood(), fit.forecastVariance(horizon), fit.observations(), fit.converged());
    }

    private static void checkHorizon(int horizon) {
        if (horizon < 1 || horizon > MAX_HORIZON) {
            throw new IllegalArgumentException("horizon_days must be in [1, " + MAX_HORIZON + "], got " + horizon);
        }
    }
}
