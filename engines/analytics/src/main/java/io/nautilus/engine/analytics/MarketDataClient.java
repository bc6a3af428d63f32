package io.nautilus.engine.analytics;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.engine.analytics.symbol.DailySeries;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the Market Data engine for a symbol's bars over the bus ({@link BarHistoryRequest#TOPIC}) on behalf of an
 * HTTP request (a virtual thread may block). Failures are {@link MarketDataFailure}s in domain words (no answer in
 * time, no responder, a failed responder, too few bars), which {@link SymbolRoutes} maps to problems. Thread-safe.
 */
final class MarketDataClient {
    private final MessageBus bus;
    private final AnalyticsSettings settings;

    MarketDataClient(MessageBus bus, AnalyticsSettings settings) {
        this.bus = bus;
        this.settings = settings;
    }

    /** Why bars could not be had. Immutable. */
    static final class MarketDataFailure extends RuntimeException {
        enum Kind {
            /** The Market Data engine did not answer within {@code analytics.marketdata.timeout_ms}. */
            NO_ANSWER,
            /** No engine answers bar history requests. */
            NO_RESPONDER,
            /** The responder failed. */
            FAILED,
            /** The waiting thread was interrupted. */
            INTERRUPTED,
            /** Fewer bars than needed; {@link #field()} names the input that asked for them. */
            TOO_FEW_BARS
        }

        /** What went wrong. */
        final Kind kind;
        /** The input concerned ({@code TOO_FEW_BARS}), else null. */
        final String field;
        /** What is wrong with {@link #field}, else null. */
        final String fieldMessage;

        MarketDataFailure(Kind kind, String message, String field, String fieldMessage) {
            super(message, null, false, false);
            this.kind = kind;
            this.field = field;
            this.fieldMessage = fieldMessage;
        }
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
                throw new MarketDataFailure(MarketDataFailure.Kind.NO_RESPONDER, "no Market Data engine answers bar"
                        + " history requests (" + e.getCause().getMessage() + ")", null, null);
            }
            throw new MarketDataFailure(MarketDataFailure.Kind.FAILED, "the Market Data engine failed to answer the"
                    + " bar history of " + symbol + ": " + e.getCause().getMessage(), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketDataFailure(MarketDataFailure.Kind.INTERRUPTED, "interrupted while waiting for market data",
                    null, null);
        }
    }

    /** The most recent {@code needed} bars of {@code symbol}, or a {@code TOO_FEW_BARS} failure naming {@code field}. */
    DailySeries atLeast(String symbol, int needed, String field) {
        return atLeast(symbol, needed, needed, field);
    }

    /** The most recent {@code wanted} bars of {@code symbol}, or a failure when there are fewer than {@code needed}. */
    DailySeries atLeast(String symbol, int wanted, int needed, String field) {
        DailySeries s = bars(symbol, wanted);
        if (s.size() < needed) {
            throw new MarketDataFailure(MarketDataFailure.Kind.TOO_FEW_BARS, "insufficient history: " + symbol + " has "
                    + s.size() + " " + settings.barInterval() + " bar(s), " + needed + " needed", field,
                    "needs " + needed + " bars of " + symbol + ", the Market Data engine has " + s.size());
        }
        return s;
    }

    private static MarketDataFailure noAnswer(long timeoutMillis) {
        return new MarketDataFailure(MarketDataFailure.Kind.NO_ANSWER, "the Market Data engine did not answer the bar"
                + " history request within " + timeoutMillis + " ms", null, null);
    }
}
