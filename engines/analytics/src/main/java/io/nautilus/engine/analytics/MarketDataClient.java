package io.nautilus.engine.analytics;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.http.FieldError;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.engine.analytics.symbol.DailySeries;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the Market Data engine for a symbol's bars over the bus ({@link BarHistoryRequest#TOPIC}) on behalf of an
 * HTTP request (a virtual thread may block). Failures become problems: no answer in time is a 504, a failed
 * responder a 502, too few bars a 422 that says how many there are. Thread-safe.
 */
final class MarketDataClient {
    private final MessageBus bus;
    private final AnalyticsSettings settings;

    MarketDataClient(MessageBus bus, AnalyticsSettings settings) {
        this.bus = bus;
        this.settings = settings;
    }

    /** The most recent {@code limit} bars of {@code symbol} at the configured interval (possibly fewer). */
    DailySeries bars(String symbol, int limit) {
        return DailySeries.of(symbol, history(symbol, limit));
    }

    /** The most recent {@code limit} bars of {@code symbol} as the Market Data engine sent them, oldest first. */
    List<Bar> history(String symbol, int limit) {
        var query = new BarHistoryRequest(symbol, settings.barInterval(), 0, Long.MAX_VALUE, limit);
        long timeout = settings.marketDataTimeoutMillis();
        try {
            BarHistory h = bus.request(BarHistoryRequest.TOPIC, query, BarHistory.class, Duration.ofMillis(timeout))
                    .get(timeout + 1_000, TimeUnit.MILLISECONDS);
            return h.bars();
        } catch (TimeoutException e) {
            throw noAnswer(timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw noAnswer(timeout);
            }
            if (e.getCause() instanceof IllegalStateException) {
                throw ProblemException.unavailable("no Market Data engine answers bar history requests ("
                        + e.getCause().getMessage() + ")", 5);
            }
            throw new ProblemException(502, "Bad Gateway", "the Market Data engine failed to answer the bar history of "
                    + symbol + ": " + e.getCause().getMessage(), List.of(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("interrupted while waiting for market data", 1);
        }
    }

    /** The most recent {@code needed} bars of {@code symbol}, or a 422 naming how many exist. */
    DailySeries atLeast(String symbol, int needed, String field) {
        return atLeast(symbol, needed, needed, field);
    }

    /** The most recent {@code wanted} bars of {@code symbol}, or a 422 when there are fewer than {@code needed}. */
    DailySeries atLeast(String symbol, int wanted, int needed, String field) {
        DailySeries s = bars(symbol, wanted);
        if (s.size() < needed) {
            throw ProblemException.unprocessable("insufficient history: " + symbol + " has " + s.size() + " "
                    + settings.barInterval() + " bar(s), " + needed + " needed", List.of(new FieldError(field,
                    "needs " + needed + " bars of " + symbol + ", the Market Data engine has " + s.size())));
        }
        return s;
    }

    private static ProblemException noAnswer(long timeoutMillis) {
        return new ProblemException(504, "Gateway Timeout", "the Market Data engine did not answer the bar history"
                + " request within " + timeoutMillis + " ms", List.of(), Map.of());
    }
}
