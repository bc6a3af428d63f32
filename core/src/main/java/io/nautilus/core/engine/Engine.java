package io.nautilus.core.engine;

import io.javalin.config.RoutesConfig;

/**
 * One engine of Nautilus. The host calls {@link #start}, then {@link #routes} (when HTTP is on), then serves;
 * {@link #stop} on shutdown. Engines never import each other: they exchange {@code io.nautilus.core.model}
 * records over {@link EngineContext#bus()}.
 */
public interface Engine {

    /** Which engine this is. */
    EngineId id();

    /** Subscribes, opens its store, starts feeds and timers. Called once. */
    void start(EngineContext ctx);

    /**
     * Called once every engine of this process has started, so that every subscription exists: start what produces
     * messages on its own (price feeds, simulators, replays) here, or the first messages could reach nobody.
     * The default does nothing.
     */
    default void ready() {
    }

    /**
     * Declares the engine's HTTP endpoints (besides /health and /metrics, which the host adds). The default
     * declares none.
     */
    default void routes(RoutesConfig routes) {
    }

    /** Current health with engine-specific details (counters, components). The default: UP, no details. */
    default Health health() {
        return Health.up(java.util.Map.of());
    }

    /** Drains and releases resources. Idempotent. The default does nothing. */
    default void stop() {
    }
}
