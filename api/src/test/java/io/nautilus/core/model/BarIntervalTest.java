package io.nautilus.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BarIntervalTest {
    @Test
    void test_parse_labelsAndLengths() {
        assertThat(BarInterval.parse("1s").nanos()).isEqualTo(1_000_000_000L);
        assertThat(BarInterval.parse("5m").nanos()).isEqualTo(300_000_000_000L);
        assertThat(BarInterval.parse("1H").label()).isEqualTo("1h");
        assertThat(BarInterval.parse("1d").nanos()).isEqualTo(86_400_000_000_000L);
        assertThat(BarInterval.DEFAULTS).extracting(BarInterval::label).containsExactly("1s", "1m", "5m", "1h", "1d");
    }

    @Test
    void test_parse_rejectsBadLabels() {
        assertThatThrownBy(() -> BarInterval.parse("5x")).hasMessageContaining("unit");
        assertThatThrownBy(() -> BarInterval.parse("m")).hasMessageContaining("1s, 1m");
        assertThatThrownBy(() -> BarInterval.parse("0m")).hasMessageContaining("[1, 366]");
        // a 100,000-character label is refused with its echo cut to 64 characters
        String huge = "1".repeat(100_000) + "m";
        assertThatThrownBy(() -> BarInterval.parse(huge)).hasMessageContaining("1s, 1m")
                .hasMessageEndingWith("1".repeat(64) + "...'");
    }

    @Test
    void test_bucketStart_floorsNegativeAndPositiveTimes() {
        var m = BarInterval.parse("1m");
        assertThat(m.bucketStart(61_000_000_000L)).isEqualTo(60_000_000_000L);
        assertThat(m.bucketStart(60_000_000_000L)).isEqualTo(60_000_000_000L);
        assertThat(m.bucketStart(59_999_999_999L)).isZero();
    }

    @Test
    void test_periodsPerYear_followsTheTradingCalendar() {
        // 252 days x 23,400 s / 60 s = 98,280 one-minute bars; / 300 s = 19,656 five-minute bars
        assertThat(BarInterval.parse("1m").periodsPerYear(252, 23_400)).isCloseTo(98_280, within(1e-9));
        assertThat(BarInterval.parse("5m").periodsPerYear(252, 23_400)).isCloseTo(19_656, within(1e-9));
        assertThat(BarInterval.parse("1h").periodsPerYear(252, 23_400)).isCloseTo(1_638, within(1e-9));
        assertThat(BarInterval.parse("1d").periodsPerYear(252, 23_400)).isCloseTo(252, within(1e-12));
        assertThat(BarInterval.parse("2d").periodsPerYear(252, 23_400)).isCloseTo(126, within(1e-12));
        assertThat(BarInterval.parse("1s").seconds()).isEqualTo(1);
    }

    @Test
    void test_parse_weeklyBarsAreNotBuilt() {
        // Market Data buckets on the Unix epoch and builds no weekly bars: a subscriber must not wait for them
        assertThatThrownBy(() -> BarInterval.parse("1w")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1w'");
    }
}
