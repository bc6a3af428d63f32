package io.nautilus.engine.features.stream;

import io.nautilus.core.model.Checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which feature set each symbol gets: a per-symbol override wins, else the universe the symbol belongs to,
 * else the default set. A symbol belongs to at most one universe, so resolution is unambiguous. Each change
 * returns a new configuration with {@link #version()} one higher, which streaming state compares to notice
 * changes without locks. Immutable and thread-safe.
 *
 * @param defaultSet the set of every symbol not otherwise configured
 * @param universes  universes by name
 * @param symbols    per-symbol overrides by symbol
 * @param version    increases by one with every change
 */
public record FeatureConfig(FeatureSet defaultSet, Map<String, Universe> universes, Map<String, FeatureSet> symbols,
                            long version) {

    public FeatureConfig {
        if (defaultSet == null) {
            throw new IllegalArgumentException("default feature set must be non-null");
        }
        universes = Collections.unmodifiableMap(new TreeMap<>(universes));
        symbols = Collections.unmodifiableMap(new TreeMap<>(symbols));
        List<String> overlap = overlaps(universes);
        if (!overlap.isEmpty()) {
            throw new IllegalArgumentException("symbols " + overlap + " belong to more than one universe");
        }
    }

    /** The standard set for every symbol, no universes, no overrides, version 0. */
    public static FeatureConfig standard() {
        return new FeatureConfig(FeatureSet.standard(), Map.of(), Map.of(), 0);
    }

    /** The set {@code symbol} gets. */
    public FeatureSet resolve(String symbol) {
        FeatureSet own = symbols.get(symbol);
        if (own != null) {
            return own;
        }
        return universeOf(symbol).map(Universe::features).orElse(defaultSet);
    }

    /** The universe {@code symbol} belongs to, if any. */
    public Optional<Universe> universeOf(String symbol) {
        for (Universe u : universes.values()) {
            if (u.symbols().contains(symbol)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** Symbols of {@code universe} that already belong to another universe (a conflict when non-empty). */
    public List<String> conflicts(Universe universe) {
        List<String> out = new ArrayList<>();
        for (String s : universe.symbols()) {
            universeOf(s).filter(u -> !u.name().equals(universe.name())).ifPresent(u -> out.add(s + " (in " + u.name() + ")"));
        }
        return out;
    }

    public FeatureConfig withDefault(FeatureSet set) {
        return new FeatureConfig(set, universes, symbols, version + 1);
    }

    /** Adds or replaces a universe; {@link IllegalArgumentException} when {@link #conflicts} is non-empty. */
    public FeatureConfig withUniverse(Universe universe) {
        var u = new TreeMap<>(universes);
        u.put(universe.name(), universe);
        return new FeatureConfig(defaultSet, u, symbols, version + 1);
    }

    public FeatureConfig withoutUniverse(String name) {
        var u = new TreeMap<>(universes);
        u.remove(name);
        return new FeatureConfig(defaultSet, u, symbols, version + 1);
    }

    public FeatureConfig withSymbol(String symbol, FeatureSet set) {
        Checks.validSymbol("symbol", symbol);
        var s = new TreeMap<>(symbols);
        s.put(symbol, set);
        return new FeatureConfig(defaultSet, universes, s, version + 1);
    }

    public FeatureConfig withoutSymbol(String symbol) {
        var s = new TreeMap<>(symbols);
        s.remove(symbol);
        return new FeatureConfig(defaultSet, universes, s, version + 1);
    }

    private static List<String> overlaps(Map<String, Universe> universes) {
        var seen = new TreeMap<String, String>();
        List<String> out = new ArrayList<>();
        for (Universe u : universes.values()) {
            for (String s : u.symbols()) {
                if (seen.putIfAbsent(s, u.name()) != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
