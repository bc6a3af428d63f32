package io.nautilus.engine.marketdata.tick;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class TickValidatorTest {
    private static final long TS = 1_704_205_800_000_000_000L;
    private final TickValidator any = TickValidator.acceptingAnySymbol();

    private static Rejection quote(double bid, double ask, double bs, double as, long ts) {
        var b = new TickBatch.Builder(1).quote("s", "AAPL", bid, ask, bs, as, ts, 0).build();
        return TickValidator.acceptingAnySymbol().checkFields(b, 0);
    }

    private static Rejection trade(double price, double size) {
        var b = new TickBatch.Builder(1).trade("s", "AAPL", price, size, TS, 0).build();
        return TickValidator.acceptingAnySymbol().checkFields(b, 0);
    }

    @Test
    void test_checkFields_quoteRules() {
        assertThat(quote(100, 100.1, 5, 5, TS)).isNull();
        assertThat(quote(100, 100, 0, 0, TS)).as("locked quote with zero sizes").isNull();
        assertThat(quote(Double.NaN, 100, 1, 1, TS)).isEqualTo(Rejection.NON_FINITE);
        assertThat(quote(100, Double.POSITIVE_INFINITY, 1, 1, TS)).isEqualTo(Rejection.NON_FINITE);
        assertThat(quote(100, 101, Double.NaN, 1, TS)).isEqualTo(Rejection.NON_FINITE);
        assertThat(quote(0, 101, 1, 1, TS)).isEqualTo(Rejection.NON_POSITIVE_PRICE);
        assertThat(quote(-1, 101, 1, 1, TS)).isEqualTo(Rejection.NON_POSITIVE_PRICE);
        assertThat(quote(100, 101, -1, 1, TS)).isEqualTo(Rejection.BAD_SIZE);
        assertThat(quote(101, 100, 1, 1, TS)).isEqualTo(Rejection.CROSSED_QUOTE);
        assertThat(quote(100, 101, 1, 1, 0)).isEqualTo(Rejection.BAD_TIMESTAMP);
    }

    @Test
    void test_checkFields_tradeRules() {
        assertThat(trade(100, 1)).isNull();
        assertThat(trade(Double.NaN, 1)).isEqualTo(Rejection.NON_FINITE);
        assertThat(trade(100, Double.NEGATIVE_INFINITY)).isEqualTo(Rejection.NON_FINITE);
        assertThat(trade(0, 1)).isEqualTo(Rejection.NON_POSITIVE_PRICE);
        assertThat(trade(100, 0)).isEqualTo(Rejection.BAD_SIZE);
        assertThat(trade(100, -5)).isEqualTo(Rejection.BAD_SIZE);
    }

    @Test
    void test_checkSymbol_formatAndConfiguredList() {
        assertThat(any.checkSymbol("BRK-B")).isNull();
        assertThat(any.checkSymbol("BRK.B")).isEqualTo(Rejection.INVALID_SYMBOL);
        assertThat(any.checkSymbol("")).isEqualTo(Rejection.INVALID_SYMBOL);
        assertThat(any.checkSymbol(null)).isEqualTo(Rejection.INVALID_SYMBOL);
        var listed = new TickValidator(Set.of("AAPL", "MSFT"));
        assertThat(listed.checkSymbol("AAPL")).isNull();
        assertThat(listed.checkSymbol("TSLA")).isEqualTo(Rejection.UNKNOWN_SYMBOL);
    }

    @Test
    void test_checkSymbol_agreesWithCoreChecksOnEveryAsciiCharacterAndLength() {
        // TickValidator uses the regex [A-Za-z0-9^=_:/\\-]{1,32}; core's Checks.validSymbol a character loop
        for (char c = 0; c < 128; c++) {
            for (String s : new String[] {String.valueOf(c), "A" + c + "B"}) {
                boolean regex = any.checkSymbol(s) == null;
                boolean core;
                try {
                    io.nautilus.core.model.Checks.validSymbol("symbol", s);
                    core = true;
                } catch (IllegalArgumentException e) {
                    core = false;
                }
                assertThat(core).as("symbol '%s' (char %d)", s, (int) c).isEqualTo(regex);
            }
        }
        assertThat(any.checkSymbol("A".repeat(32))).isNull();
        assertThat(any.checkSymbol("A".repeat(33))).isEqualTo(Rejection.INVALID_SYMBOL);
    }

    @Test
    void test_describe_namesFieldAndValue() {
        var b = new TickBatch.Builder(1).quote("s", "AAPL", 101, 100, 1, 1, TS, 7).build();
        assertThat(TickValidator.describe(Rejection.CROSSED_QUOTE, b, 0)).isEqualTo("crossed quote: bid 101.0 > ask 100.0");
        assertThat(b.index(0)).isEqualTo(7);
    }
}
