package io.nautilus.engine.analytics.metrics;

import io.nautilus.core.quant.NormalDistribution;
import java.util.OptionalDouble;

/**
 * The probabilistic Sharpe ratio (Bailey and López de Prado, "The Sharpe Ratio Efficient Frontier", 2012): the
 * probability that the true Sharpe ratio exceeds a benchmark {@code SR*}, given the observed one and the
 * non-normality of the returns:
 *
 * <pre>
 *   PSR = Phi( (SR - SR*) sqrt(n - 1) / sqrt(1 - skew * SR + (kurt - 1) / 4 * SR^2) )
 * </pre>
 *
 * with {@code SR} and {@code SR*} per period (not annualized), {@code skew} the population skewness {@code g1} and
 * {@code kurt} the population (non-excess) kurtosis {@code g2 + 3}, as in the paper's estimator. The result is a
 * probability in [0, 1]; {@code Phi} is {@link NormalDistribution#standardCdf}. Stateless and thread-safe.
 */
public final class ProbabilisticSharpeRatio {

    private ProbabilisticSharpeRatio() {
    }

    /**
     * @param sharpe observed per-period Sharpe ratio
     * @param benchmarkSharpe per-period Sharpe ratio to beat
     * @param observations number of returns the Sharpe ratio was measured on, at least 2
     * @param skewness population skewness g1 of the returns
     * @param kurtosis population kurtosis of the returns, not excess (3 for a normal distribution)
     * @return the probability, empty when the variance term of the denominator is not positive
     */
    public static OptionalDouble of(double sharpe, double benchmarkSharpe, int observations, double skewness,
                                    double kurtosis) {
        if (!Double.isFinite(sharpe) || !Double.isFinite(benchmarkSharpe) || !Double.isFinite(skewness)
                || !Double.isFinite(kurtosis)) {
            throw new IllegalArgumentException("sharpe, benchmarkSharpe, skewness and kurtosis must be finite, got "
                    + sharpe + ", " + benchmarkSharpe + ", " + skewness + ", " + kurtosis);
        }
        if (observations < 2) {
            throw new IllegalArgumentException("observations is " + observations + ", must be >= 2");
        }
        double variance = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(variance > 0)) {
            return OptionalDouble.empty();
        }
        double z = (sharpe - benchmarkSharpe) * Math.sqrt(observations - 1) / Math.sqrt(variance);
        return OptionalDouble.of(NormalDistribution.standardCdf(z));
    }
}
