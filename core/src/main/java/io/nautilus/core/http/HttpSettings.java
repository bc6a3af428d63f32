package io.nautilus.core.http;

/**
 * How an engine's HTTP server runs. Immutable.
 *
 * @param host                   bind address (127.0.0.1 in all-in-one, 0.0.0.0 in containers)
 * @param port                   port, 0 for an ephemeral port (tests)
 * @param maxRequestBytes        largest accepted request body; larger bodies get 413
 * @param apiToken               bearer token required on mutating requests, or {@code null} for none
 * @param maxConcurrentRequests  the engine's HTTP bulkhead: requests beyond this get 503 + Retry-After
 */
public record HttpSettings(String host, int port, long maxRequestBytes, String apiToken, int maxConcurrentRequests) {
    public static final long DEFAULT_MAX_REQUEST_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 256;

    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes must be >= 1024, got " + maxRequestBytes);
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be >= 1, got " + maxConcurrentRequests);
        }
        apiToken = apiToken == null || apiToken.isBlank() ? null : apiToken;
    }

    /** Loopback, the given port, defaults otherwise, no token. */
    public static HttpSettings local(int port) {
        return new HttpSettings("127.0.0.1", port, DEFAULT_MAX_REQUEST_BYTES, null, DEFAULT_MAX_CONCURRENT_REQUESTS);
    }

    public HttpSettings withToken(String token) {
        return new HttpSettings(host, port, maxRequestBytes, token, maxConcurrentRequests);
    }

    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, maxRequestBytes, apiToken, maxConcurrentRequests);
    }
}
