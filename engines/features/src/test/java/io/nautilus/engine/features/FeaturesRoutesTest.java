package io.nautilus.engine.features;

import io.nautilus.testkit.engine.EngineTestHost;
import static io.nautilus.testkit.engine.EngineTestHost.badField;
import static io.nautilus.testkit.engine.EngineTestHost.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.http.Json;
import io.nautilus.engine.features.fundamental.FundamentalRatios;
import io.nautilus.testkit.TtrcDaily;
import io.nautilus.engine.features.stream.FeatureSet;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed routes over real HTTP. Expected indicator values come from the streaming classes fed the same
 * closes (SMA also by hand), fundamental ratios from hand arithmetic.
 */
class FeaturesRoutesTest extends SharedFeaturesHost {

    private static final TtrcDaily DATA = TtrcDaily.DATA;
    private static String series(int n) throws Exception {
        return Json.mapper().writeValueAsString(Map.of("prices", Arrays.copyOf(DATA.close, n),
                "volumes", Arrays.copyOf(DATA.volume, n), "current_price", DATA.close[n - 1]));
    }

    @Test
    void test_available_listsTechnicalAndFundamentalFeatures() throws Exception {
        JsonNode n = EngineTestHost.ok(features.get("/features/available"));
        assertThat(n.get("features").get("technical")).hasSize(FeatureSet.standard().outputNames().size());
        assertThat(n.get("features").get("technical").toString()).contains("\"rsi_14\"", "\"bb_upper\"", "\"vol_close_20\"");
        assertThat(n.get("features").get("fundamental")).hasSize(FundamentalRatios.NAMES.size());
        assertThat(n.get("count").asInt()).isEqualTo(FeatureSet.standard().outputNames().size() + 7);
        assertThat(n.get("intervals").toString()).isEqualTo("[\"1m\",\"1d\"]");
    }

    @Test
    void test_technical_seedBodyGivesLastValuesOfCloseAndVolumeIndicators() throws Exception {
        int n = 100;
        JsonNode r = EngineTestHost.ok(features.post("/features/technical/TTRC", series(n)));
        assertThat(r.get("status").asText()).isEqualTo("completed");
        assertThat(r.get("symbol").asText()).isEqualTo("TTRC");
        assertThat(r.get("feature_type").asText()).isEqualTo("technical");
        JsonNode f = r.get("features");
        assertThat(r.get("count").asInt()).isEqualTo(f.size());
        // SMA(20) by hand: mean of the last 20 closes
        double sum = 0;
        for (int i = n - 20; i < n; i++) {
            sum += DATA.close[i];
        }
        assertThat(f.get("sma_20").asDouble()).isCloseTo(sum / 20, within(1e-12));
        // OBV by its definition: first volume, then +/- volume on up/down closes
        double obv = DATA.volume[0];
        for (int i = 1; i < n; i++) {
            obv += DATA.close[i] > DATA.close[i - 1] ? DATA.volume[i] : DATA.close[i] < DATA.close[i - 1] ? -DATA.volume[i] : 0;
        }
        assertThat(f.get("obv").asDouble()).isCloseTo(obv, within(1e-6));
        // log return by hand
        assertThat(f.get("log_return").asDouble()).isCloseTo(Math.log(DATA.close[n - 1] / DATA.close[n - 2]), within(1e-12));
        // indicators needing high/low are not guessed from closes
        assertThat(f.has("atr_14")).isFalse();
        assertThat(r.get("unavailable").get("atr").asText()).isEqualTo("needs [high, low]");
        assertThat(r.get("current_price").asDouble()).isEqualTo(DATA.close[n - 1]);
        assertThat(r.get("bars").asInt()).isEqualTo(n);
    }

