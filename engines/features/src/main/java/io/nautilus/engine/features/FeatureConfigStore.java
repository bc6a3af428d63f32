package io.nautilus.engine.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nautilus.core.store.Migration;
import io.nautilus.core.store.Store;
import io.nautilus.core.store.StoreException;
import io.nautilus.core.time.Clock;
import io.nautilus.core.quant.indicator.IndicatorRequest;
import io.nautilus.engine.features.stream.FeatureConfig;
import io.nautilus.engine.features.stream.FeatureSet;
import io.nautilus.engine.features.stream.Universe;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Durable feature-set configuration in table {@code features_feature_set}: one row per scope and name
 * ({@code default/default}, {@code universe/<name>}, {@code symbol/<SYM>}) with the symbols and indicator
 * requests as JSON text. Thread-safe (the store is).
 */
final class FeatureConfigStore {

    private static final String DEFAULT = "default";
    private static final String UNIVERSE = "universe";
    private static final String SYMBOL = "symbol";
    private static final TypeReference<List<IndicatorRequest>> REQUESTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> SYMBOLS = new TypeReference<>() {
    };
    /**
     * The store's own encoding of its columns ({@code [{"name":"rsi","params":{"period":14.0}}]}, {@code ["AAPL"]}),
     * not the HTTP mapper: the database format does not follow the wire format.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Store store;
    private final Clock clock;

    FeatureConfigStore(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void migrate() {
        store.migrate("features", List.of(Migration.of(1,
                "CREATE TABLE features_feature_set (scope TEXT NOT NULL, name TEXT NOT NULL, symbols TEXT NOT NULL,"
                        + " indicators TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (scope, name))")));
    }

    /** The stored configuration, or the standard one where nothing is stored. */
    FeatureConfig load() {
        return store.inTransaction(c -> {
            FeatureSet defaultSet = FeatureSet.standard();
            Map<String, Universe> universes = new HashMap<>();
            Map<String, FeatureSet> symbols = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT scope, name, symbols, indicators FROM features_feature_set");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String scope = rs.getString(1);
                    String name = rs.getString(2);
                    FeatureSet set = new FeatureSet(read(rs.getString(4), REQUESTS));
                    switch (scope) {
                        case DEFAULT -> defaultSet = set;
                        case UNIVERSE -> universes.put(name, new Universe(name,
                                new LinkedHashSet<>(read(rs.getString(3), SYMBOLS)), set));
                        case SYMBOL -> symbols.put(name, set);
                        default -> throw new StoreException("unknown feature-set scope '" + scope + "'", null);
                    }
                }
            }
            return new FeatureConfig(defaultSet, universes, symbols, 0);
        });
    }

    void saveDefault(FeatureSet set) {
        upsert(DEFAULT, DEFAULT, List.of(), set);
    }

    void saveUniverse(Universe universe) {
        upsert(UNIVERSE, universe.name(), List.copyOf(universe.symbols()), universe.features());
    }

    void saveSymbol(String symbol, FeatureSet set) {
        upsert(SYMBOL, symbol, List.of(), set);
    }

    void deleteUniverse(String name) {
        delete(UNIVERSE, name);
    }

    void deleteSymbol(String symbol) {
        delete(SYMBOL, symbol);
    }

    private void upsert(String scope, String name, List<String> symbols, FeatureSet set) {
        String symbolsJson = write(symbols);
        String indicatorsJson = write(set.indicators());
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO features_feature_set (scope, name, symbols,"
                    + " indicators, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (scope, name) DO UPDATE SET"
                    + " symbols = excluded.symbols, indicators = excluded.indicators, updated_at = excluded.updated_at")) {
                ps.setString(1, scope);
                ps.setString(2, name);
                ps.setString(3, symbolsJson);
                ps.setString(4, indicatorsJson);
                ps.setLong(5, clock.nowMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void delete(String scope, String name) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM features_feature_set WHERE scope = ? AND name = ?")) {
                ps.setString(1, scope);
                ps.setString(2, name);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode feature set: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot decode stored feature set: " + e.getOriginalMessage(), e);
        }
    }
}
