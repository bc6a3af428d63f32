package io.nautilus.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WireNamesTest {
    enum Method implements WireName {
        MIN_VARIANCE, RISK_PARITY, FILTERED_HISTORICAL {
            @Override
            public List<String> aliases() {
                return List.of("fhs");
            }
        }
    }

    @Test
    void test_parse_caseDashesAndAliases() {
        assertThat(WireNames.parse(Method.class, "method", "min_variance")).isEqualTo(Method.MIN_VARIANCE);
        assertThat(WireNames.parse(Method.class, "method", " Risk-Parity ")).isEqualTo(Method.RISK_PARITY);
        assertThat(WireNames.parse(Method.class, "method", "FHS")).isEqualTo(Method.FILTERED_HISTORICAL);
        assertThat(Method.MIN_VARIANCE.wireName()).isEqualTo("min_variance");
        assertThat(WireNames.names(Method.class)).containsExactly("min_variance", "risk_parity", "filtered_historical");
    }

    @Test
    void test_parse_unknownNamesTheFieldAndTheChoices() {
        assertThatThrownBy(() -> WireNames.parse(Method.class, "method", "max_sharpe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("method must be one of [min_variance, risk_parity, filtered_historical], got 'max_sharpe'");
        assertThatThrownBy(() -> WireNames.parse(Method.class, "method", null)).hasMessageContaining("got 'null'");
    }
}
