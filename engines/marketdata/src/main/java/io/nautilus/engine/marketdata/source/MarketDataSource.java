package io.nautilus.engine.marketdata.source;

/**
 * A source of market data: it produces {@link io.nautilus.engine.marketdata.tick.TickBatch}es on its own
 * thread(s) and submits them to a {@link TickSink}; the engine validates, arbitrates and publishes them. Several
 * sources run at once (simulator, CSV replay, HTTP ingest), each tagging its records with its name, which the
 * source priority list refers to. Implementations are thread-safe.
 */
public interface MarketDataSource extends AutoCloseable {

    /** The name records are tagged with (e.g. {@code simulator}, {@code replay}). */
    String name();

    /** Starts producing into {@code sink}. Called once. */
    void start(TickSink sink);

    /** Stops producing; idempotent. */
    @Override
    void close();
}
