package io.nautilus.engine.portfolio;

import io.nautilus.core.model.Fill;
import io.nautilus.engine.portfolio.execution.Order;
import io.nautilus.engine.portfolio.execution.OrderStatus;

import java.util.Arrays;

/**
 * The writes of one ring batch waiting for their group commit: fills in sequence order, each with the state its
 * order had before the fill (to undo it if the commit fails), and the orders whose latest state must be written
 * (each once, however often it changed in the batch). Arrays are reused from batch to batch and grow by doubling,
 * so a steady flow adds no allocation here. Not thread-safe: owned by the engine's ring thread.
 */
final class PendingWrites {
    private static final int INITIAL = 64;

    private long[] seqs = new long[INITIAL];
    private Fill[] fills = new Fill[INITIAL];
    private Order[] filledOrders = new Order[INITIAL];
    private OrderStatus[] statusBefore = new OrderStatus[INITIAL];
    private double[] filledBefore = new double[INITIAL];
    private double[] averageBefore = new double[INITIAL];
    private long[] updatedBefore = new long[INITIAL];
    private int fillCount;

    private Order[] orders = new Order[INITIAL];
    private int orderCount;

    /** True when nothing waits to be written. */
    boolean isEmpty() {
        return fillCount == 0 && orderCount == 0;
    }

    int fillCount() {
        return fillCount;
    }

    long seq(int i) {
        return seqs[i];
    }

    Fill fill(int i) {
        return fills[i];
    }

    int orderCount() {
        return orderCount;
    }

    Order order(int i) {
        return orders[i];
    }

    /**
     * Adds a fill of {@code order} (null for a manual position) and records the order's state before it; call
     * before the order applies the fill.
     */
    void addFill(long seq, Fill fill, Order order) {
        if (fillCount == seqs.length) {
            int n = fillCount * 2;
            seqs = Arrays.copyOf(seqs, n);
            fills = Arrays.copyOf(fills, n);
            filledOrders = Arrays.copyOf(filledOrders, n);
            statusBefore = Arrays.copyOf(statusBefore, n);
            filledBefore = Arrays.copyOf(filledBefore, n);
            averageBefore = Arrays.copyOf(averageBefore, n);
            updatedBefore = Arrays.copyOf(updatedBefore, n);
        }
        int i = fillCount++;
        seqs[i] = seq;
        fills[i] = fill;
        filledOrders[i] = order;
        if (order != null) {
            statusBefore[i] = order.status();
            filledBefore[i] = order.filledQuantity();
            averageBefore[i] = order.averageFillPrice();
            updatedBefore[i] = order.updatedNanos();
            addOrder(order);
        }
    }

    /** Queues the order's latest state for writing (once per batch). */
    void addOrder(Order order) {
        if (order.isWritePending()) {
            return;
        }
        order.setWritePending(true);
        if (orderCount == orders.length) {
            orders = Arrays.copyOf(orders, orderCount * 2);
        }
        orders[orderCount++] = order;
    }

    /**
     * Undoes the fills on their orders, newest first, and forgets them; the queued order states stay queued for
     * the next commit. Calls {@code reopened} with each order that works again after its undo.
     *
     * @return the sequence number of the first undone fill, or -1 when there were none
     */
    long undoFills(java.util.function.Consumer<Order> reopened) {
        long first = fillCount == 0 ? -1 : seqs[0];
        for (int i = fillCount - 1; i >= 0; i--) {
            Order o = filledOrders[i];
            if (o != null) {
                boolean wasWorking = o.status().isWorking();
                o.restore(statusBefore[i], filledBefore[i], averageBefore[i], updatedBefore[i]);
                if (!wasWorking && o.status().isWorking()) {
                    reopened.accept(o);
                }
            }
        }
        clearFills();
        return first;
    }

    /** Forgets everything after a successful commit. */
    void clear() {
        clearFills();
        for (int i = 0; i < orderCount; i++) {
            orders[i].setWritePending(false);
            orders[i] = null;
        }
        orderCount = 0;
    }

    private void clearFills() {
        Arrays.fill(fills, 0, fillCount, null);
        Arrays.fill(filledOrders, 0, fillCount, null);
        Arrays.fill(statusBefore, 0, fillCount, null);
        fillCount = 0;
    }
}
