package io.nautilus.engine.portfolio;

import io.nautilus.core.http.ProblemException;
import io.nautilus.core.model.OrderIntent;

/**
 * Requests from HTTP threads to the engine's ring thread over the bus (topic {@link #TOPIC}); the ring thread
 * owns all mutable state, so every change and every consistent read goes through here.
 */
final class Commands {
    static final String TOPIC = "_local.portfolio.command";
    static final String TICK = "_local.portfolio.tick";

    private Commands() {
    }

    sealed interface Command permits Create, Recover, Snapshot, ListPortfolios, Submit, AddPosition, Cancel, ListOrders, Prices {
    }

    record Create(PortfolioInfo info) implements Command {
    }

    /** The engine is ready: expire or resend orders left waiting for Risk, publish every portfolio's state. */
    record Recover(long maxAgeNanos) implements Command {
    }

    record Snapshot(String portfolioId) implements Command {
    }

    record ListPortfolios() implements Command {
    }

    record Submit(OrderIntent intent) implements Command {
    }

    record AddPosition(String portfolioId, String symbol, double quantity, double price) implements Command {
    }

    record Cancel(String portfolioId, String orderId) implements Command {
    }

    record ListOrders(String portfolioId) implements Command {
    }

    /** Mark prices of some symbols (0 = none seen). */
    record Prices(java.util.List<String> symbols) implements Command {
    }

    /** A timer tick (equity snapshots, scheduled rebalances). */
    record Tick(long nanos) {
    }

    /** The answer: a body, or a problem to throw on the HTTP thread. */
    record Reply(Object body, ProblemException problem) {
        static Reply ok(Object body) {
            return new Reply(body, null);
        }

        static Reply fail(ProblemException problem) {
            return new Reply(null, problem);
        }
    }
}
