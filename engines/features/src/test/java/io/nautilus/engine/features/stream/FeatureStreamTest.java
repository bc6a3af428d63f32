package io.nautilus.engine.features.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.Bar;
import io.nautilus.core.model.FeatureVector;
import io.nautilus.core.quant.indicator.IndicatorRequest;
import io.nautilus.core.quant.indicator.IndicatorSeries;
import io.nautilus.core.quant.indicator.OhlcvSeries;
import io.nautilus.core.quant.indicator.SeriesCalculator;
import io.nautilus.testkit.TtrcDaily;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The streaming feature vectors against the library's batch computation over the same bars (TTR's ttrc OHLCV
 * replayed as one-minute bars, 390 per session day), with VWAP sessions starting at each UTC day.
 */
public class FeatureStreamTest {

    private static final TtrcDaily DATA = TtrcDaily.DATA;
    private static final int PER_DAY = 390;
    private static final long MINUTE = 60_000_000_000L;
    private static final long OPEN_NANOS = ZonedDateTime.of(2024, 3, 4, 14, 30, 0, 0, ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    private static final Map<String, Double> INTERVALS = Map.of("1m", 98_280.0, "1d", 252.0);

    static Bar minuteBar(String symbol, int i) {
        long start = OPEN_NANOS + (long) (i / PER_DAY) * 86_400_000_000_000L + (long) (i % PER_DAY) * MINUTE;
        double typical = (DATA.high[i] + DATA.low[i] + DATA.close[i]) / 3;
        return new Bar(symbol, "1m", start, start + MINUTE, DATA.open[i], DATA.high[i], DATA.low[i], DATA.close[i],
                DATA.volume[i], typical, 1);
    }

    @Test
    void test_onBar_everyVectorEqualsTheBatchRowWithDailySessions() {
        int n = 3 * PER_DAY + 50;
        var stream = new FeatureStream(FeatureConfig::standard, ZoneOffset.UTC, INTERVALS);
        boolean[] sessions = new boolean[n];
        for (int i = 0; i < n; i += PER_DAY) {
            sessions[i] = true;
        }
        OhlcvSeries bars = new OhlcvSeries(slice(DATA.open, n), slice(DATA.high, n), slice(DATA.low, n),
                slice(DATA.close, n), slice(DATA.volume, n), sessions);
        List<IndicatorRequest> requests = FeatureSet.standard().annualizedFor(98_280).indicators();
        IndicatorSeries batch = SeriesCalculator.DEFAULT.compute(bars, requests);
        int compared = 0;
        for (int i = 0; i < n; i++) {
            FeatureVector v = stream.onBar(minuteBar("TTRC", i));
            assertThat(v).isNotNull();
            assertThat(v.tsNanos()).isEqualTo(minuteBar("TTRC", i).endNanos());
            compared += assertEqualsBatchRow(v, batch, i);
        }
        assertThat(compared).isGreaterThan(n * 30);
        // VWAP restarted at the second session's first bar: it equals that bar's typical price
        Bar first = minuteBar("TTRC", PER_DAY);
        assertThat(batch.column("vwap")[PER_DAY]).isEqualTo((first.high() + first.low() + first.close()) / 3);
    }

    @Test
    void test_onBar_refusesOutOfOrderAndUnconfiguredBars() {
        var stream = new FeatureStream(FeatureConfig::standard, ZoneOffset.UTC, INTERVALS);
        assertThat(stream.onBar(minuteBar("A", 1))).isNotNull();
        assertThat(stream.onBar(minuteBar("A", 1))).isNull();
        assertThat(stream.onBar(minuteBar("A", 0))).isNull();
        Bar fiveMinute = new Bar("A", "5m", OPEN_NANOS, OPEN_NANOS + 5 * MINUTE, 10, 11, 9, 10, 100, 10, 1);
        assertThat(stream.onBar(fiveMinute)).isNull();
        assertThat(stream.refused()).isEqualTo(3);
        assertThat(stream.onBar(minuteBar("B", 0))).isNotNull();
        assertThat(stream.streams()).isEqualTo(2);
    }

    @Test
    void test_onBar_configChangeRebuildsOnlyChangedSymbols() {
        var config = new AtomicReference<>(FeatureConfig.standard());
        var stream = new FeatureStream(config::get, ZoneOffset.UTC, INTERVALS);
        for (int i = 0; i < 30; i++) {
            stream.onBar(minuteBar("A", i));
            stream.onBar(minuteBar("B", i));
        }
        var sma3 = new FeatureSet(List.of(IndicatorRequest.of("sma", Map.of("period", 3.0))));
        config.set(config.get().withSymbol("A", sma3));
        // A restarts its warm-up with the new set: SMA(3) absent for two bars, then the mean of bars 30..32
        assertThat(stream.onBar(minuteBar("A", 30))).isNull();
        assertThat(stream.onBar(minuteBar("A", 31))).isNull();
        FeatureVector a = stream.onBar(minuteBar("A", 32));
        assertThat(a.values()).containsOnlyKeys("sma_3");
        assertThat(a.values().get("sma_3")).isCloseTo((DATA.close[30] + DATA.close[31] + DATA.close[32]) / 3, within(1e-12));
        // B keeps its state: RSI(14) is already warm
        assertThat(stream.onBar(minuteBar("B", 30)).values()).containsKey("rsi_14");
    }

    private static double[] slice(double[] values, int n) {
        return java.util.Arrays.copyOf(values, n);
    }

    /**
     * Asserts that a published vector holds exactly the batch row {@code i}: every non-NaN column with the
     * identical value, no NaN column. Returns the number of values compared.
     */
    public static int assertEqualsBatchRow(FeatureVector v, IndicatorSeries batch, int i) {
        int compared = 0;
        for (String name : batch.names()) {
            double expected = batch.column(name)[i];
            if (Double.isNaN(expected)) {
                assertThat(v.values()).as("bar %d %s", i, name).doesNotContainKey(name);
            } else {
                assertThat(v.values().get(name)).as("bar %d %s", i, name).isEqualTo(expected);
                compared++;
            }
        }
        return compared;
    }
}
