package io.nautilus.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.Fill;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.Side;
import io.nautilus.engine.portfolio.execution.Order;
import io.nautilus.engine.portfolio.execution.OrderStatus;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PendingWritesTest {
    static Order approved(String id, double quantity) {
        var intent = new OrderIntent(id, "p", "s", "AAPL", Side.BUY, quantity, OrderType.MARKET, Double.NaN, false, 1);
        return new Order(intent, OrderStatus.APPROVED, 0, 0, List.of(), 5);
    }

    static Fill fill(long seq, Order o, double quantity, double price) {
        return new Fill("F" + seq, o.intent().orderId(), "p", "AAPL", Side.BUY, quantity, price, 0, 10 + seq);
    }

    /** Records the fill with the order's state before it, then applies it to the order, as the desk does. */
    static void fillOrder(PendingWrites w, long seq, Order o, double quantity, double price) {
        w.addFill(seq, fill(seq, o, quantity, price), o);
        o.fill(quantity, price, 10 + seq);
    }

    @Test
    void test_addOrder_eachOrderQueuedOnceAcrossFillsAndChanges() {
        var w = new PendingWrites();
        Order a = approved("a", 10);
        w.addOrder(a);
        fillOrder(w, 1, a, 4, 100);
        fillOrder(w, 2, a, 6, 101);
        assertThat(w.fillCount()).isEqualTo(2);
        assertThat(w.orderCount()).isEqualTo(1);
        assertThat(w.order(0)).isSameAs(a);
        w.clear();
        assertThat(w.isEmpty()).isTrue();
        assertThat(a.isWritePending()).isFalse();
    }

    @Test
    void test_undoFills_restoresOrdersNewestFirstAndReopensFinishedOnes() {
        var w = new PendingWrites();
        Order a = approved("a", 10);
        Order b = approved("b", 3);
        fillOrder(w, 7, a, 4, 100);   // a partially filled: 4 @ 100
        fillOrder(w, 8, b, 3, 50);    // b filled
        fillOrder(w, 9, a, 6, 101);   // a filled: average (4 × 100 + 6 × 101) / 10 = 100.6
        assertThat(a.averageFillPrice()).isCloseTo(100.6, within(1e-12));
        List<Order> reopened = new ArrayList<>();
        assertThat(w.undoFills(reopened::add)).isEqualTo(7);
        // a: FILLED → PARTIALLY_FILLED (reopened, working again) → APPROVED; b: FILLED → APPROVED (reopened)
        assertThat(reopened).containsExactly(a, b);
        assertThat(a.status()).isEqualTo(OrderStatus.APPROVED);
        assertThat(a.filledQuantity()).isEqualTo(0.0);
        assertThat(a.averageFillPrice()).isEqualTo(0.0);
        assertThat(a.updatedNanos()).isEqualTo(5);
        assertThat(b.status()).isEqualTo(OrderStatus.APPROVED);
        // the order states stay queued for the next commit; the fills are gone
        assertThat(w.fillCount()).isZero();
        assertThat(w.orderCount()).isEqualTo(2);
        assertThat(w.undoFills(reopened::add)).isEqualTo(-1);
    }

    @Test
    void test_addFill_growsBeyondItsInitialCapacityInOrder() {
        var w = new PendingWrites();
        for (int i = 1; i <= 200; i++) {
            Order o = approved("o" + i, 1);
            fillOrder(w, i, o, 1, i);
        }
        assertThat(w.fillCount()).isEqualTo(200);
        assertThat(w.orderCount()).isEqualTo(200);
        assertThat(w.seq(199)).isEqualTo(200);
        assertThat(w.fill(137).price()).isEqualTo(138.0);
        assertThat(w.order(199).intent().orderId()).isEqualTo("o200");
    }
}
