package io.nautilus.bus.codec;

import io.nautilus.core.bus.DeadLetter;
import io.nautilus.core.bus.Reply;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.core.model.FeatureVector;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.MarketDataAlert;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.PnlUpdate;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PortfolioStateRequest;
import io.nautilus.core.model.PortfolioStates;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Prediction;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskBreach;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Signal;
import io.nautilus.core.model.Trade;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The payload types that may cross a process boundary, each under a stable wire name ({@code quote},
 * {@code bar_history}, ...). The wire name, never the Java class name, is what a stream entry carries, so classes
 * can be renamed or moved without breaking peers or entries already in Redis. A name, once published, keeps its
 * meaning: change a record compatibly (add fields) or register a new name.
 *
 * <p>{@link #standard()} holds every record of {@code io.nautilus.core.model}, {@link Reply} and {@link DeadLetter}
 * of {@code io.nautilus.core.bus}, and the plain reply values {@code string}, {@code long}, {@code int},
 * {@code double}, {@code boolean}. Immutable and thread-safe; {@link #with} returns a new registry.
 */
public final class TypeRegistry {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final TypeRegistry STANDARD = standardRegistry();

    private final Map<String, Class<?>> byName;
    private final Map<Class<?>, String> byType;

    private TypeRegistry(Map<String, Class<?>> byName) {
        this.byName = Map.copyOf(byName);
        var reverse = new HashMap<Class<?>, String>();
        byName.forEach((n, c) -> reverse.put(c, n));
        this.byType = Map.copyOf(reverse);
    }

    /** The registry of the platform's own payloads (see class doc). */
    public static TypeRegistry standard() {
        return STANDARD;
    }

    private static TypeRegistry standardRegistry() {
        var m = new LinkedHashMap<String, Class<?>>();
        m.put("quote", Quote.class);
        m.put("trade", Trade.class);
        m.put("bar", Bar.class);
        m.put("bar_history", BarHistory.class);
        m.put("bar_history_request", BarHistoryRequest.class);
        m.put("market_data_alert", MarketDataAlert.class);
        m.put("feature_vector", FeatureVector.class);
        m.put("prediction", Prediction.class);
        m.put("signal", Signal.class);
        m.put("order_intent", OrderIntent.class);
        m.put("risk_decision", RiskDecision.class);
        m.put("fill", Fill.class);
        m.put("position_update", PositionUpdate.class);
        m.put("pnl_update", PnlUpdate.class);
        m.put("portfolio_state", PortfolioState.class);
        m.put("portfolio_state_request", PortfolioStateRequest.class);
        m.put("portfolio_states", PortfolioStates.class);
        m.put("risk_breach", RiskBreach.class);
        m.put(REPLY, Reply.class);
        m.put(DEAD_LETTER, DeadLetter.class);
        m.put("string", String.class);
        m.put("long", Long.class);
        m.put("int", Integer.class);
        m.put("double", Double.class);
        m.put("boolean", Boolean.class);
        return new TypeRegistry(m);
    }

    static final String REPLY = "reply";
    static final String DEAD_LETTER = "dead_letter";

    /**
     * A registry with one more type.
     *
     * @param name wire name: lower-case letters, digits and {@code _}, starting with a letter, at most 64 characters
     * @param type the payload class (an immutable record, mapped by Jackson with Nautilus settings)
     * @throws IllegalArgumentException if the name is malformed or either the name or the type is registered already
     */
    public TypeRegistry with(String name, Class<?> type) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("type name must match " + NAME.pattern() + ", got '" + name + "'");
        }
        if (type == null) {
            throw new IllegalArgumentException("type must not be null (name " + name + ")");
        }
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("type name '" + name + "' is registered already for " + byName.get(name).getName());
        }
        if (byType.containsKey(type)) {
            throw new IllegalArgumentException(type.getName() + " is registered already as '" + byType.get(type) + "'");
        }
        var m = new LinkedHashMap<>(byName);
        m.put(name, type);
        return new TypeRegistry(m);
    }

    /** The wire name of a payload class, or {@code null} if it may not cross a process boundary. */
    public String nameOf(Class<?> type) {
        return byType.get(type);
    }

    /** The class registered under a wire name, or {@code null} for an unknown name. */
    public Class<?> typeOf(String name) {
        return byName.get(name);
    }

    /** Every wire name. */
    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
