package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorCatalogTest {

    private static final IndicatorCatalog CATALOG = IndicatorCatalog.standard();

    /** Default-parameter output names and warm-up lengths, derived from each class's documented rule. */
    private static final Map<String, Object[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("sma", new Object[] {List.of("sma_20"), 20});
        EXPECTED.put("ema", new Object[] {List.of("ema_20"), 20});
        EXPECTED.put("wma", new Object[] {List.of("wma_20"), 20});
        EXPECTED.put("dema", new Object[] {List.of("dema_20"), 39});
        EXPECTED.put("tema", new Object[] {List.of("tema_20"), 58});
        EXPECTED.put("kama", new Object[] {List.of("kama_10"), 11});
        EXPECTED.put("rsi", new Object[] {List.of("rsi_14"), 15});
        EXPECTED.put("macd", new Object[] {List.of("macd", "macd_signal", "macd_histogram"), 34});
        EXPECTED.put("bbands", new Object[] {List.of("bb_upper", "bb_middle", "bb_lower", "bb_percent_b",
                "bb_bandwidth"), 20});
        EXPECTED.put("atr", new Object[] {List.of("atr_14"), 15});
        EXPECTED.put("adx", new Object[] {List.of("adx_14", "plus_di_14", "minus_di_14"), 28});
        EXPECTED.put("stoch", new Object[] {List.of("stoch_k", "stoch_d"), 16});
        EXPECTED.put("willr", new Object[] {List.of("willr_14"), 14});
        EXPECTED.put("cci", new Object[] {List.of("cci_20"), 20});
        EXPECTED.put("roc", new Object[] {List.of("roc_10"), 11});
        EXPECTED.put("mom", new Object[] {List.of("mom_10"), 11});
        EXPECTED.put("obv", new Object[] {List.of("obv"), 1});
        EXPECTED.put("vwap", new Object[] {List.of("vwap"), 1});
        EXPECTED.put("mfi", new Object[] {List.of("mfi_14"), 15});
        EXPECTED.put("keltner", new Object[] {List.of("keltner_upper", "keltner_middle", "keltner_lower"), 20});
        EXPECTED.put("donchian", new Object[] {List.of("donchian_upper", "donchian_middle", "donchian_lower"), 20});
        EXPECTED.put("psar", new Object[] {List.of("psar"), 2});
        EXPECTED.put("aroon", new Object[] {List.of("aroon_up", "aroon_down", "aroon_oscillator"), 26});
        EXPECTED.put("cmo", new Object[] {List.of("cmo_14"), 15});
        EXPECTED.put("trix", new Object[] {List.of("trix_15"), 44});
        EXPECTED.put("zscore", new Object[] {List.of("zscore_20"), 20});
        EXPECTED.put("log_return", new Object[] {List.of("log_return"), 2});
        EXPECTED.put("vol_close", new Object[] {List.of("vol_close_20"), 21});
        EXPECTED.put("vol_parkinson", new Object[] {List.of("vol_parkinson_20"), 20});
        EXPECTED.put("vol_garman_klass", new Object[] {List.of("vol_garman_klass_20"), 20});
        EXPECTED.put("vol_rogers_satchell", new Object[] {List.of("vol_rogers_satchell_20"), 20});
        EXPECTED.put("vol_yang_zhang", new Object[] {List.of("vol_yang_zhang_20"), 21});
    }

    @Test
    void test_names_listsAllThirtyTwoIndicators() {
        assertThat(CATALOG.names()).containsExactlyElementsOf(EXPECTED.keySet());
    }

    @Test
    void test_create_defaultsGiveDocumentedNamesAndExactWarmup() {
        for (var e : EXPECTED.entrySet()) {
            IndicatorSpec spec = CATALOG.spec(e.getKey());
            assertThat(spec.outputNames(Map.of())).as(e.getKey()).isEqualTo(e.getValue()[0]);
            int warmup = (Integer) e.getValue()[1];
            Ttrc.DATA.assertWarmup(() -> spec.create(Map.of()), warmup);
        }
    }

    @Test
    void test_spec_describesParamsInputsAndConventions() {
        IndicatorSpec macd = CATALOG.spec("macd");
        assertThat(macd.params()).extracting(ParamSpec::name).containsExactly("fast", "slow", "signal");
        assertThat(macd.params()).extracting(ParamSpec::defaultValue).containsExactly(12.0, 26.0, 9.0);
        assertThat(macd.inputs()).containsExactly(BarInput.CLOSE);
        assertThat(macd.conventions()).contains("SMA");
        assertThat(CATALOG.spec("vol_yang_zhang").inputs())
                .containsExactlyInAnyOrder(BarInput.OPEN, BarInput.HIGH, BarInput.LOW, BarInput.CLOSE);
        assertThat(CATALOG.spec("rsi").outputs()).containsExactly("rsi_{period}");
        for (IndicatorSpec spec : CATALOG.specs()) {
            assertThat(spec.description()).as(spec.name()).isNotBlank();
            assertThat(spec.conventions()).as(spec.name()).isNotBlank();
            assertThat(spec.inputs()).as(spec.name()).isNotEmpty();
        }
    }

    @Test
    void test_create_paramsChangeNamesAndValues() {
        Indicator rsi = CATALOG.create("rsi", Map.of("period", 7.0));
        assertThat(rsi.outputNames()).containsExactly("rsi_7");
        assertThat(rsi.warmupBars()).isEqualTo(8);
    }

    @Test
    void test_spec_unknownIndicatorNamesIt() {
        assertThatThrownBy(() -> CATALOG.spec("rsx")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'rsx'").hasMessageContaining("rsi");
    }

    @Test
    void test_create_badParametersNameTheParameter() {
        assertThatThrownBy(() -> CATALOG.create("rsi", Map.of("period", 0.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'period'")
                .hasMessageContaining("'rsi'").hasMessageContaining("[1, 100000]");
        assertThatThrownBy(() -> CATALOG.create("rsi", Map.of("period", 14.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> CATALOG.create("rsi", Map.of("length", 14.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length")
                .hasMessageContaining("known: [period]");
        assertThatThrownBy(() -> CATALOG.create("bbands", Map.of("k", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'k'");
        assertThatThrownBy(() -> CATALOG.create("macd", Map.of("fast", 30.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fast");
    }

    @Test
    void test_create_everyIndicatorResetsToFreshState() {
        for (String name : CATALOG.names()) {
            Indicator fresh = CATALOG.create(name, Map.of());
            Indicator reused = CATALOG.create(name, Map.of());
            Ttrc.DATA.stream(reused, 300);
            reused.reset();
            assertThat(reused.isReady()).as(name).isFalse();
            double[][] expected = Ttrc.DATA.stream(fresh, 300);
            double[][] actual = Ttrc.DATA.stream(reused, 300);
            assertThat(java.util.Arrays.deepEquals(actual, expected)).as(name).isTrue();
        }
    }
}
