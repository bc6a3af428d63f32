package io.nautilus.engine.marketdata.simulator;

import io.nautilus.core.quant.Cholesky;
import io.nautilus.engine.marketdata.tick.TickBatch;

import java.util.SplittableRandom;

/**
 * A market simulator: correlated geometric Brownian motion with Merton log-normal jumps and a U-shaped intraday
 * volatility profile. Each {@link #step} moves every mid price by
 * <pre>
 *   ln(S'/S) = (mu - sigma^2 m(u)^2 / 2 - lambda kappa) dt + sigma m(u) sqrt(dt) Z + J N
 * </pre>
 * with Z = L e (L the Cholesky factor of the correlation matrix, e independent standard normals), m(u)^2 the
 * profile multiplier at fraction u of the UTC day (mean 1 over a day), N ~ Bernoulli(lambda dt) a jump
 * indicator (the small-dt limit of the Poisson count), J ~ N(jump mean, jump stdev^2) and
 * kappa = E[e^J - 1] so that jumps do not change the expected return. dt is in years of
 * {@value #TRADING_DAYS} simulated days of 86,400 s, so daily closes have volatility sigma / sqrt(252).
 *
 * <p>Every step emits one quote per symbol (mid -/+ half the spread, sizes of 1-10 lots) and, with the trade
 * probability, a trade at the bid or the ask. Deterministic: equal settings, seed and step times give equal output
 * ({@link SplittableRandom}). Not thread-safe.
 */
public final class GbmSimulator {
    /** Simulated days per year. */
    public static final int TRADING_DAYS = 252;
    private static final double SECONDS_PER_YEAR = TRADING_DAYS * 86_400.0;
    private static final long DAY_NANOS = 86_400_000_000_000L;

    private final SimulatorSettings settings;
    private final String[] symbols;
    private final double[][] lower;
    private final double[] logPrice;
    private final double[] sigma;
    private final double[] mu;
    private final double kappa;
    private final double[] shocks;
    private final double[] normals;
    private final SplittableRandom random;

    public GbmSimulator(SimulatorSettings settings) {
        this.settings = settings;
        int n = settings.symbols().size();
        this.symbols = settings.symbols().toArray(new String[0]);
        this.lower = Cholesky.decompose(settings.correlation()).lower();
        this.logPrice = new double[n];
        double[] p = settings.prices();
        for (int i = 0; i < n; i++) {
            logPrice[i] = Math.log(p[i]);
        }
        this.sigma = settings.volatilities();
        this.mu = settings.drifts();
        this.kappa = Math.exp(settings.jumpMean() + 0.5 * settings.jumpStdev() * settings.jumpStdev()) - 1;
        this.shocks = new double[n];
        this.normals = new double[n];
        this.random = new SplittableRandom(settings.seed());
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** Symbols in simulation order. */
    public String symbol(int i) {
        return symbols[i];
    }

    public int size() {
        return symbols.length;
    }

    /** Current mid price of symbol {@code i}. */
    public double mid(int i) {
        return Math.exp(logPrice[i]);
    }

    /**
     * Moves the symbol's mid price to {@code mid} (a restart continuing from the last stored price); returns false
     * when the symbol is not simulated.
     */
    public boolean resumeAt(String symbol, double mid) {
        if (!(mid > 0) || !Double.isFinite(mid)) {
            throw new IllegalArgumentException("mid of " + symbol + " must be a finite price > 0, got " + mid);
        }
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i].equals(symbol)) {
                logPrice[i] = Math.log(mid);
                return true;
            }
        }
        return false;
    }

    /** The variance multiplier m(u)^2 of the intraday profile at an epoch time (mean 1 over a UTC day). */
    public double profile(long tsNanos) {
        double k = settings.profileStrength();
        double u = Math.floorMod(tsNanos, DAY_NANOS) / (double) DAY_NANOS;
        double x = 2 * u - 1;
        return (1 + k * x * x) / (1 + k / 3);
    }

    /**
     * Advances every price by {@code dtSeconds} ending at {@code tsNanos} and appends the resulting quotes (and
     * trades) to {@code out}, tagged with {@code source}.
     */
    public void step(long tsNanos, double dtSeconds, String source, TickBatch.Builder out) {
        if (!(dtSeconds > 0)) {
            throw new IllegalArgumentException("dtSeconds must be > 0, got " + dtSeconds);
        }
        int n = symbols.length;
        double dt = dtSeconds / SECONDS_PER_YEAR;
        double m2 = profile(tsNanos);
        double sqrtDt = Math.sqrt(dt * m2);
        double jumpProbability = Math.min(1.0, settings.jumpIntensity() * dt);
        for (int i = 0; i < n; i++) {
            normals[i] = random.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            double z = 0;
            double[] row = lower[i];
            for (int j = 0; j <= i; j++) {
                z += row[j] * normals[j];
            }
            shocks[i] = z;
        }
        double halfSpread = settings.spreadBps() / 20_000.0;
        for (int i = 0; i < n; i++) {
            double s = sigma[i];
            double x = (mu[i] - 0.5 * s * s * m2 - settings.jumpIntensity() * kappa) * dt + s * sqrtDt * shocks[i];
            if (jumpProbability > 0 && random.nextDouble() < jumpProbability) {
                x += settings.jumpMean() + settings.jumpStdev() * random.nextGaussian();
            }
            logPrice[i] += x;
            double mid = Math.exp(logPrice[i]);
            double bid = mid * (1 - halfSpread);
            double ask = mid * (1 + halfSpread);
            out.quote(source, symbols[i], bid, ask, lots(), lots(), tsNanos, out.size());
            if (settings.tradeProbability() > 0 && random.nextDouble() < settings.tradeProbability()) {
                out.trade(source, symbols[i], random.nextBoolean() ? bid : ask, lots(), tsNanos, out.size());
            }
        }
    }

    private double lots() {
        return settings.lotSize() * (1 + random.nextInt(10));
    }
}
