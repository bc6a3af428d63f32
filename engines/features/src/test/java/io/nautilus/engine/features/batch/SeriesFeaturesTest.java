package io.nautilus.engine.features.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.core.quant.indicator.IndicatorRequest;
import io.nautilus.core.quant.indicator.OhlcvSeries;
import io.nautilus.core.quant.indicator.Rsi;
import io.nautilus.core.quant.indicator.Sma;
import io.nautilus.testkit.TtrcDaily;
import io.nautilus.engine.features.stream.FeatureSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesFeaturesTest {

    private static final TtrcDaily DATA = TtrcDaily.DATA;

    @Test
    void test_compute_closeOnlySeriesSkipsIndicatorsNeedingHighLow() {
        var set = new FeatureSet(List.of(IndicatorRequest.of("sma", Map.of("period", 5.0)), IndicatorRequest.of("rsi"),
                IndicatorRequest.of("atr"), IndicatorRequest.of("sma", Map.of("period", 200.0))));
        double[] close = Arrays.copyOf(DATA.close, 60);
        SeriesFeatures f = SeriesFeatures.compute(OhlcvSeries.ofClose(close), set);
        // reference: the streaming classes fed directly
        var sma = new Sma(5);
        var rsi = new Rsi(14);
        for (double c : close) {
            sma.update(Double.NaN, Double.NaN, Double.NaN, c, Double.NaN);
            rsi.update(Double.NaN, Double.NaN, Double.NaN, c, Double.NaN);
        }
        assertThat(f.features()).containsOnlyKeys("sma_5", "rsi_14");
        assertThat(f.features().get("sma_5")).isEqualTo(sma.value());
        assertThat(f.features().get("rsi_14")).isEqualTo(rsi.value());
        // and sma_5 by hand: the mean of the last five closes
        double mean = (close[55] + close[56] + close[57] + close[58] + close[59]) / 5;
        assertThat(f.features().get("sma_5")).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(f.insufficientData()).containsExactly("sma_200");
        assertThat(f.unavailable()).containsEntry("atr", "needs [high, low]");
        assertThat(f.bars()).isEqualTo(60);
    }
}
