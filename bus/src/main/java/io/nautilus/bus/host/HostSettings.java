package io.nautilus.bus.host;

import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.HttpSettings;

/**
 * How one engine is hosted. Immutable.
 *
 * @param http              HTTP server settings, or {@code null} to run without HTTP (embedded use)
 * @param dbUrl             JDBC URL shared by all engines (PostgreSQL), or {@code null} for the per-engine SQLite
 *                          file {@code <dataDir>/<engine>.db}
 * @param dataDir           directory for SQLite files and spill files
 * @param computeThreads    maximum threads of the engine's compute pool
 * @param computeQueue      queued compute tasks beyond which submissions fail fast (503 over HTTP)
 * @param backlogDegraded   ring backlog above which the engine reports DEGRADED
 * @param config            engine settings
 */
public record HostSettings(HttpSettings http, String dbUrl, String dataDir, int computeThreads, int computeQueue,
                           long backlogDegraded, EngineConfig config) {
    public HostSettings {
        if (computeThreads < 1) {
            throw new IllegalArgumentException("computeThreads must be >= 1, got " + computeThreads);
        }
        if (computeQueue < 1) {
            throw new IllegalArgumentException("computeQueue must be >= 1, got " + computeQueue);
        }
        dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
        config = config == null ? EngineConfig.empty() : config;
    }

    /** Defaults: no HTTP, SQLite under ./data, a compute pool sized to the machine. */
    public static HostSettings defaults() {
        return new HostSettings(null, null, "./data", Math.max(2, Runtime.getRuntime().availableProcessors()), 64,
                50_000, EngineConfig.empty());
    }

    public HostSettings withHttp(HttpSettings settings) {
        return new HostSettings(settings, dbUrl, dataDir, computeThreads, computeQueue, backlogDegraded, config);
    }

    public HostSettings withDataDir(String dir) {
        return new HostSettings(http, dbUrl, dir, computeThreads, computeQueue, backlogDegraded, config);
    }

    public HostSettings withDbUrl(String url) {
        return new HostSettings(http, url, dataDir, computeThreads, computeQueue, backlogDegraded, config);
    }

    public HostSettings withConfig(EngineConfig cfg) {
        return new HostSettings(http, dbUrl, dataDir, computeThreads, computeQueue, backlogDegraded, cfg);
    }
}
