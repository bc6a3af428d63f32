package io.nautilus.engine.features.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BarIntervalTest {

    @Test
    void test_periodsPerYear_followsTheTradingCalendar() {
        // 252 days x 23,400 s / 60 s = 98,280 one-minute bars; / 300 s = 19,656 five-minute bars
        assertThat(BarInterval.parse("1m").periodsPerYear(252, 23_400)).isCloseTo(98_280, within(1e-9));
        assertThat(BarInterval.parse("5m").periodsPerYear(252, 23_400)).isCloseTo(19_656, within(1e-9));
        assertThat(BarInterval.parse("1h").periodsPerYear(252, 23_400)).isCloseTo(1_638, within(1e-9));
        assertThat(BarInterval.parse("1d").periodsPerYear(252, 23_400)).isCloseTo(252, within(1e-12));
        assertThat(BarInterval.parse("2d").periodsPerYear(252, 23_400)).isCloseTo(126, within(1e-12));
        assertThat(BarInterval.parse("1w").periodsPerYear(252, 23_400)).isCloseTo(52, within(1e-12));
        assertThat(BarInterval.parse("1s").seconds()).isEqualTo(1);
    }

    @Test
    void test_parse_rejectsUnknownLabels() {
        assertThatThrownBy(() -> BarInterval.parse("1y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1y'");
        assertThatThrownBy(() -> BarInterval.parse("0m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BarInterval.parse("m")).isInstanceOf(IllegalArgumentException.class);
    }
}
