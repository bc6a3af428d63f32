package io.nautilus.engine.features.stream;

import io.nautilus.core.model.Bar;
import io.nautilus.core.model.FeatureVector;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Streaming feature vectors for many symbols and bar intervals: one {@link SymbolFeatures} per (interval,
 * symbol), created on the first bar with the set the current {@link FeatureConfig} resolves for the symbol,
 * annualized for the interval. The configuration is read through a supplier on every bar (a volatile read);
 * when its version changed, a symbol's state is rebuilt only if its resolved set changed, which restarts that
 * symbol's warm-up. Allocates nothing per bar beyond the returned vector. Mutable, not thread-safe: owned by
 * one thread (the engine's ring thread).
 */
public final class FeatureStream {

    private final Supplier<FeatureConfig> config;
    private final ZoneId sessionZone;
    private final Map<String, Double> periodsPerYear;
    private final Map<String, Map<String, Entry>> byInterval = new HashMap<>();
    private long refused;
    private int streams;

    private static final class Entry {
        SymbolFeatures state;
        long version;
    }

    /**
     * @param config         current configuration (read on every bar)
     * @param sessionZone    zone whose calendar days delimit VWAP sessions
     * @param periodsPerYear bars per year of each interval this stream accepts
     */
    public FeatureStream(Supplier<FeatureConfig> config, ZoneId sessionZone, Map<String, Double> periodsPerYear) {
        this.config = config;
        this.sessionZone = sessionZone;
        this.periodsPerYear = Map.copyOf(periodsPerYear);
        for (String interval : periodsPerYear.keySet()) {
            byInterval.put(interval, new HashMap<>());
        }
    }

    /**
     * Feeds a bar to its symbol's state.
     *
     * @return the feature vector, or {@code null} when the interval is not configured, the bar is out of order,
     *         or no feature has a value yet
     */
    public FeatureVector onBar(Bar bar) {
        Map<String, Entry> symbols = byInterval.get(bar.interval());
        if (symbols == null) {
            refused++;
            return null;
        }
        FeatureConfig current = config.get();
        Entry entry = symbols.get(bar.symbol());
        if (entry == null) {
            entry = new Entry();
            symbols.put(bar.symbol(), entry);
            streams++;
        }
        if (entry.state == null || entry.version != current.version()) {
            FeatureSet wanted = current.resolve(bar.symbol()).annualizedFor(periodsPerYear.get(bar.interval()));
            if (entry.state == null || !entry.state.features().equals(wanted)) {
                entry.state = new SymbolFeatures(bar.symbol(), bar.interval(), wanted, sessionZone);
            }
            entry.version = current.version();
        }
        FeatureVector vector = entry.state.onBar(bar);
        if (vector == null) {
            refused++;
            return null;
        }
        return vector.values().isEmpty() ? null : vector;
    }

    /** Bars refused so far: unconfigured interval or out of order. */
    public long refused() {
        return refused;
    }

    /** Number of (interval, symbol) streams. */
    public int streams() {
        return streams;
    }
}
