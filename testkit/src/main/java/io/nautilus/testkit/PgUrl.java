package io.nautilus.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A PostgreSQL JDBC URL taken apart: {@code jdbc:postgresql://host[:port]/database[?key=value&...]}. Immutable.
 *
 * @param host     host name or address
 * @param port     TCP port (5432 when the URL has none)
 * @param database database name
 * @param params   query parameters in URL order ({@code user}, {@code password}, ...)
 */
record PgUrl(String host, int port, String database, Map<String, String> params) {

    private static final String PREFIX = "jdbc:postgresql://";

    PgUrl {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    static PgUrl parse(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("expected a URL like jdbc:postgresql://127.0.0.1:5432/test?user=postgres, got '" + url + "'");
        }
        String rest = url.substring(PREFIX.length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 ? rest.substring(slash + 1) : "";
        if (hostPort.isEmpty() || database.isEmpty()) {
            throw new IllegalArgumentException("the URL must name a host and a database, got '" + url + "'");
        }
        int colon = hostPort.lastIndexOf(':');
        String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
        int port = colon >= 0 ? Integer.parseInt(hostPort.substring(colon + 1)) : 5432;
        var params = new LinkedHashMap<String, String>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            params.put(eq >= 0 ? pair.substring(0, eq) : pair, eq >= 0 ? pair.substring(eq + 1) : "");
        }
        return new PgUrl(host, port, database, params);
    }

    /** The user named in the URL, or null. */
    String user() {
        return params.get("user");
    }

    PgUrl withDatabase(String name) {
        return new PgUrl(host, port, name, params);
    }

    PgUrl withUser(String user) {
        return withParam("user", user);
    }

    PgUrl withParam(String key, String value) {
        var p = new LinkedHashMap<>(params);
        p.put(key, value);
        return new PgUrl(host, port, database, p);
    }

    @Override
    public String toString() {
        String query = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return PREFIX + host + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }
}
