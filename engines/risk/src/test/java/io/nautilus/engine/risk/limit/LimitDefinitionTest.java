package io.nautilus.engine.risk.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.core.model.WireNames;

import org.junit.jupiter.api.Test;

class LimitDefinitionTest {
    private static LimitDefinition make(LimitType type, double value, double warn, double breach, LimitScope scope,
                                        String portfolio, String symbol, String sector) {
        return new LimitDefinition("l1", type, value, warn, breach, true, scope, portfolio, symbol, sector, null, 0.99, 1);
    }

    @Test
    void test_new_rejectsBadValuesNamingTheField() {
        assertThatThrownBy(() -> make(LimitType.LEVERAGE, 0, 0.8, 1, LimitScope.GLOBAL, null, null, null))
                .hasMessageStartingWith("limit_value");
        assertThatThrownBy(() -> make(LimitType.LEVERAGE, Double.NaN, 0.8, 1, LimitScope.GLOBAL, null, null, null))
                .hasMessageStartingWith("limit_value");
        assertThatThrownBy(() -> make(LimitType.LEVERAGE, 2, 1.2, 1, LimitScope.GLOBAL, null, null, null))
                .hasMessageStartingWith("threshold_warning");
        assertThatThrownBy(() -> make(LimitType.CORRELATION, 1.5, 0.8, 1, LimitScope.GLOBAL, null, null, null))
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new LimitDefinition("bad id!", LimitType.LEVERAGE, 1, 0.8, 1, true,
                LimitScope.GLOBAL, null, null, null, null, 0.99, 1)).hasMessageStartingWith("limit_id");
    }

    @Test
    void test_new_rejectsScopesTheTypeDoesNotHave() {
        assertThatThrownBy(() -> make(LimitType.LEVERAGE, 2, 0.8, 1, LimitScope.SYMBOL, null, "AAPL", null))
                .hasMessageContaining("scope symbol is not available for leverage");
        assertThatThrownBy(() -> make(LimitType.DRAWDOWN, 0.1, 0.8, 1, LimitScope.SECTOR, null, null, "Tech"))
                .hasMessageContaining("not available");
    }

    @Test
    void test_new_requiresTheScopeKey() {
        assertThatThrownBy(() -> make(LimitType.POSITION_SIZE, 1, 0.8, 1, LimitScope.PORTFOLIO, null, null, null))
                .hasMessageStartingWith("portfolio_id is required");
        assertThatThrownBy(() -> make(LimitType.POSITION_SIZE, 1, 0.8, 1, LimitScope.SYMBOL, null, null, null))
                .hasMessageStartingWith("symbol is required");
        assertThatThrownBy(() -> make(LimitType.POSITION_SIZE, 1, 0.8, 1, LimitScope.SECTOR, null, null, " "))
                .hasMessageStartingWith("sector is required");
        assertThatThrownBy(() -> make(LimitType.POSITION_SIZE, 1, 0.8, 1, LimitScope.GLOBAL, "p1", null, null))
                .hasMessageStartingWith("portfolio_id must not be set");
        assertThatThrownBy(() -> make(LimitType.POSITION_SIZE, 1, 0.8, 1, LimitScope.PORTFOLIO, "p1", "A", null))
                .hasMessageStartingWith("symbol must not be set");
    }

    @Test
    void test_appliesTo_globalAndPortfolio() {
        assertThat(make(LimitType.LEVERAGE, 2, 0.8, 1, LimitScope.GLOBAL, null, null, null).appliesTo("x")).isTrue();
        var p = make(LimitType.LEVERAGE, 2, 0.8, 1, LimitScope.PORTFOLIO, "p1", null, null);
        assertThat(p.appliesTo("p1")).isTrue();
        assertThat(p.appliesTo("p2")).isFalse();
        assertThat(p.withEnabled(false).enabled()).isFalse();
    }

    @Test
    void test_parse_acceptsOldLiquidityName() {
        assertThat(WireNames.parse(LimitType.class, "limit_type", "liquidity_limit")).isEqualTo(LimitType.LIQUIDITY);
        assertThat(LimitType.values()).hasSize(17);
        assertThatThrownBy(() -> WireNames.parse(LimitType.class, "limit_type", "vega")).hasMessageStartingWith("limit_type must be one of");
    }
}
