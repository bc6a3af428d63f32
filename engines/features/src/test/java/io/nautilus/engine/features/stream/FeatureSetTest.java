package io.nautilus.engine.features.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.core.quant.indicator.IndicatorCatalog;
import io.nautilus.core.quant.indicator.IndicatorRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureSetTest {

    @Test
    void test_standard_holdsEveryCatalogIndicator() {
        FeatureSet standard = FeatureSet.standard();
        assertThat(standard.indicators()).hasSize(IndicatorCatalog.standard().names().size()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(standard.outputNames()).contains("rsi_14", "macd", "macd_signal", "macd_histogram", "bb_upper",
                "atr_14", "adx_14", "stoch_k", "vwap", "vol_yang_zhang_20");
    }

    @Test
    void test_annualizedFor_fillsOnlyMissingPeriodsPerYear() {
        var set = new FeatureSet(List.of(IndicatorRequest.of("rsi"), IndicatorRequest.of("vol_close"),
                IndicatorRequest.of("vol_parkinson", Map.of("period", 10.0, "periods_per_year", 52.0))));
        FeatureSet minute = set.annualizedFor(98_280);
        assertThat(minute.indicators().get(0)).isEqualTo(IndicatorRequest.of("rsi"));
        assertThat(minute.indicators().get(1).params()).containsEntry("periods_per_year", 98_280.0);
        assertThat(minute.indicators().get(2).params()).containsEntry("periods_per_year", 52.0);
        assertThat(set.annualizedFor(98_280)).isEqualTo(minute);
    }

    @Test
    void test_constructor_rejectsEmptyUnknownAndDuplicateSets() {
        assertThatThrownBy(() -> new FeatureSet(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new FeatureSet(List.of(IndicatorRequest.of("nope")))).hasMessageContaining("unknown indicator 'nope'");
        assertThatThrownBy(() -> new FeatureSet(List.of(IndicatorRequest.of("rsi"), IndicatorRequest.of("rsi"))))
                .hasMessageContaining("duplicate output name 'rsi_14'");
    }
}
