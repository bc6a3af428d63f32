package io.nautilus.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioStateTest {
    private static final long T = 1_700_000_000_000_000_000L;

    @Test
    void test_equity_isCashPlusMarkedPositions() {
        // 100 AAPL bought at 190 with 1.9 fees from 100,000; marked at 195: cash 80,998.1, value 19,500
        var aapl = new PositionUpdate("p-1", "AAPL", 100, 190, 0, 195, T);
        var msft = new PositionUpdate("p-1", "MSFT", 0, 0, 42.5, 410, T);
        var s = new PortfolioState("p-1", 100_000, 80_998.1, 1.9, List.of(aapl, msft), T);
        assertThat(s.positionsValue()).isCloseTo(19_500, within(1e-9));
        assertThat(s.equity()).isCloseTo(100_498.1, within(1e-9));
        assertThat(s.realizedPnl()).isCloseTo(42.5, within(1e-12));
    }

    @Test
    void test_new_refusesForeignPositionsAndBadCapital() {
        var other = new PositionUpdate("p-2", "AAPL", 1, 1, 0, 1, T);
        assertThatThrownBy(() -> new PortfolioState("p-1", 1, 1, 0, List.of(other), T))
                .hasMessageContaining("positions[].portfolio_id");
        assertThatThrownBy(() -> new PortfolioState("p-1", 0, 1, 0, List.of(), T)).hasMessageContaining("initial_value");
        assertThatThrownBy(() -> new PortfolioState("p.1", 1, 1, 0, List.of(), T)).hasMessageContaining("portfolio_id");
    }

    @Test
    void test_id_boundsAndPrintable() {
        assertThat(Checks.id("id", "pf-0d6c:A_9")).isEqualTo("pf-0d6c:A_9");
        assertThatThrownBy(() -> Checks.id("portfolio_id", "x".repeat(65))).hasMessageStartingWith("portfolio_id must be 1-64")
                .hasMessageContaining("xxx...");
        assertThatThrownBy(() -> Checks.id("portfolio_id", "a\u0000b")).hasMessageContaining("'a?b'");
        assertThatThrownBy(() -> Checks.id("portfolio_id", "a.b")).hasMessageStartingWith("portfolio_id");
        assertThat(Checks.shorten("y".repeat(1_000_000))).hasSize(Checks.MAX_ECHO + 3);
    }

    @Test
    void test_name_stripsAndRefusesControlCharacters() {
        assertThat(Checks.name("portfolio_name", "  Growth Fund \u00e9 ")).isEqualTo("Growth Fund \u00e9");
        assertThatThrownBy(() -> Checks.name("portfolio_name", "a\u0000")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> Checks.name("portfolio_name", "n".repeat(201))).hasMessageContaining("at most 200");
    }
}
