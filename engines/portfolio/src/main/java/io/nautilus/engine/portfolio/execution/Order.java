package io.nautilus.engine.portfolio.execution;

import io.nautilus.core.model.OrderIntent;

import java.util.List;

/**
 * An order and its progress. The intent is immutable; status, filled quantity, average fill price and reasons
 * change as risk decides and fills arrive. Mutable and not thread-safe: owned by the engine's ring thread.
 */
public final class Order {
    private final OrderIntent intent;
    private OrderStatus status;
    private double filledQuantity;
    private double averageFillPrice;
    private List<String> reasons;
    private long updatedNanos;
    private boolean writePending;

    public Order(OrderIntent intent, OrderStatus status, double filledQuantity, double averageFillPrice,
                 List<String> reasons, long updatedNanos) {
        this.intent = intent;
        this.status = status;
        this.filledQuantity = filledQuantity;
        this.averageFillPrice = averageFillPrice;
        this.reasons = List.copyOf(reasons);
        this.updatedNanos = updatedNanos;
    }

    public OrderIntent intent() {
        return intent;
    }

    public OrderStatus status() {
        return status;
    }

    public double filledQuantity() {
        return filledQuantity;
    }

    public double remainingQuantity() {
        return intent.quantity() - filledQuantity;
    }

    /** Quantity-weighted average fill price; 0 before the first fill. */
    public double averageFillPrice() {
        return averageFillPrice;
    }

    public List<String> reasons() {
        return reasons;
    }

    public long updatedNanos() {
        return updatedNanos;
    }

    /** Moves to a new status with reasons (e.g. risk rejection codes). */
    public void transition(OrderStatus next, List<String> why, long tsNanos) {
        status = next;
        reasons = List.copyOf(why);
        updatedNanos = tsNanos;
    }

    /** Records a fill; the status becomes FILLED when nothing remains, else PARTIALLY_FILLED. */
    public void fill(double quantity, double price, long tsNanos) {
        double total = filledQuantity + quantity;
        averageFillPrice = (averageFillPrice * filledQuantity + price * quantity) / total;
        filledQuantity = total;
        status = remainingQuantity() <= 1e-9 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        updatedNanos = tsNanos;
    }

    /** Undoes a {@link #fill} whose store write failed. */
    public void restore(OrderStatus previousStatus, double previousFilled, double previousAverage,
                        long previousUpdatedNanos) {
        status = previousStatus;
        filledQuantity = previousFilled;
        averageFillPrice = previousAverage;
        updatedNanos = previousUpdatedNanos;
    }

    /** True while the owner has queued this order's latest state for a store write (group commit). */
    public boolean isWritePending() {
        return writePending;
    }

    public void setWritePending(boolean pending) {
        writePending = pending;
    }
}
