package io.nautilus.engine.risk.predict;

import java.util.Arrays;

/**
 * A fitted volatility model and its forecast path. Variances are per period in squared units of the returns
 * fitted. Immutable and thread-safe.
 *
 * @param model         {@code ewma} or {@code garch}
 * @param lambda        EWMA decay (NaN for GARCH)
 * @param mu            GARCH constant mean (0 for EWMA, which is zero-mean)
 * @param omega         GARCH intercept (NaN for EWMA)
 * @param alpha         GARCH ARCH coefficient (NaN for EWMA)
 * @param beta          GARCH GARCH coefficient (NaN for EWMA)
 * @param logLikelihood Gaussian log-likelihood of the returns under the model, including -T/2 ln(2 pi) (EWMA:
 *                      over periods 2..T, each with the forecast made the period before)
 * @param variancePath  forecast variances for periods T+1 .. T+horizon
 * @param observations  returns fitted
 * @param converged     whether the optimizer converged (always true for EWMA)
 */
public record VolatilityForecast(String model, double lambda, double mu, double omega, double alpha, double beta,
                                 double logLikelihood, double[] variancePath, int observations, boolean converged) {
    public VolatilityForecast {
        variancePath = variancePath.clone();
    }

    @Override
    public double[] variancePath() {
        return variancePath.clone();
    }

    /** Forecast variance of the next period. */
    public double nextVariance() {
        return variancePath[0];
    }

    /** Volatility of the sum of the next {@code horizon} periods: sqrt of the summed variances. */
    public double horizonVolatility() {
        return Math.sqrt(Arrays.stream(variancePath).sum());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VolatilityForecast f && model.equals(f.model) && Arrays.equals(variancePath, f.variancePath)
                && Double.compare(logLikelihood, f.logLikelihood) == 0;
    }

    @Override
    public int hashCode() {
        return model.hashCode() * 31 + Arrays.hashCode(variancePath);
    }
}
