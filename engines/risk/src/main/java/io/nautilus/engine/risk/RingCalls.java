package io.nautilus.engine.risk;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Priority;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Questions from HTTP handlers to the risk engine's ring thread, answered after the batch's group commit.
 *
 * <p>A handler publishes a {@link Call} (the question and the future its answer completes) on an engine-private
 * {@code _local.risk.*} topic at HIGH priority and waits on the future. The ring thread computes the answer at
 * once but keeps it until the end of its batch: {@link #complete()} runs after the breach transitions of the batch
 * are committed, so an answer never reports a breach that is not yet durable, and one batch of questions shares
 * one commit. Compared with {@code MessageBus.request} this saves, per question, the reply's second trip through
 * the ring, the routing of a fresh inbox topic and a timeout timer (the handler waits with a timed {@code get}).
 *
 * <p>{@link #ask} is thread-safe; {@link #answer} handlers, {@link #complete()} and {@link #fail} run on the ring
 * thread only.
 */
final class RingCalls {
    /** A question on its way to the ring thread. */
    record Call(Object query, CompletableFuture<Object> answer) {
    }

    private final MessageBus bus;
    private final List<CompletableFuture<Object>> waiting = new ArrayList<>();
    private final List<Object> answers = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();

    RingCalls(MessageBus bus) {
        this.bus = bus;
    }

    /** Sends a question to the ring thread; the future completes after the end of the batch that answers it. */
    @SuppressWarnings("unchecked")
    <R> CompletableFuture<R> ask(String topic, Object query) {
        var answer = new CompletableFuture<Object>();
        bus.publish(topic, new Call(query, answer), Priority.HIGH);
        return (CompletableFuture<R>) (CompletableFuture<?>) answer;
    }

    /** Answers the questions of {@code topic} with {@code responder} (on the ring thread). */
    <Q> void answer(String topic, Class<Q> queryType, Function<Q, ?> responder) {
        bus.subscribe(topic, Call.class, (call, message) -> {
            Object answer;
            RuntimeException failure = null;
            try {
                answer = responder.apply(queryType.cast(call.query()));
            } catch (RuntimeException e) {
                answer = null;
                failure = e;
            }
            waiting.add(call.answer());
            answers.add(answer);
            failures.add(failure);
        });
    }

    /** Completes the answers of the batch (end of batch, after the commit). */
    void complete() {
        for (int i = 0, n = waiting.size(); i < n; i++) {
            RuntimeException failure = failures.get(i);
            if (failure == null) {
                waiting.get(i).complete(answers.get(i));
            } else {
                waiting.get(i).completeExceptionally(failure);
            }
        }
        clear();
    }

    /** Fails the answers of the batch: what they report could not be made durable. */
    void fail(RuntimeException cause) {
        for (CompletableFuture<Object> f : waiting) {
            f.completeExceptionally(cause);
        }
        clear();
    }

    private void clear() {
        waiting.clear();
        answers.clear();
        failures.clear();
    }
}
