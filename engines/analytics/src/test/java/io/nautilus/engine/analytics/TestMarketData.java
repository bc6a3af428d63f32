package io.nautilus.engine.analytics;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the Market Data engine in tests: answers {@link BarHistoryRequest}s from the shared data.
 * TTRC: the ttrc daily OHLCV (5,550 bars); DAX and FTSE: EuStockMarkets closes on synthetic consecutive days
 * (1,860 bars); YEAR: the last 252 ttrc bars (what the simulator's default backfill gives: a year of returns but
 * one); SHORT: 10 bars; any other symbol: none.
 */
final class TestMarketData {
    static final long DAY = 86_400_000_000_000L;
    static final Map<String, List<Bar>> BARS = Map.of(
            "TTRC", ttrc(),
            "YEAR", lastYear(ttrc()),
            "DAX", closes("DAX", SharedDataFixture.column("eu_stock_markets_daily_close.csv", 1)),
            "FTSE", closes("FTSE", SharedDataFixture.column("eu_stock_markets_daily_close.csv", 4)),
            "SHORT", closes("SHORT", new double[] {10, 11, 12, 11, 10, 12, 13, 12, 14, 15}));

    private TestMarketData() {
    }

    /** Registers the responder on {@code bus} (a test engine's view of the bus). */
    static void respond(MessageBus bus) {
        bus.respond(BarHistoryRequest.TOPIC, BarHistoryRequest.class, q -> {
            List<Bar> all = BARS.getOrDefault(q.symbol(), List.of());
            return new BarHistory(q.symbol(), q.interval(), all.subList(Math.max(0, all.size() - q.limit()), all.size()));
        });
    }

    static double[] closes(String symbol) {
        return BARS.get(symbol).stream().mapToDouble(Bar::close).toArray();
    }

    private static List<Bar> ttrc() {
        try {
            var out = new ArrayList<Bar>();
            for (String line : Files.readAllLines(SharedDataFixture.sharedData().resolve("ttrc_daily_ohlcv.csv"))) {
                if (line.startsWith("date") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                long start = LocalDate.parse(f[0]).toEpochDay() * DAY;
                double open = Double.parseDouble(f[1]);
                double high = Double.parseDouble(f[2]);
                double low = Double.parseDouble(f[3]);
                double close = Double.parseDouble(f[4]);
                out.add(new Bar("TTRC", "1d", start, start + DAY, open, high, low, close, Double.parseDouble(f[5]),
                        close, 0));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Bar> lastYear(List<Bar> ttrc) {
        return ttrc.subList(ttrc.size() - 252, ttrc.size()).stream().map(b -> new Bar("YEAR", b.interval(),
                b.startNanos(), b.endNanos(), b.open(), b.high(), b.low(), b.close(), b.volume(), b.vwap(),
                b.tradeCount())).toList();
    }

    private static List<Bar> closes(String symbol, double[] close) {
        var out = new ArrayList<Bar>();
        long first = LocalDate.of(1991, 7, 1).toEpochDay() * DAY;
        for (int i = 0; i < close.length; i++) {
            long start = first + i * DAY;
            out.add(new Bar(symbol, "1d", start, start + DAY, close[i], close[i], close[i], close[i], 0, close[i], 0));
        }
        return out;
    }
}
