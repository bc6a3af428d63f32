package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OhlcvSeriesTest {

    @Test
    void test_constructor_rejectsBadValuesNamingFieldAndIndex() {
        double[] ok = {1, 2, 3};
        assertThatThrownBy(() -> OhlcvSeries.ofClose(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("close[1]");
        assertThatThrownBy(() -> OhlcvSeries.of(null, new double[] {1, 2}, null, ok, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("high").hasMessageContaining("3");
        assertThatThrownBy(() -> OhlcvSeries.of(null, new double[] {1, 1, 3}, new double[] {1, 2, 3}, ok, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("high[1]");
        assertThatThrownBy(() -> OhlcvSeries.of(null, null, null, ok, new double[] {1, -1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volume[1]");
        assertThatThrownBy(() -> OhlcvSeries.ofClose(new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("> 0");
        assertThatThrownBy(() -> OhlcvSeries.of(null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("close");
    }

    @Test
    void test_has_reportsSuppliedFields() {
        OhlcvSeries s = OhlcvSeries.of(null, new double[] {2}, new double[] {1}, new double[] {1.5}, null);
        assertThat(s.has(BarInput.HIGH)).isTrue();
        assertThat(s.has(BarInput.OPEN)).isFalse();
        assertThat(s.has(BarInput.VOLUME)).isFalse();
        assertThat(s.has(BarInput.CLOSE)).isTrue();
        assertThat(s.length()).isEqualTo(1);
    }
}
