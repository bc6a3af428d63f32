package io.nautilus.core.engine;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Engine settings as key/value strings (from {@code --config} properties and {@code -Dnautilus.<key>} system
 * properties, resolved by the launcher). Keys are dotted, e.g.
 * {@code marketdata.simulator.rate}. Immutable and thread-safe; typed getters fail fast naming the key.
 */
public final class EngineConfig {
    private final Map<String, String> values;
    /** Keys some getter asked for, so the launcher can point out settings nothing reads (typos). */
    private final java.util.Set<String> read = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public EngineConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The given keys that no getter has asked for so far, in key order. */
    public java.util.List<String> unread() {
        return values.keySet().stream().filter(k -> !read.contains(k)).toList();
    }

    /** Every key a getter has asked for so far (given or not). */
    public java.util.Set<String> readKeys() {
        return java.util.Set.copyOf(read);
    }

    private String raw(String key) {
        read.add(key);
        return values.get(key);
    }

    /** No settings: every getter returns its default. */
    public static EngineConfig empty() {
        return new EngineConfig(Map.of());
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String string(String key, String defaultValue) {
        String v = raw(key);
        return v == null || v.isBlank() ? defaultValue : v.trim();
    }

    public int integer(String key, int defaultValue) {
        String v = raw(key);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be an integer, got '" + v + "'");
        }
    }

    public double number(String key, double defaultValue) {
        String v = raw(key);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a finite number, got '" + v + "'");
        }
    }

    public boolean flag(String key, boolean defaultValue) {
        String v = raw(key);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("setting " + key + " must be true or false, got '" + v + "'");
        };
    }

    /** A copy with one more setting (for tests and embedding). */
    public EngineConfig with(String key, String value) {
        var m = new TreeMap<>(values);
        m.put(key, value);
        return new EngineConfig(m);
    }
}
