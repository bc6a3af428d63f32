package io.nautilus.engine.features.stream;

import io.nautilus.core.model.Checks;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A named group of symbols sharing one feature set. Immutable and thread-safe.
 *
 * @param name     universe name: 1-64 letters, digits, {@code -} or {@code _}
 * @param symbols  member symbols (at least one), kept sorted
 * @param features the feature set of every member without a symbol-level override
 */
public record Universe(String name, Set<String> symbols, FeatureSet features) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public Universe {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-64 letters, digits, - or _, got '" + name + "'");
        }
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols must list at least one symbol");
        }
        for (String s : symbols) {
            Checks.validSymbol("symbols", s);
        }
        symbols = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(symbols));
        if (features == null) {
            throw new IllegalArgumentException("indicators must list at least one indicator");
        }
    }
}
