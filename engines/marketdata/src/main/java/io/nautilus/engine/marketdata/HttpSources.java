package io.nautilus.engine.marketdata;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The source names HTTP clients may ingest under (a JSON record's {@code source}, the CSV route's
 * {@code ?source=}), one check for both routes: 1-32 characters of letters, digits and {@code _ : -}; not the name of
 * one of the engine's own sources ({@code simulator}, {@code replay}: a client must not pose as them and win or
 * lose their arbitration); and at most {@code maxSources} distinct names besides the default {@code http} (always
 * admitted, so clients that give no source keep working) over the engine's life, because the pipeline registers
 * every source it sees for good and keeps per-source state for every symbol. Thread-safe:
 * HTTP threads only (the admission of a new name takes a lock; a known name does not).
 */
final class HttpSources {
    /** Source name of records that do not give one. */
    static final String DEFAULT_SOURCE = "http";
    /** Default of {@code marketdata.ingest.max-sources}. */
    static final int DEFAULT_MAX_SOURCES = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_:\\-]{1,32}");

    /** Why a name was refused: {@code full} is the cap (HTTP 422), the others a bad name (HTTP 400). */
    record Refusal(boolean full, String message) {
    }

    private final Set<String> internal;
    private final int maxSources;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    /**
     * @param internal   names of the engine's own sources, refused from HTTP
     * @param maxSources distinct names admitted from HTTP besides {@code http}, &gt;= 1
     */
    HttpSources(Set<String> internal, int maxSources) {
        if (maxSources < 1) {
            throw new IllegalArgumentException("setting marketdata.ingest.max-sources must be >= 1, got " + maxSources);
        }
        this.internal = Set.copyOf(internal);
        this.maxSources = maxSources;
        admitted.add(DEFAULT_SOURCE);
    }

    /** Pattern check only (no reservation, no cap): for parsing outside the engine, e.g. tests. */
    static String formatProblem(String name) {
        return NAME.matcher(name).matches() ? null
                : "source must be 1-32 characters of letters, digits and _ : -, got '" + name + "'";
    }

    /**
     * Admits {@code name} (already trimmed) for ingestion, registering it when new; returns null when admitted, else
     * why not (the message starts with "source").
     */
    Refusal admit(String name) {
        if (admitted.contains(name)) {
            return null;
        }
        String problem = formatProblem(name);
        if (problem != null) {
            return new Refusal(false, problem);
        }
        if (internal.contains(name)) {
            return new Refusal(false, "source '" + name + "' is reserved for the engine's own sources "
                    + new TreeSet<>(internal) + "; give another name");
        }
        synchronized (this) {
            if (admitted.size() - 1 >= maxSources && !admitted.contains(name)) {
                var taken = new TreeSet<>(admitted);
                taken.remove(DEFAULT_SOURCE);
                return new Refusal(true, "source '" + name + "' would be a new source, but all " + maxSources
                        + " allowed (setting marketdata.ingest.max-sources) are taken: " + taken
                        + "; ingest under one of them");
            }
            admitted.add(name);
        }
        return null;
    }

}
