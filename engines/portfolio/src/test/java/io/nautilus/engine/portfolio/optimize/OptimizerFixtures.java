package io.nautilus.engine.portfolio.optimize;

import java.util.Random;

/** Shared test inputs. */
final class OptimizerFixtures {
    private OptimizerFixtures() {
    }

    /** Volatilities 10/15/20/25 %, correlations 0.3 .. 0.8; asset 3 is dominated (negative unconstrained min-var weight). */
    static final double[] VOL = {0.10, 0.15, 0.20, 0.25};
    static final double[][] CORR = {
        {1.0, 0.5, 0.3, 0.8},
        {0.5, 1.0, 0.4, 0.6},
        {0.3, 0.4, 1.0, 0.5},
        {0.8, 0.6, 0.5, 1.0}};
    static final double[][] COV = covariance(VOL, CORR);
    static final double[] MU = {0.05, 0.07, 0.09, 0.10};

    static double[][] covariance(double[] vol, double[][] corr) {
        int n = vol.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = vol[i] * vol[j] * corr[i][j];
            }
        }
        return c;
    }

    /** A seeded three-factor covariance of n assets (annualized, vols around 20-40 %). */
    static double[][] factorCovariance(int n, long seed) {
        var rnd = new Random(seed);
        double[][] loadings = new double[n][3];
        double[] idio = new double[n];
        for (int i = 0; i < n; i++) {
            loadings[i][0] = 0.8 + 0.4 * rnd.nextDouble();
            loadings[i][1] = rnd.nextGaussian() * 0.5;
            loadings[i][2] = rnd.nextGaussian() * 0.3;
            idio[i] = 0.1 + 0.2 * rnd.nextDouble();
        }
        double[] factorVar = {0.04, 0.01, 0.01};
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += loadings[i][k] * loadings[j][k] * factorVar[k];
                }
                c[i][j] = s + (i == j ? idio[i] * idio[i] : 0);
            }
        }
        return c;
    }

    static double[] seededReturns(int n, long seed) {
        var rnd = new Random(seed);
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = 0.02 + 0.10 * rnd.nextDouble();
        }
        return mu;
    }

    static double sum(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }
}
