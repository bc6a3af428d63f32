package io.nautilus.engine.analytics.metrics;

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
 * probability in [0, 1]. Stateless and thread-safe.
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
        return OptionalDouble.of(standardNormalCdf(z));
    }

    /**
     * Standard normal CDF by Hart's (1968) double-precision rational approximation as given by G. West, "Better
     * approximations to cumulative normal functions" (2005): absolute error below 1e-14. Kept private to this
     * metric until a shared {@code core.quant} normal distribution exists.
     */
    static double standardNormalCdf(double x) {
        double a = Math.abs(x);
        double tail;
        if (a > 37) {
            tail = 0;
        } else {
            double e = Math.exp(-a * a / 2);
            if (a < 7.07106781186547) {
                double num = 3.52624965998911e-02 * a + 0.700383064443688;
                num = num * a + 6.37396220353165;
                num = num * a + 33.912866078383;
                num = num * a + 112.079291497871;
                num = num * a + 221.213596169931;
                num = num * a + 220.206867912376;
                double den = 8.83883476483184e-02 * a + 1.75566716318264;
                den = den * a + 16.064177579207;
                den = den * a + 86.7807322029461;
                den = den * a + 296.564248779674;
                den = den * a + 637.333633378831;
                den = den * a + 793.826512519948;
                den = den * a + 440.413735824752;
                tail = e * num / den;
            } else {
                double b = a + 0.65;
                b = a + 4 / b;
                b = a + 3 / b;
                b = a + 2 / b;
                b = a + 1 / b;
                tail = e / b / 2.506628274631;
            }
        }
        return x > 0 ? 1 - tail : tail;
    }
}
