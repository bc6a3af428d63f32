package io.nautilus.core.quant.volatility;

/**
 * RiskMetrics exponentially weighted variance σ²_(t+1) = Σ_(s&lt;=t) w_s r_s² with weights proportional to
 * λ^(t-s), per period, zero mean (returns are not demeaned, as in RiskMetrics 1996).
 *
 * <p>Seeding: the weights are normalized over the observed sample, computed by the O(1) recursion
 * S_t = λ S_(t-1) + r_t², W_t = λ W_(t-1) + 1, σ²_(t+1) = S_t / W_t from S = W = 0, so the first estimate is
 * r_0² and no arbitrary seed variance is needed. Once λ^t ≈ 0 this is the classic recursion
 * σ²_(t+1) = λ σ²_t + (1-λ) r_t². It is the diagonal of {@code EwmaCovariance} with the same λ. The EWMA
 * forecast term structure is flat: the variance expected for every future period equals σ²_(T+1), so an
 * h-period variance is h·σ²_(T+1). Immutable and thread-safe; {@link State} is not.
 */
public final class EwmaVolatility {

    /** RiskMetrics decay for daily data. */
    public static final double RISKMETRICS_DAILY_LAMBDA = 0.94;
    /** λ = 0.94. */
    public static final EwmaVolatility DEFAULT = new EwmaVolatility(RISKMETRICS_DAILY_LAMBDA);

    private final double lambda;

    /**
     * @param lambda decay in (0, 1); larger means longer memory
     */
    public EwmaVolatility(double lambda) {
        if (!(lambda > 0.0 && lambda < 1.0)) {
            throw new IllegalArgumentException("lambda must be in (0, 1), was " + lambda);
        }
        this.lambda = lambda;
    }

    /** @return λ */
    public double lambda() {
        return lambda;
    }

    /**
     * Variance after each observation: element t is σ²_(t+1), the forecast for period t+1 from r_0..r_t.
     *
     * @param returns per-period returns, oldest first, finite, non-empty
     * @return variances, same length as returns
     */
    public double[] varianceSeries(double[] returns) {
        requireReturns(returns);
        State state = newState();
        double[] v = new double[returns.length];
        for (int t = 0; t < returns.length; t++) {
            state.update(returns[t]);
            v[t] = state.variance();
        }
        return v;
    }

    /**
     * @param returns per-period returns, oldest first, finite, non-empty
     * @return σ²_(T+1), the variance forecast for the next period
     */
    public double variance(double[] returns) {
        requireReturns(returns);
        State state = newState();
        for (double r : returns) {
            state.update(r);
        }
        return state.variance();
    }

    /**
     * @param returns per-period returns, oldest first, finite, non-empty
     * @return σ_(T+1), the per-period volatility forecast
     */
    public double volatility(double[] returns) {
        return Math.sqrt(variance(returns));
    }

    /** @return a fresh streaming state with this λ */
    public State newState() {
        return new State(lambda);
    }

    /** Streaming EWMA variance: O(1) per update, no allocation. Not thread-safe. */
    public static final class State {
        private final double lambda;
        private double weightedSquares;
        private double weightSum;
        private long count;

        private State(double lambda) {
            this.lambda = lambda;
        }

        /**
         * @param r the next per-period return, finite
         */
        public void update(double r) {
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("return must be finite, was " + r);
            }
            weightedSquares = lambda * weightedSquares + r * r;
            weightSum = lambda * weightSum + 1.0;
            count++;
        }

        /** @return number of returns seen */
        public long count() {
            return count;
        }

        /**
         * @return the variance forecast for the next period
         * @throws IllegalStateException before the first update (no data, no estimate)
         */
        public double variance() {
            if (count == 0) {
                throw new IllegalStateException("no returns observed yet: call update() first");
            }
            return weightedSquares / weightSum;
        }
    }

    private static void requireReturns(double[] returns) {
        if (returns == null || returns.length == 0) {
            throw new IllegalArgumentException("returns must not be empty");
        }
    }
}
