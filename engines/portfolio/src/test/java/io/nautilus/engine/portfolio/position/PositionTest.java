package io.nautilus.engine.portfolio.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** FIFO cases worked by hand; each comment shows the arithmetic. */
class PositionTest {

    @Test
    void test_apply_partialCloseRealizesOldestLotsFirst() {
        var p = new Position("AAPL");
        p.apply(100, 10.0, 1);
        p.apply(50, 12.0, 2);
        // sell 120 at 13.00: 100 from the 10.00 lot and 20 from the 12.00 lot:
        // 100 × (13 − 10) + 20 × (13 − 12) = 300 + 20 = 320; 30 left at 12.00
        double realized = p.apply(-120, 13.0, 3);
        assertThat(realized).isCloseTo(320.0, within(1e-12));
        assertThat(p.quantity()).isCloseTo(30.0, within(1e-12));
        assertThat(p.averageCost()).isCloseTo(12.0, within(1e-12));
        assertThat(p.lots()).hasSize(1);
    }

    @Test
    void test_apply_averageCostIsQuantityWeighted() {
        var p = new Position("AAPL");
        p.apply(100, 10.0, 1);
        p.apply(300, 14.0, 2);
        // (100 × 10 + 300 × 14) / 400 = 5200 / 400 = 13
        assertThat(p.averageCost()).isCloseTo(13.0, within(1e-12));
        // unrealized at 15: 100 × 5 + 300 × 1 = 800
        assertThat(p.unrealizedPnl(15.0)).isCloseTo(800.0, within(1e-12));
    }

    @Test
    void test_apply_flipFromLongToShort() {
        var p = new Position("MSFT");
        p.apply(10, 100.0, 1);
        // sell 25 at 90: close 10 long at a loss of 10 × (90 − 100) = −100, open 15 short at 90
        double realized = p.apply(-25, 90.0, 2);
        assertThat(realized).isCloseTo(-100.0, within(1e-12));
        assertThat(p.quantity()).isCloseTo(-15.0, within(1e-12));
        assertThat(p.averageCost()).isCloseTo(90.0, within(1e-12));
        // buy 20 at 80: cover 15 short for 15 × (90 − 80) = +150, then long 5 at 80
        realized = p.apply(20, 80.0, 3);
        assertThat(realized).isCloseTo(150.0, within(1e-12));
        assertThat(p.quantity()).isCloseTo(5.0, within(1e-12));
        assertThat(p.averageCost()).isCloseTo(80.0, within(1e-12));
        assertThat(p.realizedPnl()).isCloseTo(50.0, within(1e-12));
    }

    @Test
    void test_apply_shortThenPartialCover() {
        var p = new Position("TSLA");
        p.apply(-10, 200.0, 1);
        p.apply(-10, 210.0, 2);
        // cover 15 at 190: 10 × (200 − 190) + 5 × (210 − 190) = 100 + 100 = 200; short 5 at 210 remains
        assertThat(p.apply(15, 190.0, 3)).isCloseTo(200.0, within(1e-12));
        assertThat(p.quantity()).isCloseTo(-5.0, within(1e-12));
        assertThat(p.averageCost()).isCloseTo(210.0, within(1e-12));
        // unrealized at 200: −5 × (200 − 210) = +50
        assertThat(p.unrealizedPnl(200.0)).isCloseTo(50.0, within(1e-12));
    }

    @Test
    void test_apply_closeExactlyIsFlat() {
        var p = new Position("X");
        p.apply(3, 5.0, 1);
        assertThat(p.apply(-3, 4.0, 2)).isCloseTo(-3.0, within(1e-12));
        assertThat(p.quantity()).isZero();
        assertThat(p.averageCost()).isZero();
        assertThat(p.lots()).isEmpty();
    }

    @Test
    void test_apply_rejectsBadInput() {
        var p = new Position("X");
        assertThatThrownBy(() -> p.apply(0, 5.0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.apply(1, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
