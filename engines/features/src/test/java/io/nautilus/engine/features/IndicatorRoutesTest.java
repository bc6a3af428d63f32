package io.nautilus.engine.features;

import io.nautilus.testkit.engine.EngineTestHost;
import static io.nautilus.testkit.engine.EngineTestHost.badField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.http.Json;
import io.nautilus.core.quant.indicator.IndicatorCatalog;
import io.nautilus.core.quant.indicator.Macd;
import io.nautilus.core.quant.indicator.Rsi;
import io.nautilus.testkit.TtrcDaily;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST|GET /features/indicators} over real HTTP: whole series aligned with the input, null during
 * warm-up, values equal to the streaming classes, and the ATR seed by hand (TA-Lib: mean of the first 14 true ranges).
 */
class IndicatorRoutesTest extends SharedFeaturesHost {

    private static final TtrcDaily DATA = TtrcDaily.DATA;
    private static final int N = 200;
    @Test
    void test_post_returnsAlignedSeriesWithNullsBeforeWarmup() throws Exception {
        var body = new LinkedHashMap<String, Object>();
        body.put("open", Arrays.copyOf(DATA.open, N));
        body.put("high", Arrays.copyOf(DATA.high, N));
        body.put("low", Arrays.copyOf(DATA.low, N));
        body.put("close", Arrays.copyOf(DATA.close, N));
        body.put("volume", Arrays.copyOf(DATA.volume, N));
        body.put("indicators", List.of(Map.of("name", "rsi", "params", Map.of("period", 14)), Map.of("name", "macd"),
                Map.of("name", "atr")));
        JsonNode r = EngineTestHost.ok(features.post("/features/indicators", Json.mapper().writeValueAsString(body)));
        assertThat(r.get("length").asInt()).isEqualTo(N);
        JsonNode s = r.get("series");
        assertThat(s.fieldNames()).toIterable().containsExactly("rsi_14", "macd", "macd_signal", "macd_histogram", "atr_14");
        assertThat(r.get("indicators").get(1).get("outputs").toString()).isEqualTo("[\"macd\",\"macd_signal\",\"macd_histogram\"]");
        Rsi rsi = new Rsi(14);
        Macd macd = new Macd(12, 26, 9);
        for (int i = 0; i < N; i++) {
            rsi.update(DATA.open[i], DATA.high[i], DATA.low[i], DATA.close[i], DATA.volume[i]);
            macd.update(DATA.open[i], DATA.high[i], DATA.low[i], DATA.close[i], DATA.volume[i]);
            assertSame(s.get("rsi_14").get(i), rsi.value(), i);
            assertSame(s.get("macd_signal").get(i), macd.output(1), i);
        }
        // warm-up: RSI(14) first value at bar 15 (index 14), MACD signal at bar 26+9-1 (index 33)
        assertThat(s.get("rsi_14").get(13).isNull()).isTrue();
        assertThat(s.get("rsi_14").get(14).isNumber()).isTrue();
        assertThat(s.get("macd_signal").get(32).isNull()).isTrue();
        assertThat(s.get("macd_signal").get(33).isNumber()).isTrue();
        // ATR(3)-style hand check at the seed: TR from bar 2, first ATR(14) at index 14 = mean of 14 true ranges
        double trSum = 0;
        for (int i = 1; i <= 14; i++) {
            trSum += Math.max(DATA.high[i], DATA.close[i - 1]) - Math.min(DATA.low[i], DATA.close[i - 1]);
        }
        assertThat(s.get("atr_14").get(13).isNull()).isTrue();
        assertThat(s.get("atr_14").get(14).asDouble()).isCloseTo(trSum / 14, org.assertj.core.api.Assertions.within(1e-12));
    }

    private static void assertSame(JsonNode node, double expected, int i) {
        if (Double.isNaN(expected)) {
            assertThat(node.isNull()).as("bar %d", i).isTrue();
        } else {
            assertThat(node.asDouble()).as("bar %d", i).isEqualTo(expected);
        }
    }

    @Test
    void test_post_badSeriesIs400NamingTheProblem() throws Exception {
        String rsi = ",\"indicators\":[{\"name\":\"rsi\"}]";
        assertThat(badField(features.post("/features/indicators", "{\"close\":[1,2,3],\"high\":[1,2]" + rsi + "}")))
                .isEqualTo("high");
        assertThat(badField(features.post("/features/indicators", "{\"close\":[1,Infinity]" + rsi + "}"))).isEqualTo("close[1]");
        assertThat(badField(features.post("/features/indicators", "{\"close\":[1,2],\"high\":[1,2],\"low\":[2,1]"
                + rsi + "}"))).isEqualTo("high[0]");
        assertThat(badField(features.post("/features/indicators", "{\"close\":[]" + rsi + "}"))).isEqualTo("close");
        assertThat(badField(features.post("/features/indicators", "{\"close\":[1,2]}"))).isEqualTo("indicators");
        assertThat(badField(features.post("/features/indicators", "{\"close\":[1,2],\"indicators\":[{\"name\":\"nope\"}]}")))
                .isEqualTo("indicators[0]");
        assertThat(badField(features.post("/features/indicators",
                "{\"close\":[1,2],\"indicators\":[{\"name\":\"rsi\",\"params\":{\"length\":3}}]}"))).isEqualTo("indicators[0]");
        assertThat(badField(features.post("/features/indicators", "{\"close\":[1,2],\"indicators\":[{\"name\":\"vwap\"}]}")))
                .isEqualTo("indicators[0]");
        assertThat(badField(features.post("/features/indicators", "{\"close\":[1,2],\"indicators\":[{\"name\":\"rsi\"},{\"name\":\"rsi\"}]}")))
                .isEqualTo("indicators");
        assertThat(badField(features.post("/features/indicators", "{\"close\":[1,2"))).startsWith("close");
    }

    @Test
    void test_get_catalogueListsNamesParametersDefaultsAndConventions() throws Exception {
        JsonNode r = EngineTestHost.ok(features.get("/features/indicators"));
        assertThat(r.get("count").asInt()).isEqualTo(IndicatorCatalog.standard().names().size()).isGreaterThanOrEqualTo(30);
        assertThat(r.get("conventions").asText()).contains("TA-Lib", "population");
        JsonNode rsi = null;
        for (JsonNode e : r.get("indicators")) {
            if (e.get("name").asText().equals("rsi")) {
                rsi = e;
            }
        }
        assertThat(rsi).isNotNull();
        assertThat(rsi.get("params").get(0).get("name").asText()).isEqualTo("period");
        assertThat(rsi.get("params").get(0).get("default_value").asDouble()).isEqualTo(14.0);
        assertThat(rsi.get("default_outputs").toString()).isEqualTo("[\"rsi_14\"]");
        assertThat(rsi.get("warmup_bars").asInt()).isEqualTo(15);
        assertThat(rsi.get("inputs").toString()).isEqualTo("[\"close\"]");
        assertThat(rsi.get("conventions").asText()).contains("Wilder");
    }
}
