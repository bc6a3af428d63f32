package io.nautilus.engine.risk.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class BreachProbabilityTest {
    @Test
    void test_exceedance_normalTail() {
        // a threshold 2.3263478740408408 sigma away is exceeded with probability 1% (scipy norm.ppf(0.99))
        assertThat(BreachProbability.exceedance(23_263.478740408408, 10_000)).isCloseTo(0.01, within(1e-12));
        assertThat(BreachProbability.exceedance(15_000, 10_000))
                .isCloseTo(1 - new NormalDistribution().cumulativeProbability(1.5), within(1e-12));
        assertThat(BreachProbability.exceedance(0, 10_000)).isEqualTo(1.0);
        assertThat(BreachProbability.exceedance(5, 0)).isEqualTo(0.0);
    }

    @Test
    void test_exceedance_garchForecastOfDem2gbp() {
        // GARCH on dem2gbp (percent returns): with h_(T+1) the forecast, a 1% move on a 1,000,000 position is a
        // 10,000 loss; P = Phi(-1 / sqrt(h))
        VolatilityForecast f = VolatilityForecaster.garch(io.nautilus.engine.risk.SharedData.dem2gbp(), 1);
        double sigmaCurrency = Math.sqrt(f.nextVariance()) / 100 * 1_000_000;
        double p = BreachProbability.exceedance(10_000, sigmaCurrency);
        assertThat(p).isCloseTo(1 - new NormalDistribution().cumulativeProbability(1 / Math.sqrt(f.nextVariance())),
                within(1e-12));
    }

    @Test
    void test_drawdownHeadroom() {
        // limit 10% of a 1,000,000 peak with equity at 950,000: 50,000 more loss reaches the limit
        assertThat(BreachProbability.drawdownHeadroom(0.1, 1_000_000, 950_000)).isCloseTo(50_000, within(1e-9));
    }
}
