package io.nautilus.engine.marketdata.bar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    }

    @Test
    void test_bucketStart_floorsNegativeAndPositiveTimes() {
        var m = BarInterval.parse("1m");
        assertThat(m.bucketStart(61_000_000_000L)).isEqualTo(60_000_000_000L);
        assertThat(m.bucketStart(60_000_000_000L)).isEqualTo(60_000_000_000L);
        assertThat(m.bucketStart(59_999_999_999L)).isZero();
    }
}
