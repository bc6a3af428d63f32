package io.nautilus.engine.portfolio;

import java.util.function.Function;

/**
 * Runs a function of the {@link PortfolioDesk} on the engine's ring thread ({@code EngineContext.call}) and waits
 * for its answer, which is given after the batch's group commit. For HTTP and compute threads only (never from the
 * ring thread itself). A {@code DomainFailure} of the function reaches the caller as the HTTP edge maps it.
 */
@FunctionalInterface
interface DeskCalls {
    <T> T ask(Function<PortfolioDesk, T> fn);
}
