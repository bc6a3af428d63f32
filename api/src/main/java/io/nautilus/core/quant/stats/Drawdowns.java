package io.nautilus.core.quant.stats;

/**
 * Wealth and drawdown series of compounded simple returns.
 *
 * <p>Conventions: returns are simple per-period fractions ({@code 0.01} = +1%), compounded geometrically from an
 * initial wealth of 1. The drawdown at a point is {@code wealth / runningPeak - 1}, a fraction in [-1, 0]; the
 * running peak includes the initial wealth, so a first-period loss is already a drawdown (PerformanceAnalytics
 * {@code Drawdowns(geometric = TRUE)}, empyrical {@code max_drawdown}). Stateless and thread-safe.
 */
public final class Drawdowns {

    private Drawdowns() {
    }

    /**
     * The wealth curve {@code W} of length {@code n + 1}: {@code W[0] = 1}, {@code W[t] = W[t - 1] (1 + r[t - 1])}.
     *
     * @param returns simple returns, each finite and {@code >= -1}
     */
    public static double[] wealth(double[] returns) {
        SeriesChecks.requireSimpleReturns(returns, "returns", 1);
        double[] wealth = new double[returns.length + 1];
        double w = 1;
        wealth[0] = w;
        for (int i = 0; i < returns.length; i++) {
            w *= 1 + returns[i];
            wealth[i + 1] = w;
        }
        return wealth;
    }

    /**
     * The drawdown after each return: element {@code i} is {@code W[i + 1] / max(W[0..i + 1]) - 1} (so the
     * result has the length of {@code returns}).
     *
     * @param returns simple returns, each finite and {@code >= -1}
     */
    public static double[] ofReturns(double[] returns) {
        SeriesChecks.requireSimpleReturns(returns, "returns", 1);
        double[] drawdown = new double[returns.length];
        double w = 1;
        double peak = 1;
        for (int i = 0; i < returns.length; i++) {
            w *= 1 + returns[i];
            peak = Math.max(peak, w);
            drawdown[i] = w / peak - 1;
        }
        return drawdown;
    }

    /**
     * The drawdown at each point of a wealth (or price) curve: {@code w[t] / max(w[0..t]) - 1}.
     *
     * @param wealth values {@code >= 0}, the first {@code > 0}
     */
    public static double[] ofWealth(double[] wealth) {
        requireWealth(wealth);
        double[] drawdown = new double[wealth.length];
        double peak = wealth[0];
        for (int t = 0; t < wealth.length; t++) {
            peak = Math.max(peak, wealth[t]);
            drawdown[t] = wealth[t] / peak - 1;
        }
        return drawdown;
    }

    static void requireWealth(double[] wealth) {
        SeriesChecks.requireFinite(wealth, "wealth", 1);
        if (!(wealth[0] > 0)) {
            throw new IllegalArgumentException("wealth[0] is " + wealth[0] + ", must be > 0");
        }
        for (int t = 1; t < wealth.length; t++) {
            if (wealth[t] < 0) {
                throw new IllegalArgumentException("wealth[" + t + "] is " + wealth[t] + ", must be >= 0");
            }
        }
    }
}
