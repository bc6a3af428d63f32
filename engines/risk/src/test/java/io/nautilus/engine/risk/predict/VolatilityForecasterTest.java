package io.nautilus.engine.risk.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.engine.risk.SharedData;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class VolatilityForecasterTest {

    /** A GARCH(1,1) path with omega 0.05, alpha 0.08, beta 0.9 (persistence 0.98), Gaussian shocks, seeded. */
    private static double[] simulateGarch(int n, long seed) {
        var random = new SplittableRandom(seed);
        double omega = 0.05;
        double alpha = 0.08;
        double beta = 0.9;
        double h = omega / (1 - alpha - beta);
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            double e = Math.sqrt(h) * random.nextGaussian();
            r[t] = e;
            h = omega + alpha * e * e + beta * h;
        }
        return r;
    }

    @Test
    void test_garch_recoversKnownParametersFromASimulatedSeries() {
        VolatilityForecast f = VolatilityForecaster.garch(simulateGarch(8000, 11L), 10);
        // QML standard errors at T = 8000 are about 0.01 for alpha and beta: allow 0.03 / 0.04
        assertThat(f.alpha()).isCloseTo(0.08, within(0.03));
        assertThat(f.beta()).isCloseTo(0.9, within(0.04));
        assertThat(f.alpha() + f.beta()).isCloseTo(0.98, within(0.015));
        assertThat(f.omega() / (1 - f.alpha() - f.beta())).isCloseTo(2.5, within(1.0));
        assertThat(f.mu()).isCloseTo(0.0, within(0.05));
        assertThat(f.variancePath()).hasSize(10);
    }

    @Test
    void test_garch_dem2gbpMatchesPublishedBenchmark() {
        // Bollerslev and Ghysels (1996) / McCullough and Renfro (1998): mu -0.00619, omega 0.0108, alpha 0.1531,
        // beta 0.8060, log L -1106.608
        VolatilityForecast f = VolatilityForecaster.garch(SharedData.dem2gbp(), 5);
        assertThat(f.alpha()).isCloseTo(0.1531, within(0.001));
        assertThat(f.beta()).isCloseTo(0.8060, within(0.001));
        assertThat(f.logLikelihood()).isCloseTo(-1106.608, within(0.01));
        // the path reverts to omega / (1 - alpha - beta)
        double v = f.omega() / (1 - f.alpha() - f.beta());
        double[] path = f.variancePath();
        assertThat(path[1] - v).isCloseTo((path[0] - v) * (f.alpha() + f.beta()), within(1e-12));
    }

    @Test
    void test_ewma_handComputedRecursionAndLikelihood() {
        // r = (0.01, -0.02, 0.015), lambda 0.94: S1 = 1e-4, W1 = 1 -> h = 1e-4;
        // S2 = 0.94e-4 + 4e-4 = 4.94e-4, W2 = 1.94 -> h = 2.5463917525773196e-4;
        // S3 = 0.94 * 4.94e-4 + 2.25e-4 = 6.8936e-4, W3 = 2.8236 -> h = 2.441422297775889e-4
        double[] r = {0.01, -0.02, 0.015};
        VolatilityForecast f = VolatilityForecaster.ewma(r, 0.94, 3);
        assertThat(f.variancePath()).containsExactly(new double[] {2.441422297775889e-4, 2.441422297775889e-4,
                2.441422297775889e-4}, within(1e-15));
        double ll = -0.5 * (Math.log(2 * Math.PI) + Math.log(1e-4) + 4e-4 / 1e-4)
                - 0.5 * (Math.log(2 * Math.PI) + Math.log(2.5463917525773196e-4) + 2.25e-4 / 2.5463917525773196e-4);
        assertThat(f.logLikelihood()).isCloseTo(ll, within(1e-9));
        assertThat(f.horizonVolatility()).isCloseTo(Math.sqrt(3 * 2.441422297775889e-4), within(1e-15));
    }

    @Test
    void test_forecast_rejectsBadHorizonAndShortSeries() {
        assertThatThrownBy(() -> VolatilityForecaster.ewma(new double[] {0.1, 0.2}, 0.94, 0))
                .hasMessageContaining("horizon_days");
        assertThatThrownBy(() -> VolatilityForecaster.ewma(new double[] {0.1}, 0.94, 1))
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> VolatilityForecaster.garch(new double[] {0.1, 0.2, 0.3}, 1))
                .hasMessageContaining("at least");
    }
}
