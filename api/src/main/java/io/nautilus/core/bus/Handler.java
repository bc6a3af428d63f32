package io.nautilus.core.bus;

/**
 * Receives messages of one subscription. All handlers of an engine run on that engine's ring thread, one message
 * at a time, so engine state touched only from handlers needs no locks. A handler that throws does not stop the
 * ring: the message is counted and dead-lettered to {@code dlq.<engine>}.
 *
 * @param <T> payload type
 */
@FunctionalInterface
public interface Handler<T> {
    void onMessage(T payload, Message message) throws Exception;
}
