package io.nautilus.core.model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one parser of {@link WireName} enums: case-insensitive, {@code -} and {@code _} alike, aliases accepted;
 * an unknown name fails naming the field and listing the names allowed. The lookup table of each enum is built
 * once. Thread-safe.
 */
public final class WireNames {
    private static final ClassValue<Map<String, Object>> TABLES = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            var m = new HashMap<String, Object>();
            for (Object c : type.getEnumConstants()) {
                WireName w = (WireName) c;
                m.put(key(w.wireName()), c);
                m.put(key(((Enum<?>) c).name()), c);
                for (String alias : w.aliases()) {
                    m.put(key(alias), c);
                }
            }
            return Map.copyOf(m);
        }
    };

    private WireNames() {
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * The constant of {@code type} named {@code raw}.
     *
     * @throws IllegalArgumentException naming {@code field} and the allowed names if {@code raw} names none
     */
    public static <E extends Enum<E> & WireName> E parse(Class<E> type, String field, String raw) {
        Object c = raw == null ? null : TABLES.get(type).get(key(raw));
        if (c == null) {
            throw new IllegalArgumentException(field + " must be one of " + names(type) + ", got '"
                    + Checks.shorten(raw) + "'");
        }
        return type.cast(c);
    }

    /** The wire names of {@code type}, in declaration order. */
    public static <E extends Enum<E> & WireName> List<String> names(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(WireName::wireName).toList();
    }
}
