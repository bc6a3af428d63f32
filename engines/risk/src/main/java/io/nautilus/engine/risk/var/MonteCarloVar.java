package io.nautilus.engine.risk.var;

import io.nautilus.core.quant.Cholesky;
import io.nautilus.core.quant.Matrices;
import io.nautilus.core.quant.covariance.CovarianceEstimator;
import io.nautilus.core.quant.covariance.SampleCovariance;

import java.util.SplittableRandom;

/**
 * Monte Carlo VaR under a zero-mean multivariate normal: the covariance S is estimated from the returns, factored
 * S = L L', and each simulation draws z ~ N(0, I), returns r = L z and P&amp;L {@code m' r = (L' m)' z}. VaR and ES are
 * read from the simulated P&amp;Ls exactly as in {@link HistoricalVar}, and so is the Euler decomposition (from the
 * simulated scenario at the VaR, regenerated from its seed). Scaled to the horizon by sqrt(h).
 *
 * <p>Seeding: simulation s draws its normals from {@code new SplittableRandom(seed + s * 0x9E3779B97F4A7C15L)}
 * with {@link SplittableRandom#nextGaussian()}, so a result is reproducible from (seed, simulations) and any one
 * scenario can be regenerated alone. As the number of simulations grows the result converges to
 * {@link ParametricVar} with the same covariance. Throws {@link io.nautilus.core.quant.NotPositiveDefiniteException}
 * when the covariance is singular (fewer periods than assets, a constant asset). Immutable and thread-safe.
 */
public final class MonteCarloVar implements VarModel {
    /** Fewest periods accepted. */
    public static final int MIN_PERIODS = 20;
    /** Default number of simulations. */
    public static final int DEFAULT_SIMULATIONS = 10_000;
    /** Default seed. */
    public static final long DEFAULT_SEED = 20_240_601L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    public static final MonteCarloVar DEFAULT = new MonteCarloVar(DEFAULT_SIMULATIONS, DEFAULT_SEED,
            SampleCovariance.DEFAULT);

    private final int simulations;
    private final long seed;
    private final CovarianceEstimator estimator;

    /**
     * @param simulations number of simulated scenarios, in [100, 1_000_000]
     * @param seed        seed of the simulation streams
     * @param estimator   covariance estimator
     */
    public MonteCarloVar(int simulations, long seed, CovarianceEstimator estimator) {
        if (simulations < 100 || simulations > 1_000_000) {
            throw new IllegalArgumentException("simulations must be in [100, 1000000], got " + simulations);
        }
        if (estimator == null) {
            throw new IllegalArgumentException("estimator must not be null");
        }
        this.simulations = simulations;
        this.seed = seed;
        this.estimator = estimator;
    }

    public int simulations() {
        return simulations;
    }

    public long seed() {
        return seed;
    }

    @Override
    public VarResult compute(double[][] returns, double[] exposures, double confidence, int horizonDays) {
        int n = VarInputs.check(returns, exposures, confidence, horizonDays, MIN_PERIODS);
        double[][] lower = Cholesky.decompose(estimator.estimate(returns)).lower();
        double[] v = Matrices.multiply(Matrices.transpose(lower), exposures);
        double[] z = new double[n];
        double[] pnl = new double[simulations];
        for (int s = 0; s < simulations; s++) {
            draw(s, z);
            pnl[s] = Matrices.dot(v, z);
        }
        ScenarioTail tail = ScenarioTail.of(pnl, confidence);
        draw(tail.scenarioIndex(), z);
        double[] worst = Matrices.multiply(lower, z);
        double scale = Math.sqrt(horizonDays);
        double[] marginal = new double[n];
        double[] component = new double[n];
        for (int i = 0; i < n; i++) {
            marginal[i] = -worst[i] * scale;
            component[i] = exposures[i] * marginal[i];
        }
        return new VarResult(VarMethod.MONTE_CARLO, confidence, horizonDays, tail.var() * scale,
                tail.es() * scale, component, marginal, simulations);
    }

    private void draw(int simulation, double[] z) {
        var random = new SplittableRandom(seed + simulation * GOLDEN);
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian();
        }
    }
}
