package io.nautilus.engine.portfolio.optimize;

/**
 * The constraints of an optimization admit no portfolio (e.g. per-asset maxima summing to less than the budget,
 * a target return above the best attainable one, a target risk below the minimum-variance risk), or a method
 * cannot honour them. Never answered by a silent fallback: HTTP maps it to 422 with this message.
 */
public final class InfeasibleConstraintsException extends RuntimeException {
    public InfeasibleConstraintsException(String message) {
        super(message, null, false, false);
    }
}
