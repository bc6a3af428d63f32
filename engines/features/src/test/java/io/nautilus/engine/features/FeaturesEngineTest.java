package io.nautilus.engine.features;

import io.nautilus.testkit.engine.EngineTestHost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.FeatureVector;
import io.nautilus.core.model.Topics;
import io.nautilus.core.quant.indicator.IndicatorSeries;
import io.nautilus.core.quant.indicator.OhlcvSeries;
import io.nautilus.core.quant.indicator.SeriesCalculator;
import io.nautilus.testkit.TtrcDaily;
import io.nautilus.engine.features.stream.FeatureSet;
import io.nautilus.engine.features.stream.FeatureStreamTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a real bus: TTR's ttrc daily bars published on {@code md.bar.1d.TTRC}; the vectors published on
 * {@code feature.TTRC} are compared with the library's batch computation over the same bars (daily bars: each
 * starts a VWAP session), and the feature-set configuration survives a restart.
 */
class FeaturesEngineTest {

    private static final TtrcDaily DATA = TtrcDaily.DATA;
    private static final long DAY = 86_400_000_000_000L;

    @TempDir
    Path dir;
    private LocalBus bus;
    private EngineTestHost features;

    @AfterEach
    void close() {
        if (features != null) {
            features.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    static Bar dailyBar(String symbol, int i) {
        long start = DATA.date[i].atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        return new Bar(symbol, "1d", start, start + DAY, DATA.open[i], DATA.high[i], DATA.low[i], DATA.close[i],
                DATA.volume[i], (DATA.high[i] + DATA.low[i] + DATA.close[i]) / 3, 1);
    }

    private List<FeatureVector> collect(String symbol) {
        var got = new CopyOnWriteArrayList<FeatureVector>();
        bus.forEngine("probe").subscribe(Topics.feature(symbol), FeatureVector.class, (v, m) -> got.add(v));
        return got;
    }

    private void publishBars(String symbol, int n) {
        var publisher = bus.forEngine("test");
        for (int i = 0; i < n; i++) {
            publisher.publish(Topics.bar("1d", symbol), dailyBar(symbol, i));
        }
    }

    @Test
    void test_onBar_publishedVectorsEqualTheBatchComputation() throws Exception {
        bus = LocalBus.create();
        features = EngineTestHost.builder(new FeaturesEngine()).bus(bus).dataDir(dir).config(EngineConfig.empty()).start();
        List<FeatureVector> got = collect("TTRC");
        int n = 300;
        publishBars("TTRC", n);
        await().atMost(Duration.ofSeconds(20)).until(() -> got.size() == n);

        boolean[] sessions = new boolean[n];
        Arrays.fill(sessions, true);
        OhlcvSeries bars = new OhlcvSeries(Arrays.copyOf(DATA.open, n), Arrays.copyOf(DATA.high, n),
                Arrays.copyOf(DATA.low, n), Arrays.copyOf(DATA.close, n), Arrays.copyOf(DATA.volume, n), sessions);
        IndicatorSeries batch = SeriesCalculator.DEFAULT.compute(bars, FeatureSet.standard().annualizedFor(252).indicators());
        for (int i = 0; i < n; i++) {
            FeatureVector v = got.get(i);
            assertThat(v.symbol()).isEqualTo("TTRC");
            assertThat(v.interval()).isEqualTo("1d");
            assertThat(v.tsNanos()).isEqualTo(dailyBar("TTRC", i).endNanos());
            FeatureStreamTest.assertEqualsBatchRow(v, batch, i);
        }
        FeatureVector last = got.get(n - 1);
        assertThat(last.values()).hasSize(batch.names().size());
        // daily bars: every bar is its own VWAP session, so VWAP is the bar's typical price
        assertThat(last.values().get("vwap")).isEqualTo((DATA.high[n - 1] + DATA.low[n - 1] + DATA.close[n - 1]) / 3);
        // independent of the indicator classes: the 20-bar simple and linearly weighted means written out here
        double sum = 0;
        double weighted = 0;
        for (int k = 1; k <= 20; k++) {
            double c = DATA.close[n - 21 + k];
            sum += c;
            weighted += k * c;
        }
        assertThat(last.values().get("sma_20")).isCloseTo(sum / 20, within(1e-9));
        assertThat(last.values().get("wma_20")).isCloseTo(weighted / 210, within(1e-9));

        JsonNode latest = EngineTestHost.ok(features.get("/features/TTRC/latest"));
        JsonNode daily = latest.get("intervals").get("1d");
        assertThat(daily.get("ts_nanos").asLong()).isEqualTo(last.tsNanos());
        assertThat(daily.get("features").get("rsi_14").asDouble()).isEqualTo(last.values().get("rsi_14"));
        assertThat(daily.get("count").asInt()).isEqualTo(last.values().size());
        JsonNode health = EngineTestHost.ok(features.get("/health"));
        assertThat(health.get("bars_received").asLong()).isEqualTo(n);
        assertThat(health.get("vectors_published").asLong()).isEqualTo(n);
    }

    @Test
    void test_onBar_ignoresIntervalsNotConfigured() throws Exception {
        bus = LocalBus.create();
        features = EngineTestHost.builder(new FeaturesEngine()).bus(bus).dataDir(dir).config(EngineConfig.empty().with(FeaturesSettings.INTERVALS, "1m")).start();
        List<FeatureVector> got = collect("TTRC");
        publishBars("TTRC", 5);
        // a fence instead of a sleep: a 1m bar published after the five daily ones, by the same publisher on the
        // same lane, is handled after them; once its vector is out, any daily bar would have been handled too
        Bar minute = new Bar("TTRC", "1m", dailyBar("TTRC", 5).startNanos(), dailyBar("TTRC", 5).startNanos() + 60_000_000_000L,
                10, 11, 9, 10.5, 1_000, 10.2, 3);
        bus.forEngine("test").publish(Topics.bar("1m", "TTRC"), minute);
        await().atMost(Duration.ofSeconds(10)).until(() -> !got.isEmpty());
        assertThat(got).singleElement().satisfies(v -> assertThat(v.interval()).isEqualTo("1m"));
        assertThat(EngineTestHost.ok(features.get("/health")).get("bars_received").asLong()).isEqualTo(1);
    }

    @Test
    void test_restart_featureSetConfigurationPersists() throws Exception {
        bus = LocalBus.create();
        features = EngineTestHost.builder(new FeaturesEngine()).bus(bus).dataDir(dir).config(EngineConfig.empty()).start();
        EngineTestHost.ok(features.put("/features/config/symbols/AAA",
                "{\"indicators\":[{\"name\":\"sma\",\"params\":{\"period\":3}},{\"name\":\"log_return\"}]}"));
        EngineTestHost.ok(features.put("/features/config/universes/tech",
                "{\"symbols\":[\"BBB\",\"CCC\"],\"indicators\":[{\"name\":\"rsi\",\"params\":{\"period\":5}}]}"));
        EngineTestHost.ok(features.put("/features/config/default", "{\"indicators\":[{\"name\":\"ema\",\"params\":{\"period\":4}}]}"));
        String before = EngineTestHost.ok(features.get("/features/config")).toString();
        features.close();

        features = EngineTestHost.builder(new FeaturesEngine()).bus(bus).dataDir(dir).config(EngineConfig.empty()).start();
        JsonNode after = EngineTestHost.ok(features.get("/features/config"));
        assertThat(after.get("default").get("outputs").toString()).isEqualTo("[\"ema_4\"]");
        assertThat(after.get("universes").get("tech").get("symbols").toString()).isEqualTo("[\"BBB\",\"CCC\"]");
        assertThat(after.get("symbols").get("AAA").get("outputs").toString()).isEqualTo("[\"sma_3\",\"log_return\"]");
        assertThat(stripVersion(after.toString())).isEqualTo(stripVersion(before));

        // the restored configuration drives the stream: AAA publishes exactly its two features
        List<FeatureVector> got = collect("AAA");
        publishBars("AAA", 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 2);
        FeatureVector v = got.get(1);
        assertThat(v.values()).containsOnlyKeys("sma_3", "log_return");
        assertThat(v.values().get("sma_3")).isCloseTo((DATA.close[0] + DATA.close[1] + DATA.close[2]) / 3,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(v.values().get("log_return")).isCloseTo(Math.log(DATA.close[2] / DATA.close[1]),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    private static String stripVersion(String json) {
        return json.replaceFirst("\"version\":\\d+,", "");
    }
}
