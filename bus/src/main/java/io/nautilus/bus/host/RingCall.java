package io.nautilus.bus.host;

import io.nautilus.bus.local.RingTask;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One {@link io.nautilus.core.engine.EngineContext#call}: runs the function on the ring thread, keeps its outcome,
 * and completes the future after the batch's end-of-batch hooks (failing it if one of them threw).
 */
final class RingCall<R> extends RingTask {
    final CompletableFuture<R> future = new CompletableFuture<>();
    private final Supplier<R> fn;
    private R result;
    private Throwable failure;

    RingCall(Supplier<R> fn) {
        this.fn = fn;
    }

    @Override
    protected boolean run() {
        try {
            result = fn.get();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw e;
            }
            failure = e;
        }
        return true;
    }

    @Override
    protected void afterBatch(RuntimeException hookFailure) {
        if (failure != null) {
            future.completeExceptionally(failure);
        } else if (hookFailure != null) {
            future.completeExceptionally(hookFailure);
        } else {
            future.complete(result);
        }
    }
}
