package io.nautilus.core.bus;

/**
 * A publisher bound to one topic and priority, for code that publishes many messages on the same topic (a feed
 * publishing quotes of one symbol, a batch ingest). The in-process bus resolves the topic's subscribers once and
 * again only after a subscription changes, where {@link MessageBus#publish} looks them up per message. Messages
 * are the same as {@link MessageBus#publish}'s in every respect. Thread-safe.
 */
public interface Publisher {

    /** The concrete topic this publisher publishes on. */
    String topic();

    /** The priority every message of this publisher gets. */
    Priority priority();

    /** Publishes one message, as {@code bus.publish(topic(), payload, priority())} would. */
    void publish(Object payload);

    /**
     * Publishes {@code payloads[from, to)} in order, each as its own message (its own id, the per-publisher order
     * kept for every subscriber) stamped with one publish time. Cheaper per message than one call each: the bus
     * claims ring slots in blocks. No payload may be null; when one is, nothing is published.
     *
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not a range of {@code payloads}
     * @throws IllegalArgumentException  if a payload in the range is null
     */
    default void publishBatch(Object[] payloads, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, payloads.length);
        for (int i = from; i < to; i++) {
            if (payloads[i] == null) {
                throw new IllegalArgumentException("payloads[" + i + "] must not be null (topic " + topic() + ")");
            }
        }
        for (int i = from; i < to; i++) {
            publish(payloads[i]);
        }
    }
}