    @Test
    void test_technical_badInputIs4xxNamingTheProblem() throws Exception {
        assertThat(badField(features.post("/features/technical/TTRC", "{\"prices\":[1,2,3],\"volumes\":[1,2]}")))
                .isEqualTo("volumes");
        assertThat(badField(features.post("/features/technical/TTRC", "{\"prices\":[1,-2,3]}"))).isEqualTo("prices[1]");
        assertThat(badField(features.post("/features/technical/TTRC", "{\"prices\":[1,NaN,3]}"))).isEqualTo("prices[1]");
        assertThat(badField(features.post("/features/technical/TTRC", "{\"prices\":[1,2],\"volumes\":[1,null]}")))
                .startsWith("volumes");
        assertThat(badField(features.post("/features/technical/TTRC", "{\"prices\":[1,null,3]}"))).startsWith("prices");
        assertThat(badField(features.post("/features/technical/TTRC", "{\"volumes\":[1]}"))).isEqualTo("prices");
        assertThat(badField(features.post("/features/technical/TTRC", "{\"prices\":[1,2],\"volumes\":[1,-1]}")))
                .isEqualTo("volumes[1]");
        assertThat(badField(features.post("/features/technical/TTRC", "{\"prices\":[1,2],\"current_price\":0}")))
                .isEqualTo("current_price");
        assertThat(badField(features.post("/features/technical/TTRC",
                "{\"prices\":[1,2],\"indicators\":[{\"name\":\"rsi\",\"params\":{\"period\":0}}]}"))).isEqualTo("indicators[0]");
        assertThat(badField(features.post("/features/technical/TTRC", "{\"prices\":[1,2],\"indicators\":[{\"name\":\"atr\"}]}")))
                .isEqualTo("indicators");
        assertThat(badField(features.post("/features/technical/BAD.SYM", "{\"prices\":[1,2]}"))).isEqualTo("symbol");
        JsonNode tooLong = problem(features.post("/features/technical/TTRC", "{\"prices\":" + Arrays.toString(new double[100_001])
                .replace("0.0", "1") + "}"), 400);
        assertThat(tooLong.get("detail").asText()).contains("between 1 and 100000");
        JsonNode tooFew = problem(features.post("/features/technical/TTRC",
                "{\"prices\":[1],\"indicators\":[{\"name\":\"sma\"}]}"), 422);
        assertThat(tooFew.get("detail").asText()).contains("insufficient data: [sma_20]");
    }

    @Test
    void test_calculate_combinesSeriesAndFundamentals() throws Exception {
        String body = "{\"prices\":" + Arrays.toString(Arrays.copyOf(DATA.close, 30))
                + ",\"indicators\":[{\"name\":\"sma\",\"params\":{\"period\":5}}],"
                + "\"fundamentals\":{\"price\":150,\"eps\":6,\"shares_outstanding\":1e9,\"sales\":6e10}}";
        JsonNode r = EngineTestHost.ok(features.post("/features/calculate/CALC", body));
        assertThat(r.get("feature_type").asText()).isEqualTo("all");
        double mean = (DATA.close[25] + DATA.close[26] + DATA.close[27] + DATA.close[28] + DATA.close[29]) / 5;
        assertThat(r.get("features").get("sma_5").asDouble()).isCloseTo(mean, within(1e-12));
        assertThat(r.get("features").get("pe_ratio").asDouble()).isCloseTo(25.0, within(1e-12)); // 150 / 6
        assertThat(r.get("features").get("ps_ratio").asDouble()).isCloseTo(2.5, within(1e-12)); // 1.5e11 / 6e10
        assertThat(r.get("omitted").has("roe")).isTrue();
        assertThat(r.get("count").asInt()).isEqualTo(5);
        // nothing posted and nothing live: 422 saying what is missing
        JsonNode none = problem(features.post("/features/calculate/NOPE", ""), 422);
        assertThat(none.get("detail").asText()).contains("no features for NOPE");
    }

