package io.nautilus.engine.risk;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily-bar history the risk model needs, asked of the Market Data engine ({@code md.history.bars}) the first
 * time a book or a real order shows a symbol. A request that fails, times out or answers with too few bars for
 * the model (fewer than {@code risk.model.min_history} returns) is sent again after a backoff that doubles from
 * 1 s up to 60 s, until enough bars have arrived: a symbol never stays outside the model because one request was
 * lost. The answer is handed back to the ring thread as a message ({@link RiskCommands#HISTORY}, or
 * {@link RiskCommands#HISTORY_FAILED} with the symbol); the ring never waits.
 *
 * <p>Not thread-safe: owned by the risk engine's ring thread (only the request futures complete elsewhere, and
 * they only publish).
 */
final class HistoryRequests {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRequests.class);
    static final long FIRST_RETRY_NANOS = 1_000_000_000L;
    static final long MAX_RETRY_NANOS = 60_000_000_000L;

    /** A symbol whose last request failed: how many have, and when to ask again. */
    private record Retry(int failures, long dueNanos) {
    }

    private final MessageBus bus;
    private final RiskSettings settings;
    private final Set<String> inFlight = new HashSet<>();
    private final Set<String> complete = new HashSet<>();
    private final Map<String, Retry> retries = new HashMap<>();
    private volatile long failures;

    HistoryRequests(MessageBus bus, RiskSettings settings) {
        this.bus = bus;
        this.settings = settings;
    }

    /** Asks for the history of a symbol unless it is complete, on its way or waiting for its retry. */
    void want(String symbol, long nowNanos) {
        if (settings.requestHistory() && !complete.contains(symbol) && !inFlight.contains(symbol)
                && !retries.containsKey(symbol)) {
            send(symbol);
        }
    }

    /** An answer arrived with {@code bars} daily bars now held for its symbol. */
    void answered(String symbol, int bars, long nowNanos) {
        inFlight.remove(symbol);
        if (bars >= settings.minHistory() + 1) {
            complete.add(symbol);
            retries.remove(symbol);
        } else {
            failed(symbol, nowNanos);
        }
    }

    /** A request failed or timed out: it is retried after the backoff. */
    void failed(String symbol, long nowNanos) {
        inFlight.remove(symbol);
        failures++;
        Retry previous = retries.get(symbol);
        int n = previous == null ? 1 : previous.failures() + 1;
        long backoff = Math.min(MAX_RETRY_NANOS, FIRST_RETRY_NANOS << Math.min(n - 1, 16));
        retries.put(symbol, new Retry(n, nowNanos + backoff));
    }

    /** Daily bars of a symbol arrived by another way (the bar stream): no request needed once there are enough. */
    void barsArrived(String symbol, int bars) {
        if (bars >= settings.minHistory() + 1 && !inFlight.contains(symbol)) {
            complete.add(symbol);
            retries.remove(symbol);
        }
    }

    /** Sends the retries that are due (once a second, on the ring's timer tick). */
    void tick(long nowNanos) {
        if (retries.isEmpty()) {
            return;
        }
        for (String symbol : new TreeSet<>(retries.keySet())) {
            if (retries.get(symbol).dueNanos() <= nowNanos && !inFlight.contains(symbol)) {
                send(symbol);
            }
        }
    }

    /** Symbols whose history is asked for and not complete yet (on its way or waiting for a retry). */
    java.util.Collection<String> pending() {
        var out = new TreeSet<>(inFlight);
        out.addAll(retries.keySet());
        return out;
    }

    /** Requests that failed (each failed attempt counts once). */
    long failures() {
        return failures;
    }

    private void send(String symbol) {
        inFlight.add(symbol);
        var request = new BarHistoryRequest(symbol, MarketHistory.DAILY, 0, Long.MAX_VALUE, settings.maxHistory());
        bus.request(BarHistoryRequest.TOPIC, request, BarHistory.class, Duration.ofMillis(settings.requestTimeoutMs()))
                .whenComplete((history, error) -> {
                    if (error != null) {
                        LOG.debug("engine=risk bar history of {} unavailable: {}", symbol, error.toString());
                        bus.publish(RiskCommands.HISTORY_FAILED, new RiskCommands.HistoryFailed(symbol));
                    } else {
                        bus.publish(RiskCommands.HISTORY, history);
                    }
                });
    }
}
