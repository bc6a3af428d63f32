package io.nautilus.engine.risk.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VarBacktestTest {
    @Test
    void test_run_countsLossesBeyondVar() {
        double[] pnl = {-5, 3, -12, -11, 2, -10};
        double[] var = {10, 10, 10, 10, 10, 10};
        // exceptions where -pnl > var: days 2 and 3 (a loss of exactly 10 is not an exception)
        VarBacktest.Result r = VarBacktest.run(pnl, var, 0.05);
        assertThat(r.exceptions()).isEqualTo(2);
        assertThat(r.kupiec().lr()).isCloseTo(KupiecTest.test(6, 2, 0.05).lr(), within(1e-12));
        assertThat(r.christoffersen().n11()).isEqualTo(1);
        assertThat(r.trafficLight().zone()).isEqualTo(TrafficLight.Zone.YELLOW);
    }

    @Test
    void test_run_rejectsMismatchedLengths() {
        assertThatThrownBy(() -> VarBacktest.run(new double[3], new double[2], 0.01)).hasMessageContaining("same length");
    }
}
