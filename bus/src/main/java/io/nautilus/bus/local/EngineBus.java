package io.nautilus.bus.local;

import io.nautilus.core.bus.Delivery;
import io.nautilus.core.bus.Handler;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.bus.Publisher;
import io.nautilus.core.bus.Reply;
import io.nautilus.core.bus.Subscription;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The {@link MessageBus} of one engine on a {@link LocalBus}: publishes with the engine as source, delivers its
 * subscriptions on its ring thread, and correlates request/reply through the engine's inbox topic
 * {@code _inbox.<engine>.<correlation>}. Thread-safe.
 */
final class EngineBus implements MessageBus {
    private final LocalBus bus;
    private final String engine;
    private static final int MAX_CACHED_ROUTES = 100_000;

    private final ConcurrentHashMap<Long, PendingRequest> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Route> routes = new ConcurrentHashMap<>();
    private final AtomicLong correlations = new AtomicLong();
    private final java.util.concurrent.atomic.LongAdder published;
    private volatile Subscription inbox;

    private record PendingRequest(CompletableFuture<Object> future, Class<?> replyType) {
    }

    EngineBus(LocalBus bus, String engine) {
        this.bus = bus;
        this.engine = engine;
        this.published = bus.counter(engine);
    }

    @Override
    public void publish(String topic, Object payload, Priority priority) {
        bus.publish(route(topic), published, payload, priority == null ? Priority.NORMAL : priority);
    }

    @Override
    public Publisher publisher(String topic, Priority priority) {
        return new TopicPublisher(route(topic), priority == null ? Priority.NORMAL : priority);
    }

    /** This engine's route for {@code topic}: cached, resolved again after any subscription change. */
    private Route route(String topic) {
        Route r = routes.get(topic);
        if (r == null || r.version != bus.version()) {
            r = bus.route(engine, topic, null);
            if (!topic.startsWith(LocalBus.INBOX_PREFIX)) { // a reply topic is used once
                if (routes.size() >= MAX_CACHED_ROUTES) {
                    routes.clear();
                }
                routes.put(topic, r);
            }
        }
        return r;
    }

    /** A publisher that holds its route instead of looking it up per message. */
    private final class TopicPublisher implements Publisher {
        private final Priority priority;
        private Route route; // racy by design: any thread may replace it; Route is immutable (final fields)

        TopicPublisher(Route route, Priority priority) {
            this.route = route;
            this.priority = priority;
        }

        private Route current() {
            Route r = route;
            if (r.version != bus.version()) {
                route = r = route(r.topic);
            }
            return r;
        }

        @Override
        public String topic() {
            return route.topic;
        }

        @Override
        public Priority priority() {
            return priority;
        }

        @Override
        public void publish(Object payload) {
            bus.publish(current(), published, payload, priority);
        }

        @Override
        public void publishBatch(Object[] payloads, int from, int to) {
            bus.publishBatch(current(), published, payloads, from, to, priority);
        }
    }

    @Override
    public <T> Subscription subscribe(String pattern, Class<T> type, Handler<T> handler, Delivery delivery) {
        if (type == null || handler == null || delivery == null) {
            throw new IllegalArgumentException("type, handler and delivery must not be null");
        }
        return bus.subscribe(engine, pattern, type, handler, delivery);
    }

    @Override
    public <T> Subscription subscribeFromOthers(String pattern, Class<T> type, Handler<T> handler) {
        if (type == null || handler == null) {
            throw new IllegalArgumentException("type and handler must not be null");
        }
        return bus.subscribe(engine, pattern, type, handler, Delivery.RELIABLE, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q, R> CompletableFuture<R> request(String topic, Q query, Class<R> replyType, Duration timeout) {
        ensureInbox();
        var future = new CompletableFuture<Object>();
        if (!bus.hasSubscriber(topic) && !bus.exporting()) {
            future.completeExceptionally(new IllegalStateException("no responder for topic " + topic));
            return (CompletableFuture<R>) (CompletableFuture<?>) future;
        }
        long corr = correlations.incrementAndGet();
        pending.put(corr, new PendingRequest(future, replyType));
        future.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((r, e) -> pending.remove(corr));
        bus.publish(engine, topic, query, Priority.HIGH, LocalBus.INBOX_PREFIX + engine + "." + corr);
        return (CompletableFuture<R>) (CompletableFuture<?>) future;
    }

    @Override
    public <Q, R> Subscription respond(String topic, Class<Q> queryType, Function<Q, R> responder) {
        return subscribe(topic, queryType, (query, message) -> {
            String replyTo = message.replyTo();
            if (replyTo == null) {
                return; // an ordinary publish on a request topic: nobody waits for an answer
            }
            Reply reply;
            try {
                reply = new Reply(responder.apply(query), null);
            } catch (RuntimeException e) {
                reply = new Reply(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            bus.publish(engine, replyTo, reply, message.priority(), null);
        });
    }

    private void ensureInbox() {
        if (inbox == null) {
            synchronized (this) {
                if (inbox == null) {
                    inbox = bus.subscribe(engine, LocalBus.INBOX_PREFIX + engine + ".>", Reply.class, this::onReply,
                            Delivery.RELIABLE);
                }
            }
        }
    }

    private void onReply(Reply reply, io.nautilus.core.bus.Message message) {
        String topic = message.topic();
        long corr;
        try {
            corr = Long.parseLong(topic.substring(topic.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            return;
        }
        PendingRequest p = pending.remove(corr);
        if (p == null) {
            return; // timed out already
        }
        if (reply.error() != null) {
            p.future().completeExceptionally(new RemoteFailure(reply.error()));
        } else if (reply.value() == null || !p.replyType().isInstance(reply.value())) {
            p.future().completeExceptionally(new RemoteFailure("reply of type "
                    + (reply.value() == null ? "null" : reply.value().getClass().getName()) + " is not a "
                    + p.replyType().getName()));
        } else {
            p.future().complete(reply.value());
        }
    }
}
