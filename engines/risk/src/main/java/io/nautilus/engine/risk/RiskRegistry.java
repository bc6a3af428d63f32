package io.nautilus.engine.risk;

import io.nautilus.engine.risk.control.OrderControls;
import io.nautilus.engine.risk.control.TradingState;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.SymbolInfo;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configured state of the risk engine: limits, order controls and trading states by portfolio ({@code *} =
 * every portfolio), capital by portfolio and posted reference data. Each is an immutable map behind a volatile
 * reference: the ring thread and HTTP readers see a consistent snapshot without locks; writers (HTTP handlers)
 * are serialized, persist the change with its audit entry, then swap the snapshot. Thread-safe.
 */
final class RiskRegistry {
    static final String ALL = "*";

    private final RiskStore store;
    private final OrderControls defaultControls;
    private final Object writeLock = new Object();
    private volatile Map<String, LimitDefinition> limits = Map.of();
    private volatile Map<String, OrderControls> controls = Map.of();
    private volatile Map<String, TradingState> states = Map.of();
    private volatile Map<String, Double> capital = Map.of();
    private volatile Map<String, SymbolInfo> reference = Map.of();

    RiskRegistry(RiskStore store, OrderControls defaultControls) {
        this.store = store;
        this.defaultControls = defaultControls;
    }

    /**
     * Loads everything from the store (at start). A record that no longer reads or validates is skipped and
     * reported ({@link RiskStore#skip}), never fatal.
     */
    void load() {
        var l = new TreeMap<String, LimitDefinition>();
        store.loadLimits().forEach(d -> l.put(d.limitId(), d));
        limits = Collections.unmodifiableMap(l);
        var c = new HashMap<String, OrderControls>();
        var s = new HashMap<String, TradingState>();
        var k = new HashMap<String, Double>();
        for (var e : store.loadSettings().entrySet()) {
            String key = e.getKey();
            String id = key.substring(key.indexOf(':') + 1);
            String kind = key.substring(0, Math.max(0, key.indexOf(':')));
            try {
                switch (kind) {
                    case "controls" -> c.put(id, StoredRecords.read(e.getValue(), StoredRecords.Controls.class)
                            .toControls());
                    case "state" -> s.put(id, StoredRecords.read(e.getValue(), StoredRecords.State.class).toState());
                    case "capital" -> k.put(id, StoredRecords.read(e.getValue(), StoredRecords.Capital.class).toAmount());
                    default -> store.skip("setting", key, "unknown setting kind '" + kind + "'");
                }
            } catch (RuntimeException ex) {
                store.skip(kind.isEmpty() ? "setting" : kind, id, ex.getMessage());
            }
        }
        controls = Map.copyOf(c);
        states = Map.copyOf(s);
        capital = Map.copyOf(k);
        reference = Map.copyOf(store.loadReference());
    }

    Map<String, LimitDefinition> limits() {
        return limits;
    }

    Map<String, SymbolInfo> reference() {
        return reference;
    }

    Map<String, Double> capital() {
        return capital;
    }

    Map<String, TradingState> states() {
        return states;
    }

    /** The controls of a portfolio: its own, else those set for {@code *}, else the configured defaults. */
    OrderControls controls(String portfolioId) {
        Map<String, OrderControls> c = controls;
        OrderControls own = c.get(portfolioId);
        if (own != null) {
            return own;
        }
        OrderControls all = c.get(ALL);
        return all != null ? all : defaultControls;
    }

    /** The stricter of the portfolio's state and the global one. */
    TradingState state(String portfolioId) {
        Map<String, TradingState> s = states;
        return s.getOrDefault(portfolioId, TradingState.ACTIVE).strictest(s.getOrDefault(ALL, TradingState.ACTIVE));
    }

    /**
     * Creates, replaces or deletes ({@code next == null}) a limit. Returns the previous definition or
     * {@code null}.
     */
    LimitDefinition putLimit(String limitId, LimitDefinition next, String action, String actor, long tsNanos) {
        synchronized (writeLock) {
            LimitDefinition previous = limits.get(limitId);
            store.writeLimit(limitId, previous, next, action, actor, tsNanos);
            limits = swap(limits, limitId, next);
            return previous;
        }
    }

    void putControls(String portfolioId, OrderControls next, String actor, long tsNanos) {
        synchronized (writeLock) {
            OrderControls previous = controls.get(portfolioId);
            store.writeSetting("controls", portfolioId, previous == null ? null
                            : StoredRecords.write(StoredRecords.Controls.of(previous)),
                    StoredRecords.write(StoredRecords.Controls.of(next)), actor, tsNanos);
            controls = swap(controls, portfolioId, next);
        }
    }

    void putState(String portfolioId, TradingState next, String reason, String actor, long tsNanos) {
        synchronized (writeLock) {
            TradingState previous = states.get(portfolioId);
            store.writeSetting("state", portfolioId, previous == null ? null
                            : StoredRecords.write(new StoredRecords.State(previous.wireName(), null)),
                    StoredRecords.write(new StoredRecords.State(next.wireName(), reason)), actor, tsNanos);
            states = swap(states, portfolioId, next);
        }
    }

    void putCapital(String portfolioId, double amount, String actor, long tsNanos) {
        synchronized (writeLock) {
            Double previous = capital.get(portfolioId);
            store.writeSetting("capital", portfolioId, previous == null ? null
                    : StoredRecords.write(new StoredRecords.Capital(previous)),
                    StoredRecords.write(new StoredRecords.Capital(amount)), actor, tsNanos);
            capital = swap(capital, portfolioId, amount);
        }
    }

    void putReference(Map<String, SymbolInfo> changes, String actor, long tsNanos) {
        synchronized (writeLock) {
            store.writeReference(changes, reference, actor, tsNanos);
            var next = new HashMap<>(reference);
            next.putAll(changes);
            reference = Map.copyOf(next);
        }
    }

    private static <V> Map<String, V> swap(Map<String, V> current, String key, V value) {
        var next = new TreeMap<>(current);
        if (value == null) {
            next.remove(key);
        } else {
            next.put(key, value);
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(next));
    }
}
