package io.nautilus.core.http;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.nautilus.core.engine.DomainFailure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits, on an HTTP thread, for a runtime verb's future ({@code EngineContext.call} or {@code offload}) and maps
 * its failures once for every engine: a {@link DomainFailure} to its status (404, 409, 422 or 400 naming the
 * field), a full compute pool to 503 with Retry-After (the server's {@link BulkheadFullException} mapping), a time-out
 * to 503 with Retry-After, anything else rethrown as it is (a {@link RuntimeException}) for the server's mapping.
 */
public final class Await {
    private Await() {
    }

    /**
     * The future's value, waiting at most {@code wait}.
     *
     * @param what what is waited for, in the time-out's message ("the risk engine", "the optimization")
     */
    public static <T> T result(CompletableFuture<T> future, Duration wait, String what) {
        try {
            return future.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw mapped(e.getCause(), what);
        } catch (TimeoutException e) {
            throw timedOut(what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("interrupted while waiting for " + what, 1);
        }
    }

    /** The HTTP failure for a verb's failure (see class doc). */
    public static RuntimeException mapped(Throwable cause, String what) {
        while (cause instanceof CompletionException || cause instanceof ExecutionException) {
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return timedOut(what);
        }
        if (cause instanceof DomainFailure f) {
            return problem(f);
        }
        if (cause instanceof BulkheadFullException b) {
            return b;
        }
        if (cause instanceof RuntimeException re) {
            return re;
        }
        return new IllegalStateException(what + " failed", cause);
    }

    /** The problem of a {@link DomainFailure}. */
    public static ProblemException problem(DomainFailure f) {
        List<FieldError> errors = f.field() == null ? List.of() : List.of(new FieldError(f.field(), f.getMessage()));
        return switch (f.kind()) {
            case NOT_FOUND -> ProblemException.notFound(f.getMessage());
            case CONFLICT -> ProblemException.conflict(f.getMessage());
            case UNPROCESSABLE -> ProblemException.unprocessable(f.getMessage(), errors);
            case INVALID -> ProblemException.badRequest(f.getMessage(), errors);
        };
    }

    private static ProblemException timedOut(String what) {
        return ProblemException.unavailable(what + " did not answer in time; retry shortly", 1);
    }
}
