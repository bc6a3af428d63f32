package io.nautilus.engine.risk;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Subscription;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PortfolioStateRequest;
import io.nautilus.core.model.PortfolioStates;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Topics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Portfolio engine's side of the loop as the risk tests need it: books kept here (they outlive a risk engine
 * restart), published as {@link PortfolioState} on {@code portfolio.state.<id>}, and the answer to the
 * {@code portfolio.snapshot} request the risk engine sends at start. Positions are bought at their price (average
 * cost = price), so cash = initial value - sum(quantity x average cost) and equity = initial value at those prices.
 * Thread-safe.
 */
final class FakePortfolio {
    static final double DEFAULT_INITIAL_VALUE = 1_000_000;

    private final Map<String, Double> initialValues = new ConcurrentHashMap<>();
    private final Map<String, Map<String, PositionUpdate>> positions = new ConcurrentHashMap<>();

    /** Answers the risk engine's book request on this bus (as the Portfolio engine would). */
    Subscription answer(MessageBus portfolioBus) {
        return portfolioBus.respond(PortfolioStateRequest.TOPIC, PortfolioStateRequest.class,
                q -> new PortfolioStates(states(), 1_000_000_000L));
    }

    /** Creates a portfolio of this initial value (or changes it) without publishing. */
    void create(String portfolio, double initialValue) {
        initialValues.put(portfolio, initialValue);
        positions.computeIfAbsent(portfolio, p -> new LinkedHashMap<>());
    }

    /** Sets a position (bought at {@code averageCost}) and returns the portfolio's new state. */
    synchronized PortfolioState position(PositionUpdate p) {
        initialValues.putIfAbsent(p.portfolioId(), DEFAULT_INITIAL_VALUE);
        positions.computeIfAbsent(p.portfolioId(), k -> new LinkedHashMap<>()).put(p.symbol(), p);
        return state(p.portfolioId(), p.tsNanos());
    }

    /** Publishes a portfolio's state on {@code portfolio.state.<id>}. */
    static void publish(MessageBus bus, PortfolioState s) {
        bus.publish(Topics.portfolioState(s.portfolioId()), s);
    }

    synchronized PortfolioState state(String portfolio, long tsNanos) {
        double initial = initialValues.getOrDefault(portfolio, DEFAULT_INITIAL_VALUE);
        double cost = 0;
        List<PositionUpdate> list = new ArrayList<>(positions.getOrDefault(portfolio, Map.of()).values());
        for (PositionUpdate p : list) {
            cost += p.quantity() * p.averageCost();
        }
        return new PortfolioState(portfolio, initial, initial - cost, 0, list, tsNanos);
    }

    /** Time of a portfolio's last position change (states are ordered by it), 1 s after the epoch when none. */
    synchronized long lastChange(String portfolio) {
        long ts = 1_000_000_000L;
        for (PositionUpdate p : positions.getOrDefault(portfolio, Map.of()).values()) {
            ts = Math.max(ts, p.tsNanos());
        }
        return ts;
    }

    synchronized List<PortfolioState> states() {
        var out = new ArrayList<PortfolioState>();
        for (String p : positions.keySet()) {
            out.add(state(p, lastChange(p)));
        }
        return out;
    }
}
