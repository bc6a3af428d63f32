package io.nautilus.engine.features.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.core.quant.indicator.IndicatorRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureConfigTest {

    private static final FeatureSet RSI = new FeatureSet(List.of(IndicatorRequest.of("rsi")));
    private static final FeatureSet SMA = new FeatureSet(List.of(IndicatorRequest.of("sma")));

    @Test
    void test_resolve_symbolOverridesUniverseOverridesDefault() {
        FeatureConfig c = FeatureConfig.standard()
                .withUniverse(new Universe("tech", Set.of("AAPL", "MSFT"), RSI))
                .withSymbol("MSFT", SMA);
        assertThat(c.version()).isEqualTo(2);
        assertThat(c.resolve("AAPL")).isEqualTo(RSI);
        assertThat(c.resolve("MSFT")).isEqualTo(SMA);
        assertThat(c.resolve("IBM")).isEqualTo(FeatureSet.standard());
        assertThat(c.withoutSymbol("MSFT").resolve("MSFT")).isEqualTo(RSI);
        assertThat(c.withoutUniverse("tech").resolve("AAPL")).isEqualTo(FeatureSet.standard());
    }

    @Test
    void test_conflicts_symbolInTwoUniversesIsRefused() {
        FeatureConfig c = FeatureConfig.standard().withUniverse(new Universe("tech", Set.of("AAPL"), RSI));
        Universe other = new Universe("mega", Set.of("AAPL", "XOM"), SMA);
        assertThat(c.conflicts(other)).containsExactly("AAPL (in tech)");
        assertThat(c.conflicts(new Universe("tech", Set.of("AAPL", "XOM"), SMA))).isEmpty();
        assertThatThrownBy(() -> c.withUniverse(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[AAPL]");
    }
}
