package io.nautilus.engine.marketdata.simulator;

import io.nautilus.core.model.Checks;

import java.util.List;

/**
 * Parameters of the market simulator, validated once. Immutable (arrays are copied in and out).
 *
 * <p>Units: prices in the instrument's currency; {@code volatilities} and {@code drifts} annualized fractions
 * (0.25 = 25% a year) over a year of {@value GbmSimulator#TRADING_DAYS} simulated days, each a UTC calendar day;
 * {@code jumpIntensity} expected jumps per year; {@code jumpMean} and {@code jumpStdev} of the log jump size;
 * {@code spreadBps} the full bid-ask spread in basis points of the mid; {@code rate} updates per second per
 * symbol in live mode.
 *
 * @param symbols          simulated symbols
 * @param prices           initial mid prices, &gt; 0
 * @param volatilities     annualized volatilities, &gt;= 0
 * @param drifts           annualized drifts (log-price drift plus half the variance: E[S_t] = S_0 e^{mu t})
 * @param correlation      correlation matrix of the diffusion shocks (symmetric positive definite, unit diagonal)
 * @param jumpIntensity    expected jumps per year per symbol, &gt;= 0 (0 disables jumps)
 * @param jumpMean         mean of the log jump size
 * @param jumpStdev        standard deviation of the log jump size, &gt;= 0
 * @param profileStrength  intraday volatility profile k &gt;= 0: variance multiplier (1 + k (2u - 1)^2) / (1 + k/3)
 *                         at fraction u of the UTC day (U-shaped, mean 1; 0 = flat)
 * @param spreadBps        bid-ask spread, basis points of the mid, &gt;= 0
 * @param tradeProbability chance that an update also prints a trade, in [0, 1]
 * @param lotSize          trade and quote sizes are 1 to 10 lots of this many units, &gt; 0
 * @param rate             updates per second per symbol in live mode, in (0, 10000]
 * @param seed             seed of the random stream: equal settings and seed give equal output
 */
public record SimulatorSettings(List<String> symbols, double[] prices, double[] volatilities, double[] drifts,
                                double[][] correlation, double jumpIntensity, double jumpMean, double jumpStdev,
                                double profileStrength, double spreadBps, double tradeProbability, double lotSize,
                                double rate, long seed) {
    public SimulatorSettings {
        symbols = List.copyOf(symbols);
        int n = symbols.size();
        if (n == 0) {
            throw new IllegalArgumentException("simulator symbols must not be empty");
        }
        for (String s : symbols) {
            Checks.validSymbol("simulator symbol", s);
        }
        prices = sized("prices", prices, n).clone();
        volatilities = sized("volatilities", volatilities, n).clone();
        drifts = sized("drifts", drifts, n).clone();
        for (int i = 0; i < n; i++) {
            Checks.positive("prices[" + i + "]", prices[i]);
            Checks.inRange("volatilities[" + i + "]", volatilities[i], 0, 5);
            Checks.inRange("drifts[" + i + "]", drifts[i], -5, 5);
        }
        if (correlation == null || correlation.length != n) {
            throw new IllegalArgumentException("correlation must be " + n + " x " + n);
        }
        var c = new double[n][];
        for (int i = 0; i < n; i++) {
            c[i] = sized("correlation[" + i + "]", correlation[i], n).clone();
            if (c[i][i] != 1.0) {
                throw new IllegalArgumentException("correlation[" + i + "][" + i + "] must be 1, got " + c[i][i]);
            }
            for (int j = 0; j < n; j++) {
                Checks.inRange("correlation[" + i + "][" + j + "]", c[i][j], -1, 1);
            }
        }
        correlation = c;
        Checks.inRange("jump_intensity", jumpIntensity, 0, 10_000);
        Checks.inRange("jump_mean", jumpMean, -1, 1);
        Checks.inRange("jump_stdev", jumpStdev, 0, 1);
        Checks.inRange("profile_strength", profileStrength, 0, 100);
        Checks.inRange("spread_bps", spreadBps, 0, 10_000);
        Checks.inRange("trade_probability", tradeProbability, 0, 1);
        Checks.positive("lot_size", lotSize);
        Checks.inRange("rate", rate, 1e-3, 10_000);
    }

    private static double[] sized(String name, double[] a, int n) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(name + " must have " + n + " values (one per symbol), got "
                    + (a == null ? "none" : a.length));
        }
        return a;
    }

    /** A correlation matrix with 1 on the diagonal and {@code rho} elsewhere. */
    public static double[][] uniformCorrelation(int n, double rho) {
        var c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = i == j ? 1.0 : rho;
            }
        }
        return c;
    }

    @Override
    public double[] prices() {
        return prices.clone();
    }

    @Override
    public double[] volatilities() {
        return volatilities.clone();
    }

    @Override
    public double[] drifts() {
        return drifts.clone();
    }

    @Override
    public double[][] correlation() {
        var c = new double[correlation.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = correlation[i].clone();
        }
        return c;
    }
}
