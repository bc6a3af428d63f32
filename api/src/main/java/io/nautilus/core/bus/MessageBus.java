package io.nautilus.core.bus;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The bus as one engine sees it. Topics are dot-separated tokens ({@code md.quote.AAPL}); subscription patterns
 * use NATS-style wildcards: {@code *} matches one token, {@code >} (last token only) one or more tokens.
 *
 * <p>{@code publish} never blocks on a subscriber. Handlers of the engine owning this instance run on the
 * engine's ring thread. Payloads must be immutable (the records of {@code io.nautilus.core.model} are) and are
 * never mutated after publish. Thread-safe.
 */
public interface MessageBus {

    /** Publishes at NORMAL priority. */
    default void publish(String topic, Object payload) {
        publish(topic, payload, Priority.NORMAL);
    }

    /** Publishes at the given priority. */
    void publish(String topic, Object payload, Priority priority);

    /**
     * A publisher for one topic and priority (see {@link Publisher}); the topic is checked here.
     *
     * @throws IllegalArgumentException if the topic is not a valid concrete topic
     */
    default Publisher publisher(String topic, Priority priority) {
        Topics.checkTopic(topic);
        Priority p = priority == null ? Priority.NORMAL : priority;
        MessageBus bus = this;
        return new Publisher() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public Priority priority() {
                return p;
            }

            @Override
            public void publish(Object payload) {
                bus.publish(topic, payload, p);
            }
        };
    }

    /** Subscribes with RELIABLE delivery; payloads that are not instances of {@code type} are skipped. */
    default <T> Subscription subscribe(String pattern, Class<T> type, Handler<T> handler) {
        return subscribe(pattern, type, handler, Delivery.RELIABLE);
    }

    /** Subscribes with the given delivery. */
    <T> Subscription subscribe(String pattern, Class<T> type, Handler<T> handler, Delivery delivery);

    /**
     * Subscribes (RELIABLE) to what <em>other</em> engines publish on {@code pattern}: this engine's own publishes
     * are routed past the subscription (decided once per route, no cost per message), so an engine that both
     * publishes and consumes a topic (the Portfolio engine and {@code order.intent}) does not get its own messages
     * back. Messages imported from another process are skipped the same way when their source is this engine.
     */
    <T> Subscription subscribeFromOthers(String pattern, Class<T> type, Handler<T> handler);

    /**
     * Sends {@code query} to the responder of {@code topic} and completes with its reply, or exceptionally with
     * {@link java.util.concurrent.TimeoutException} after {@code timeout}, or with {@link RemoteFailure} when the
     * responder failed.
     */
    <Q, R> CompletableFuture<R> request(String topic, Q query, Class<R> replyType, Duration timeout);

    /** Answers requests on {@code topic} with {@code responder}, on this engine's ring thread. */
    <Q, R> Subscription respond(String topic, Class<Q> queryType, Function<Q, R> responder);

    /** Thrown into a request's future when the responder threw. */
    final class RemoteFailure extends RuntimeException {
        public RemoteFailure(String message) {
            super(message, null, false, false);
        }
    }
}
