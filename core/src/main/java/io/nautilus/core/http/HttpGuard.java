package io.nautilus.core.http;

import io.javalin.http.Context;
import io.nautilus.core.model.Checks;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the server checks before any route runs, against requests a web page could make a browser send:
 * <ul>
 *   <li><b>Host</b> (DNS rebinding: a page whose name was re-pointed at 127.0.0.1 reads and trades as a same-origin
 *   page): the {@code Host} name must be an IP literal, {@code localhost} or {@code *.localhost}, the bind address,
 *   this machine's name, or one of {@link HttpSettings#allowedHosts()}; otherwise 421. {@code /health} and
 *   {@code /metrics} are exempt (probes and scrapers use service names).</li>
 *   <li><b>Origin</b> (cross-site request forgery: any page can POST {@code text/plain} to localhost): a
 *   state-changing request (POST/PUT/PATCH/DELETE, or a route marked {@link EngineHttpServer.Access#STATE_CHANGING})
 *   that carries an {@code Origin} header, or else a {@code Referer}, must come from the engine's own origin
 *   ({@code http://<Host>}) or one of {@link HttpSettings#allowedOrigins()}; otherwise 403. Requests with neither
 *   header (curl, scripts, other services) pass: browsers always send {@code Origin} on cross-origin POSTs.</li>
 *   <li><b>Content type</b>: a state-changing request with a body must say it is JSON ({@code application/json} or
 *   {@code application/*+json}) or CSV ({@code text/csv}, the bulk upload routes); otherwise 415. JSON routes also
 *   refuse CSV ({@link Bodies#json}). Neither is a type a page can send cross-site without a CORS preflight, which
 *   the engines never grant.</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class HttpGuard {
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final Set<String> hosts;
    private final boolean anyHost;
    private final Set<String> origins;
    private final boolean anyOrigin;

    HttpGuard(HttpSettings settings) {
        var h = new HashSet<>(settings.allowedHosts());
        h.add("localhost");
        h.add(settings.host().toLowerCase(Locale.ROOT));
        try {
            h.add(java.net.InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (java.io.IOException | RuntimeException e) {
            // no resolvable machine name: the other names still apply
        }
        this.hosts = Set.copyOf(h);
        this.anyHost = h.contains("*");
        this.origins = settings.allowedOrigins();
        this.anyOrigin = origins.contains("*");
    }

    /** Whether a request of this method changes state. */
    static boolean mutating(String method) {
        return MUTATING.contains(method);
    }

    /** 421 unless the Host header names this server. */
    void checkHost(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || anyHost) {
            return;
        }
        String name = hostName(host);
        if (name == null || !(isIpLiteral(name) || hosts.contains(name) || name.endsWith(".localhost"))) {
            throw new ProblemException(421, "Misdirected Request", "this server does not answer for the host '"
                    + Checks.shorten(host) + "'; use its address or localhost, or add the name to the setting "
                    + "http.allowed_hosts", List.of(new FieldError("Host", "is not a name of this server")), Map.of());
        }
    }

    /** 403 unless the request's Origin (or Referer) is the engine's own origin or an allowed one. */
    void checkOrigin(Context ctx) {
        String header = "Origin";
        String raw = ctx.header("Origin");
        if (raw == null) {
            header = "Referer";
            raw = ctx.header("Referer");
        }
        if (raw == null || anyOrigin) {
            return;
        }
        String from = origin(raw);
        String host = ctx.header("Host");
        String own = host == null ? null : origin(ctx.scheme() + "://" + host);
        if (from == null || !(from.equals(own) || origins.contains(from))) {
            throw new ProblemException(403, "Forbidden", "a state-changing request from the web page at '"
                    + Checks.shorten(raw) + "' is refused: only the engine's own origin"
                    + (own == null ? "" : " (" + Checks.shorten(own) + ")")
                    + " and the origins of the setting http.allowed_origins may change state",
                    List.of(new FieldError(header, "is not an allowed origin")), Map.of());
        }
    }

    /** 415 unless a state-changing request's body, if any, is JSON or CSV. */
    void checkContentType(Context ctx) {
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        String type = ctx.header("Content-Type");
        if (hasBody && !isJson(type) && !mediaType(type).equals("text/csv")) {
            throw unsupportedMediaType(type);
        }
    }

    static ProblemException unsupportedMediaType(String type) {
        return new ProblemException(415, "Unsupported Media Type", "the request body must be JSON: send the header "
                + "'Content-Type: application/json' (CSV upload routes take 'text/csv'), got "
                + (type == null ? "no Content-Type" : "'" + Checks.shorten(type) + "'"),
                List.of(new FieldError("Content-Type", "must be application/json")), Map.of());
    }

    /** Whether a Content-Type header says JSON. */
    static boolean isJson(String contentType) {
        String t = mediaType(contentType);
        return t.equals("application/json") || (t.startsWith("application/") && t.endsWith("+json"));
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The origin ({@code scheme://host[:port]}, lower-case, default port left out) of an Origin value or a URL, or
     * null if it has none (including the opaque origin {@code null}).
     */
    static String origin(String url) {
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme();
            String host = u.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = u.getPort();
            boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The name of a Host header value without its port, lower-case; IPv6 literals keep their brackets. */
    static String hostName(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static boolean isIpLiteral(String name) {
        if (name.startsWith("[")) {
            return true;
        }
        int dots = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }
}
