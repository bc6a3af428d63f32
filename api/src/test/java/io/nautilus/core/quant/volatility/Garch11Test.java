package io.nautilus.core.quant.volatility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.quant.SharedData;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * References: the published dem2gbp benchmark (Bollerslev and Ghysels 1996; McCullough and Renfro 1998,
 * Fiorentini-Calzolari-Panattoni estimates), a seeded GARCH(1,1) simulation with known parameters, and the
 * closed-form variance forecast.
 */
class Garch11Test {

    // Published FCP benchmark estimates for dem2gbp (percent daily log returns, T = 1974).
    private static final double DEM2GBP_MU = -0.00619041;
    private static final double DEM2GBP_OMEGA = 0.0107613;
    private static final double DEM2GBP_ALPHA = 0.153134;
    private static final double DEM2GBP_BETA = 0.805974;

    @Test
    void test_fit_dem2gbpMatchesPublishedBenchmark() {
        double[] r = column(SharedData.columns("dem2gbp_daily_returns.csv", "dem2gbp"));
        Garch11Fit fit = Garch11.DEFAULT.fit(r);
        // Tolerance: 4 significant digits (relative 1e-4; mu absolute 1e-6). Observed agreement is about 6 digits:
        // mu -0.0061905, omega 0.0107614, alpha 0.1531337, beta 0.8059738, log L -1106.6079.
        assertThat(fit.mu()).isCloseTo(DEM2GBP_MU, within(1e-6));
        assertThat(fit.omega()).isCloseTo(DEM2GBP_OMEGA, within(1e-4 * DEM2GBP_OMEGA));
        assertThat(fit.alpha()).isCloseTo(DEM2GBP_ALPHA, within(1e-4 * DEM2GBP_ALPHA));
        assertThat(fit.beta()).isCloseTo(DEM2GBP_BETA, within(1e-4 * DEM2GBP_BETA));
        assertThat(fit.logLikelihood()).isCloseTo(-1106.608, within(1e-3));
        assertThat(fit.converged()).isTrue();
        // The likelihood at the published point is not higher than at ours (ours is the maximum).
        assertThat(Garch11.logLikelihood(r, DEM2GBP_MU, DEM2GBP_OMEGA, DEM2GBP_ALPHA, DEM2GBP_BETA))
            .isLessThanOrEqualTo(fit.logLikelihood() + 1e-9);
    }

    @Test
    void test_fit_recoversSimulatedParameters() {
        // omega = 0.05, alpha = 0.08, beta = 0.90 (V = 2.5), n = 5000, Gaussian z from SplittableRandom(20240607)
        // after a 500-period burn-in. Asymptotic standard errors at n = 5000 are roughly 0.01 for alpha,
        // 0.015 for beta and 0.015 for omega; the tolerances are about 3 standard errors. (This seed gives
        // omega 0.0491, alpha 0.0751, beta 0.9034.)
        double omega = 0.05, alpha = 0.08, beta = 0.90;
        double[] r = simulate(omega, alpha, beta, 5000, 20240607L);
        Garch11Fit fit = new Garch11(Garch11.Mean.ZERO, Garch11.Intercept.FREE).fit(r);
        assertThat(fit.mu()).isZero();
        assertThat(fit.alpha()).isCloseTo(alpha, within(0.03));
        assertThat(fit.beta()).isCloseTo(beta, within(0.04));
        assertThat(fit.omega()).isCloseTo(omega, within(0.04));
        assertThat(fit.unconditionalVariance()).isCloseTo(2.5, within(0.5));
    }

    @Test
    void test_fit_varianceTargetingMatchesSampleVariance() {
        double[] r = simulate(0.05, 0.08, 0.90, 3000, 7L);
        Garch11Fit fit = new Garch11(Garch11.Mean.ZERO, Garch11.Intercept.VARIANCE_TARGETING).fit(r);
        double meanSquare = 0;
        for (double x : r) {
            meanSquare += x * x / r.length;
        }
        // By construction omega / (1 - alpha - beta) equals the sample mean square.
        assertThat(fit.unconditionalVariance()).isCloseTo(meanSquare, within(1e-12 * meanSquare));
        assertThat(fit.alpha()).isCloseTo(0.08, within(0.04));
        assertThat(fit.beta()).isCloseTo(0.90, within(0.05));
    }

    @Test
    void test_forecastVariance_matchesClosedForm() {
        // sigma²_(T+h) = V + (alpha+beta)^(h-1) (sigma²_(T+1) - V); V = 0.05/0.02 = 2.5, next = 4.
        Garch11Fit fit = new Garch11Fit(0.0, 0.05, 0.08, 0.90, -100.0, 4.0, 100, true);
        double[] path = fit.forecastVariance(250);
        for (int h = 1; h <= 250; h++) {
            assertThat(path[h - 1]).isCloseTo(2.5 + Math.pow(0.98, h - 1) * 1.5, within(1e-12));
        }
        assertThat(path[0]).isEqualTo(4.0);
        assertThat(fit.halfLife()).isCloseTo(Math.log(0.5) / Math.log(0.98), within(1e-12));
    }

    @Test
    void test_conditionalVariances_handComputedRecursion() {
        // r = [1, -2, 0], mu = 0, omega = 0.1, alpha = 0.2, beta = 0.7; presample e0² = h0 = (1+4+0)/3 = 5/3.
        // h1 = 0.1 + 0.9*5/3 = 1.6; h2 = 0.1 + 0.2*1 + 0.7*1.6 = 1.42; h3 = 0.1 + 0.2*4 + 0.7*1.42 = 1.894.
        double[] h = Garch11.conditionalVariances(new double[] {1, -2, 0}, 0, 0.1, 0.2, 0.7);
        assertThat(h).containsExactly(new double[] {1.6, 1.42, 1.894}, within(1e-14));
        // log L = -1/2 Σ (ln 2π + ln h + e²/h)
        double expected = -0.5 * (3 * Math.log(2 * Math.PI) + Math.log(1.6) + 1 / 1.6 + Math.log(1.42) + 4 / 1.42
            + Math.log(1.894));
        assertThat(Garch11.logLikelihood(new double[] {1, -2, 0}, 0, 0.1, 0.2, 0.7)).isCloseTo(expected, within(1e-13));
    }

    @Test
    void test_validation() {
        assertThatThrownBy(() -> Garch11.DEFAULT.fit(new double[5])).hasMessageContaining("at least 10");
        assertThatThrownBy(() -> Garch11.DEFAULT.fit(new double[20])).hasMessageContaining("constant");
        assertThatThrownBy(() -> new Garch11Fit(0, 0.1, 0.5, 0.5, -1, 1, 10, true))
            .hasMessageContaining("alpha + beta < 1");
    }

    static double[] simulate(double omega, double alpha, double beta, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int burnIn = 500;
        double h = omega / (1 - alpha - beta);
        double[] r = new double[n];
        for (int t = -burnIn; t < n; t++) {
            double e = Math.sqrt(h) * random.nextGaussian();
            if (t >= 0) {
                r[t] = e;
            }
            h = omega + alpha * e * e + beta * h;
        }
        return r;
    }

    private static double[] column(double[][] table) {
        double[] c = new double[table.length];
        for (int i = 0; i < table.length; i++) {
            c[i] = table[i][0];
        }
        return c;
    }
}
