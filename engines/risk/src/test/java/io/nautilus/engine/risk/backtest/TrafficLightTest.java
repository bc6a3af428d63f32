package io.nautilus.engine.risk.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrafficLightTest {
    /**
     * Basel Committee (1996), Table 2: 250 observations of a 99% VaR, number of exceptions, zone and cumulative
     * probability in percent.
     */
    @ParameterizedTest
    @CsvSource({"0,GREEN,8.11", "1,GREEN,28.58", "2,GREEN,54.32", "3,GREEN,75.81", "4,GREEN,89.22",
            "5,YELLOW,95.88", "6,YELLOW,98.63", "7,YELLOW,99.60", "8,YELLOW,99.89", "9,YELLOW,99.97",
            "10,RED,99.99"})
    void test_classify_matchesBaselTable(int exceptions, TrafficLight.Zone zone, double cumulativePct) {
        TrafficLight.Result r = TrafficLight.classify(250, exceptions, 0.01);
        assertThat(r.zone()).isEqualTo(zone);
        assertThat(r.cumulativeProbability() * 100).isCloseTo(cumulativePct, within(0.005));
        assertThat(r.cumulativeProbability())
                .isCloseTo(new BinomialDistribution(250, 0.01).cumulativeProbability(exceptions), within(1e-12));
    }
}
