package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndicatorSetTest {

    @Test
    void test_update_columnsFollowIndicatorAndOutputOrder() {
        Sma sma = new Sma(3);
        Macd macd = new Macd(2, 3, 2);
        Sma alone = new Sma(3);
        Macd macdAlone = new Macd(2, 3, 2);
        IndicatorSet set = IndicatorSet.of(new Sma(3), new Macd(2, 3, 2));
        assertThat(set.outputNames()).containsExactly("sma_3", "macd", "macd_signal", "macd_histogram");
        assertThat(set.width()).isEqualTo(4);
        double[] row = new double[4];
        Ttrc d = Ttrc.DATA;
        for (int i = 0; i < 10; i++) {
            set.update(d.open[i], d.high[i], d.low[i], d.close[i], d.volume[i]);
            alone.update(d.open[i], d.high[i], d.low[i], d.close[i], d.volume[i]);
            macdAlone.update(d.open[i], d.high[i], d.low[i], d.close[i], d.volume[i]);
            set.values(row);
            assertThat(row).isEqualTo(new double[] {alone.value(), macdAlone.output(0), macdAlone.output(1),
                    macdAlone.output(2)});
            assertThat(Double.valueOf(set.value(3))).isEqualTo(Double.valueOf(macdAlone.output(2)));
            assertThat(set.isReady()).isEqualTo(i >= 3);
        }
        assertThat(sma.isReady()).isFalse();
        assertThat(macd.isReady()).isFalse();
    }

    @Test
    void test_constructor_rejectsDuplicateOutputNames() {
        assertThatThrownBy(() -> IndicatorSet.of(new Sma(20), new Sma(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sma_20");
    }

    @Test
    void test_startSession_reachesSessionIndicators() {
        IndicatorSet set = IndicatorSet.of(new Vwap(), new Obv());
        set.update(10, 11, 9, 10, 100);
        set.startSession();
        assertThat(set.indicator(0).isReady()).isFalse();
        assertThat(set.indicator(1).isReady()).isTrue();
        assertThat(set.value(1)).isEqualTo(100.0);
    }
}