    @Test
    void test_fundamental_seedBodyAndHandComputedRatios() throws Exception {
        // market cap 1e10, net income 5e8 -> P/E 20, yield 0.05; book value 2.5e9 -> P/B 4; debt 1e9 -> D/E 0.4
        JsonNode r = EngineTestHost.ok(features.post("/features/fundamental/FUND",
                "{\"market_cap\":1e10,\"net_income\":5e8,\"book_value\":2.5e9,\"debt\":1e9,\"pe_ratio\":99}"));
        assertThat(r.get("status").asText()).isEqualTo("completed");
        assertThat(r.get("feature_type").asText()).isEqualTo("fundamental");
        JsonNode f = r.get("features");
        assertThat(f.get("pe_ratio").asDouble()).isCloseTo(20.0, within(1e-12));
        assertThat(f.get("earnings_yield").asDouble()).isCloseTo(0.05, within(1e-15));
        assertThat(f.get("pb_ratio").asDouble()).isCloseTo(4.0, within(1e-12));
        assertThat(f.get("roe").asDouble()).isCloseTo(0.2, within(1e-15));
        assertThat(f.get("debt_to_equity").asDouble()).isCloseTo(0.4, within(1e-15));
        assertThat(f.get("log_market_cap").asDouble()).isCloseTo(10 * Math.log(10), within(1e-12));
        assertThat(r.get("units").get("roe").asText()).isEqualTo("fraction per year");
        assertThat(r.get("formulas").get("pe_ratio").asText()).isEqualTo("market_cap / net_income");
        assertThat(r.get("omitted").get("ps_ratio").asText()).contains("sales");
        assertThat(f.has("ps_ratio")).isFalse();
        // remembered for /latest
        JsonNode latest = EngineTestHost.ok(features.get("/features/FUND/latest"));
        assertThat(latest.get("fundamental").get("pe_ratio").asDouble()).isCloseTo(20.0, within(1e-12));
        // symbols are upper-case everywhere, as Market Data publishes them: "fund" is FUND
        assertThat(EngineTestHost.ok(features.get("/features/fund/latest")).get("fundamental").get("pe_ratio").asDouble())
                .isCloseTo(20.0, within(1e-12));
        // bad input names the field
        assertThat(badField(features.post("/features/fundamental/FUND", "{\"market_cap\":-5}"))).isEqualTo("market_cap");
        assertThat(badField(features.post("/features/fundamental/FUND", "{\"price\":\"abc\"}"))).isEqualTo("price");
    }

    @Test
    void test_batch_computesEverySymbolAndNamesMissingData() throws Exception {
        String body = "{\"symbols\":[\"A\",\"B\"],\"market_data\":{"
                + "\"A\":{\"prices\":" + Arrays.toString(Arrays.copyOf(DATA.close, 40)) + "},"
                + "\"B\":{\"prices\":" + Arrays.toString(Arrays.copyOfRange(DATA.close, 100, 130)) + ",\"volumes\":"
                + Arrays.toString(Arrays.copyOfRange(DATA.volume, 100, 130)) + "}}}";
        JsonNode r = EngineTestHost.ok(features.post("/features/batch", body));
        assertThat(r.get("status").asText()).isEqualTo("completed");
        assertThat(r.get("count").asInt()).isEqualTo(2);
        JsonNode b = r.get("results").get("B").get("features");
        double sum = 0;
        for (int i = 110; i < 130; i++) {
            sum += DATA.close[i];
        }
        assertThat(b.get("sma_20").asDouble()).isCloseTo(sum / 20, within(1e-12));
        assertThat(b.has("obv")).isTrue();
        assertThat(r.get("results").get("A").get("features").has("obv")).isFalse();
        assertThat(badField(features.post("/features/batch", "{\"symbols\":[\"A\",\"Z\"],\"market_data\":{\"A\":{\"prices\":[1,2]}}}")))
                .isEqualTo("market_data.Z");
        assertThat(badField(features.post("/features/batch", "{\"market_data\":{\"A\":{\"prices\":[1,2],\"volumes\":[1]}}}")))
                .isEqualTo("market_data.A.volumes");
        assertThat(badField(features.post("/features/batch", "{\"symbols\":[\"A\"]}"))).isEqualTo("market_data");
    }

    @Test
    void test_latest_unknownSymbolIs404() throws Exception {
        assertThat(problem(features.get("/features/NEVER/latest"), 404).get("detail").asText()).contains("NEVER");
    }
}
