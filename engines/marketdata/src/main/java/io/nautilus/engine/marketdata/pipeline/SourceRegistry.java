package io.nautilus.engine.marketdata.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Source names to small integer ids, in order of first sight, with a priority rank: a configured source ranks by
 * its position in the priority list (0 = preferred); a source not on the list ranks after every listed one, in
 * order of first sight. Not thread-safe: owned by the ring thread.
 */
public final class SourceRegistry {
    private final List<String> priority;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private int[] ranks = new int[8];
    private String lastName;
    private int lastId = -1;

    /** @param priority source names, most preferred first */
    public SourceRegistry(List<String> priority) {
        this.priority = List.copyOf(priority);
    }

    /** The id of {@code name}, registering it on first sight. */
    public int id(String name) {
        if (name == lastName) { // identity: sources pass the same String instance for every record
            return lastId;
        }
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            names.add(name);
            ids.put(name, id);
            if (id >= ranks.length) {
                ranks = java.util.Arrays.copyOf(ranks, ranks.length * 2);
            }
            int p = priority.indexOf(name);
            ranks[id] = p >= 0 ? p : priority.size() + id;
        }
        lastName = name;
        lastId = id;
        return id;
    }

    /** The id of {@code name}, or -1 when it was never seen (nothing is registered). */
    public int find(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    /** Rank of a registered source, lower is preferred. */
    public int rank(int id) {
        return ranks[id];
    }

    /** Name of a registered source. */
    public String name(int id) {
        return names.get(id);
    }

    /** Number of registered sources. */
    public int size() {
        return names.size();
    }
}
