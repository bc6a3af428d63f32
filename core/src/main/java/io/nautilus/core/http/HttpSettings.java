package io.nautilus.core.http;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an engine's HTTP server runs. Immutable.
 *
 * @param host                   bind address (127.0.0.1 in all-in-one, 0.0.0.0 in containers)
 * @param port                   port, 0 for an ephemeral port (tests)
 * @param maxRequestBytes        largest accepted request body; larger bodies get 413
 * @param apiToken               bearer token required on mutating requests, or {@code null} for none
 * @param maxConcurrentRequests  the engine's HTTP bulkhead: requests beyond this get 503 + Retry-After
 * @param allowedHosts           host names (lower-case, no port) accepted in the {@code Host} header besides IP
 *                               literals, {@code localhost}, {@code *.localhost}, the bind address and this machine's
 *                               name ({@code *} accepts any); see {@link HttpGuard}
 * @param allowedOrigins         origins ({@code scheme://host[:port]}, lower-case) whose pages may send
 *                               state-changing requests besides the engine's own origin ({@code *} accepts any)
 */
public record HttpSettings(String host, int port, long maxRequestBytes, String apiToken, int maxConcurrentRequests,
                           Set<String> allowedHosts, Set<String> allowedOrigins) {
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
        allowedHosts = normalized("allowed_hosts", allowedHosts, false);
        allowedOrigins = normalized("allowed_origins", allowedOrigins, true);
    }

    /** No names or origins allowed beyond the defaults. */
    public HttpSettings(String host, int port, long maxRequestBytes, String apiToken, int maxConcurrentRequests) {
        this(host, port, maxRequestBytes, apiToken, maxConcurrentRequests, Set.of(), Set.of());
    }

    /** Loopback, the given port, defaults otherwise, no token. */
    public static HttpSettings local(int port) {
        return new HttpSettings("127.0.0.1", port, DEFAULT_MAX_REQUEST_BYTES, null, DEFAULT_MAX_CONCURRENT_REQUESTS);
    }

    public HttpSettings withToken(String token) {
        return new HttpSettings(host, port, maxRequestBytes, token, maxConcurrentRequests, allowedHosts, allowedOrigins);
    }

    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, maxRequestBytes, apiToken, maxConcurrentRequests, allowedHosts, allowedOrigins);
    }

    /** The same settings accepting these extra {@code Host} names ({@code http.allowed_hosts}). */
    public HttpSettings withAllowedHosts(Set<String> hosts) {
        return new HttpSettings(host, port, maxRequestBytes, apiToken, maxConcurrentRequests, hosts, allowedOrigins);
    }

    /** The same settings accepting state-changing requests from these origins ({@code http.allowed_origins}). */
    public HttpSettings withAllowedOrigins(Set<String> origins) {
        return new HttpSettings(host, port, maxRequestBytes, apiToken, maxConcurrentRequests, allowedHosts, origins);
    }

    /**
     * A comma-separated setting as a set ({@code "a.example, b.example"}); blank gives the empty set.
     */
    public static Set<String> list(String commaSeparated) {
        var out = new TreeSet<String>();
        if (commaSeparated != null) {
            for (String s : commaSeparated.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private static Set<String> normalized(String name, Set<String> values, boolean origins) {
        if (values == null) {
            return Set.of();
        }
        var out = new TreeSet<String>();
        for (String v : values) {
            String s = v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
            if (s.equals("*")) {
                out.add(s);
                continue;
            }
            if (origins) {
                String o = HttpGuard.origin(s);
                if (o == null) {
                    throw new IllegalArgumentException("http." + name + " entries must be origins like "
                            + "https://app.example:8443 (scheme://host[:port]) or *, got '"
                            + io.nautilus.core.model.Checks.shorten(v) + "'");
                }
                out.add(o);
            } else {
                if (s.isEmpty() || !s.matches("[a-z0-9.\\-\\[\\]:_]+")) {
                    throw new IllegalArgumentException("http." + name + " entries must be host names like "
                            + "nautilus.internal (no scheme, no port) or *, got '" + io.nautilus.core.model.Checks.shorten(v) + "'");
                }
                out.add(s);
            }
        }
        return Set.copyOf(out);
    }
}
