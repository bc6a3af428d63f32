package io.nautilus.engine.portfolio.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BookTest {
    @Test
    void test_apply_movesCashByNotionalAndFees() {
        var book = new Book(10_000);
        book.apply("AAPL", 10, 100.0, 1.5, 1);
        // 10 000 − 10 × 100 − 1.5 = 8 998.5
        assertThat(book.cash()).isCloseTo(8_998.5, within(1e-9));
        book.apply("AAPL", -4, 110.0, 0.5, 2);
        // + 4 × 110 − 0.5 = 8 998.5 + 439.5 = 9 438; realized 4 × 10 = 40; fees 2
        assertThat(book.cash()).isCloseTo(9_438.0, within(1e-9));
        assertThat(book.realizedPnl()).isCloseTo(40.0, within(1e-12));
        assertThat(book.fees()).isCloseTo(2.0, within(1e-12));
        assertThat(book.position("AAPL").quantity()).isCloseTo(6.0, within(1e-12));
    }
}
