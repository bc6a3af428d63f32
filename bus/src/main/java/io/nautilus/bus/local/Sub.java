package io.nautilus.bus.local;

import io.nautilus.core.bus.Delivery;
import io.nautilus.core.bus.Handler;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.bus.Subscription;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One subscription of one engine: its pattern, type filter, handler and delivery state. Delivery state for
 * LATEST (a slot per topic) and DROP_OLDEST (a bounded queue) lives here; RELIABLE needs none.
 */
final class Sub<T> implements Subscription {
    final EngineRing ring;
    final String pattern;
    final Class<T> type;
    final Handler<T> handler;
    final Delivery delivery;
    final int capacity;
    /** Routed past messages its own engine publishes ({@code MessageBus.subscribeFromOthers}). */
    final boolean othersOnly;
    volatile boolean active = true;
    private final Runnable onClose;

    final LongAdder conflated = new LongAdder();
    final LongAdder dropped = new LongAdder();

    /** LATEST: newest pending message per topic; a tick is queued when a slot goes from empty to full. */
    final ConcurrentHashMap<String, LatestSlot> latest;
    /** DROP_OLDEST: newest {@code capacity} pending messages; one tick drains a batch. */
    final ConcurrentLinkedQueue<Pending> window;
    final AtomicInteger windowSize = new AtomicInteger();
    final AtomicBoolean tickScheduled = new AtomicBoolean();

    Sub(EngineRing ring, String pattern, Class<T> type, Handler<T> handler, Delivery delivery, int capacity,
        boolean othersOnly, Runnable onClose) {
        this.ring = ring;
        this.pattern = pattern;
        this.type = type;
        this.handler = handler;
        this.delivery = delivery;
        this.capacity = capacity;
        this.othersOnly = othersOnly;
        this.onClose = onClose;
        this.latest = delivery == Delivery.LATEST ? new ConcurrentHashMap<>() : null;
        this.window = delivery == Delivery.DROP_OLDEST ? new ConcurrentLinkedQueue<>() : null;
    }

    @SuppressWarnings("unchecked")
    void invoke(Object payload, io.nautilus.core.bus.Message message) throws Exception {
        handler.onMessage((T) payload, message);
    }

    @Override
    public String pattern() {
        return pattern;
    }

    @Override
    public void close() {
        if (active) {
            active = false;
            onClose.run();
        }
    }

    /** A message parked outside the ring (DROP_OLDEST window, overflow). */
    record Pending(Target target, byte kind, Object payload, Priority priority, long tsNanos, long id) {
    }

    /**
     * LATEST, one topic: the newest undelivered message, in a box that is reused, so that conflating delivery
     * allocates nothing per message. A box has one owner at a time, handed over through the two atomics: the
     * publisher filling it, the slot ({@link #newest}), the ring thread delivering it, or {@link #spare}. A publisher
     * takes the spare (or makes a box when there is none), fills it and swaps it into {@code newest}; the box it
     * replaced was never delivered, so it is now the publisher's, which makes it the spare. The ring thread swaps
     * {@code newest} out, delivers, and gives the box back as the spare if there is none.
     */
    static final class LatestSlot {
        final AtomicReference<Box> newest = new AtomicReference<>();
        final AtomicReference<Box> spare = new AtomicReference<>();
    }

    /** A reusable holder of one LATEST message (see {@link LatestSlot}). */
    static final class Box {
        Target target;
        Object payload;
        Priority priority;
        long tsNanos;
        long id;

        void clear() {
            target = null;
            payload = null;
        }
    }
}
