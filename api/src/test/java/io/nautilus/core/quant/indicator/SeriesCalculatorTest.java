package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesCalculatorTest {

    private static final Ttrc DATA = Ttrc.DATA;
    private static final IndicatorCatalog CATALOG = IndicatorCatalog.standard();

    @Test
    void test_compute_batchIdenticalToStreamingForEveryIndicator() {
        List<IndicatorRequest> requests = new ArrayList<>();
        for (String name : CATALOG.names()) {
            requests.add(IndicatorRequest.of(name));
        }
        IndicatorSeries batch = SeriesCalculator.DEFAULT.compute(DATA.bars(), requests);
        assertThat(batch.length()).isEqualTo(DATA.n);
        int columns = 0;
        for (String name : CATALOG.names()) {
            Indicator streaming = CATALOG.create(name, Map.of());
            double[][] expected = DATA.stream(streaming);
            String[] names = streaming.outputNames();
            for (int j = 0; j < names.length; j++) {
                assertThat(batch.column(names[j])).as(names[j]).isEqualTo(expected[j]);
                columns++;
            }
        }
        assertThat(batch.names()).hasSize(columns);
    }

    @Test
    void test_compute_alignsWithInputAndMarksWarmupAsNaN() {
        IndicatorSeries out = SeriesCalculator.DEFAULT.compute(OhlcvSeries.ofClose(DATA.close),
                List.of(IndicatorRequest.of("rsi", Map.of("period", 14.0)), IndicatorRequest.of("macd")));
        assertThat(out.names()).containsExactly("rsi_14", "macd", "macd_signal", "macd_histogram");
        double[] rsi = out.column("rsi_14");
        assertThat(rsi).hasSize(DATA.n);
        assertThat(Ttrc.firstValue(rsi)).isEqualTo(14);
        assertThat(Ttrc.firstValue(out.column("macd"))).isEqualTo(25);
        assertThat(Ttrc.firstValue(out.column("macd_signal"))).isEqualTo(33);
    }

    @Test
    void test_compute_sessionStartsResetVwap() {
        boolean[] starts = new boolean[DATA.n];
        for (int i = 0; i < DATA.n; i += 5) {
            starts[i] = true;
        }
        OhlcvSeries bars = new OhlcvSeries(DATA.open, DATA.high, DATA.low, DATA.close, DATA.volume, starts);
        double[] vwap = SeriesCalculator.DEFAULT.compute(bars, List.of(IndicatorRequest.of("vwap"))).column("vwap");
        for (int i = 0; i < DATA.n; i += 5) {
            // first bar of each session: VWAP is that bar's typical price
            double typical = (DATA.high[i] + DATA.low[i] + DATA.close[i]) / 3;
            assertThat(vwap[i]).isCloseTo(typical, within(1e-12 * typical));
        }
    }

    @Test
    void test_compute_rejectsMissingInputsUnknownNamesAndDuplicates() {
        OhlcvSeries closes = OhlcvSeries.ofClose(DATA.close);
        assertThatThrownBy(() -> SeriesCalculator.DEFAULT.compute(closes, List.of(IndicatorRequest.of("atr"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'atr'")
                .hasMessageContaining("high").hasMessageContaining("low");
        assertThatThrownBy(() -> SeriesCalculator.DEFAULT.compute(closes, List.of(IndicatorRequest.of("foo"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'foo'");
        assertThatThrownBy(() -> SeriesCalculator.DEFAULT.compute(closes,
                List.of(IndicatorRequest.of("sma"), IndicatorRequest.of("sma", Map.of("period", 20.0)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sma_20");
        assertThatThrownBy(() -> SeriesCalculator.DEFAULT.compute(closes, List.of(IndicatorRequest.of("sma")))
                .column("ema_20")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ema_20");
    }

    @Test
    void test_compute_emptySeriesGivesEmptyColumns() {
        IndicatorSeries out = SeriesCalculator.DEFAULT.compute(OhlcvSeries.ofClose(new double[0]),
                List.of(IndicatorRequest.of("ema")));
        assertThat(out.column("ema_20")).isEmpty();
    }

    @Test
    void test_latest_equalsTheLastRowOfComputeWithoutWarmingOutputs() {
        List<IndicatorRequest> requests = List.of(IndicatorRequest.of("rsi"), IndicatorRequest.of("macd"),
                IndicatorRequest.of("sma", Map.of("period", 40.0)));
        OhlcvSeries bars = OhlcvSeries.ofClose(java.util.Arrays.copyOf(DATA.close, 35));
        IndicatorSeries all = SeriesCalculator.DEFAULT.compute(bars, requests);
        Map<String, Double> last = SeriesCalculator.DEFAULT.latest(bars, requests);
        // 35 bars: RSI(14), the MACD line and its signal (ready at bar 34) have values; SMA(40) does not
        assertThat(last).containsOnlyKeys("rsi_14", "macd", "macd_signal", "macd_histogram");
        for (String name : last.keySet()) {
            assertThat(last.get(name)).isEqualTo(all.column(name)[34]);
        }
        assertThat(SeriesCalculator.DEFAULT.supports(bars, IndicatorRequest.of("atr"))).isFalse();
        assertThat(SeriesCalculator.DEFAULT.supports(bars, IndicatorRequest.of("rsi"))).isTrue();
    }
}
