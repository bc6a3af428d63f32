package io.nautilus.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.engine.risk.control.OrderControls;
import io.nautilus.engine.risk.control.TradingState;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitScope;
import io.nautilus.engine.risk.limit.LimitType;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The store's own rows: the JSON earlier builds wrote (through the HTTP mapper) reads back and is written the same. */
class StoredRecordsTest {

    @Test
    void test_limit_rowOfAnEarlierBuildReadsAndIsWrittenTheSame() {
        String row = "{\"limit_id\":\"lev\",\"limit_type\":\"leverage\",\"limit_value\":2.5,\"threshold_warning\":0.8,"
                + "\"threshold_breach\":1.0,\"enabled\":true,\"scope\":\"portfolio\",\"portfolio_id\":\"p1\","
                + "\"symbol\":null,\"sector\":null,\"bucket\":null,\"confidence\":0.99,\"horizon_days\":1}";
        LimitDefinition d = StoredRecords.read(row, StoredRecords.Limit.class).toDefinition();
        assertThat(d).isEqualTo(new LimitDefinition("lev", LimitType.LEVERAGE, 2.5, 0.8, 1.0, true,
                LimitScope.PORTFOLIO, "p1", null, null, null, 0.99, 1));
        assertThat(StoredRecords.write(StoredRecords.Limit.of(d))).isEqualTo(row);
    }

    @Test
    void test_limit_absentFieldsTakeTheDefaultsAndTheScopeTheyImply() {
        LimitDefinition d = StoredRecords.read("{\"limit_id\":\"x\",\"limit_type\":\"liquidity_limit\","
                + "\"limit_value\":3,\"symbol\":\"AAPL\",\"added_later\":1}", StoredRecords.Limit.class).toDefinition();
        assertThat(d.type()).isEqualTo(LimitType.LIQUIDITY);
        assertThat(d.scope()).isEqualTo(LimitScope.SYMBOL);
        assertThat(d.warningThreshold()).isEqualTo(0.8);
        assertThat(d.breachThreshold()).isEqualTo(1.0);
        assertThat(d.confidence()).isEqualTo(0.99);
        assertThat(d.horizonDays()).isEqualTo(1);
        assertThat(d.enabled()).isTrue();
    }

    @Test
    void test_controls_absentIsOffAndOffIsWrittenAsNull() {
        String row = "{\"max_quantity\":500.0,\"max_notional\":null,\"price_collar\":null,"
                + "\"restricted_symbols\":[\"GME\"],\"max_orders_per_second_portfolio\":10,"
                + "\"max_orders_per_second_strategy\":0}";
        OrderControls c = StoredRecords.read(row, StoredRecords.Controls.class).toControls();
        assertThat(c).isEqualTo(new OrderControls(500, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Set.of("GME"), 10, 0));
        assertThat(StoredRecords.write(StoredRecords.Controls.of(c))).isEqualTo(row);
    }

    @Test
    void test_stateAndCapital_readBackAndBadRowsAreRefusedNamingWhy() {
        assertThat(StoredRecords.read("{\"state\":\"halted\",\"reason\":\"ops\"}", StoredRecords.State.class)
                .toState()).isEqualTo(TradingState.HALTED);
        assertThat(StoredRecords.read("{\"capital\":250000.0}", StoredRecords.Capital.class).toAmount())
                .isEqualTo(250_000.0);
        assertThatThrownBy(() -> StoredRecords.read("{\"capital\":0}", StoredRecords.Capital.class).toAmount())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capital must be");
        assertThatThrownBy(() -> StoredRecords.read("{\"state\":\"paused\"}", StoredRecords.State.class).toState())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("state must be one of");
        assertThatThrownBy(() -> StoredRecords.read("{not json", StoredRecords.Limit.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unreadable stored Limit");
    }
}
