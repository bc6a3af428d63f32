package io.nautilus.bus.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Subscriptions indexed by pattern tokens, matched by walking the topic's tokens (never a regex or a scan of all
 * patterns). {@code *} matches one token, {@code >} one or more trailing tokens. Not thread-safe: the bus guards
 * it with its lock and caches match results per topic.
 */
final class TopicTrie {
    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        Node star;
        final List<Sub<?>> tail = new ArrayList<>();   // subscriptions ending in '>' at this level
        final List<Sub<?>> here = new ArrayList<>();   // subscriptions ending exactly here
    }

    private final Node root = new Node();
    private int size;

    void add(Sub<?> sub) {
        Node n = root;
        String[] tokens = sub.pattern.split("\\.");
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.equals(">")) {
                n.tail.add(sub);
                size++;
                return;
            }
            if (t.equals("*")) {
                if (n.star == null) {
                    n.star = new Node();
                }
                n = n.star;
            } else {
                n = n.children.computeIfAbsent(t, k -> new Node());
            }
        }
        n.here.add(sub);
        size++;
    }

    boolean remove(Sub<?> sub) {
        boolean removed = remove(root, sub.pattern.split("\\."), 0, sub);
        if (removed) {
            size--;
        }
        return removed;
    }

    private static boolean remove(Node n, String[] tokens, int i, Sub<?> sub) {
        if (n == null) {
            return false;
        }
        if (i == tokens.length) {
            return n.here.remove(sub);
        }
        String t = tokens[i];
        if (t.equals(">")) {
            return n.tail.remove(sub);
        }
        return remove(t.equals("*") ? n.star : n.children.get(t), tokens, i + 1, sub);
    }

    int size() {
        return size;
    }

    /** Every subscription matching the concrete topic, in no particular order, without duplicates. */
    List<Sub<?>> match(String topic) {
        var out = new ArrayList<Sub<?>>();
        match(root, topic.split("\\."), 0, out);
        return out;
    }

    private static void match(Node n, String[] tokens, int i, List<Sub<?>> out) {
        if (i == tokens.length) {
            out.addAll(n.here);
            return;
        }
        out.addAll(n.tail);
        Node exact = n.children.get(tokens[i]);
        if (exact != null) {
            match(exact, tokens, i + 1, out);
        }
        if (n.star != null) {
            match(n.star, tokens, i + 1, out);
        }
    }
}
