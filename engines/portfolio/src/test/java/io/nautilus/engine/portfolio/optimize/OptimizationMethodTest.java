package io.nautilus.engine.portfolio.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.core.model.WireNames;

import org.junit.jupiter.api.Test;

/** The optimizers' wire names and the seed's other spellings, through the one enum parser. */
class OptimizationMethodTest {
    static OptimizationMethod parse(String raw) {
        return WireNames.parse(OptimizationMethod.class, "method", raw);
    }

    @Test
    void test_parse_wireNamesAndSeedAliases() {
        assertThat(WireNames.names(OptimizationMethod.class)).containsExactly("equal_weight", "inverse_volatility",
                "min_variance", "max_sharpe", "mean_variance", "risk_parity", "hrp", "black_litterman");
        assertThat(parse("Minimum-Variance")).isEqualTo(OptimizationMethod.MIN_VARIANCE);
        assertThat(parse("maximum_sharpe")).isEqualTo(OptimizationMethod.MAX_SHARPE);
        assertThat(parse("ERC")).isEqualTo(OptimizationMethod.RISK_PARITY);
        assertThat(parse("equal_risk_contribution")).isEqualTo(OptimizationMethod.RISK_PARITY);
        assertThat(parse("hierarchical_risk_parity")).isEqualTo(OptimizationMethod.HRP);
        assertThat(parse("inverse_vol")).isEqualTo(OptimizationMethod.INVERSE_VOLATILITY);
        assertThat(parse("equal")).isEqualTo(OptimizationMethod.EQUAL_WEIGHT);
        assertThat(parse(" black_litterman ")).isEqualTo(OptimizationMethod.BLACK_LITTERMAN);
        assertThatThrownBy(() -> parse("magic")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("method must be one of [equal_weight, inverse_volatility, min_variance,");
    }
}
