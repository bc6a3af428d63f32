package io.nautilus.engine.marketdata;

import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.model.BarInterval;
import io.nautilus.engine.marketdata.pipeline.PipelineSettings;
import io.nautilus.engine.marketdata.simulator.SimulatorSettings;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The engine's settings read from {@link EngineConfig} keys {@code marketdata.*} (see docs/marketdata.md for the
 * full list and defaults), validated once. Immutable.
 *
 * @param pipeline            pipeline settings
 * @param simulator           simulator settings, or {@code null} when {@code marketdata.simulator.enabled=false}
 * @param simulatorResume     continue the simulator from the last stored prices after a restart
 *                            ({@code marketdata.simulator.resume}, true)
 * @param backfillDays        simulated days generated before live start when the store has no daily bars yet
 *                            ({@value #DEFAULT_BACKFILL_DAYS}: 253 daily bars, 252 daily returns, what the analytics
 *                            and portfolio routes use by default)
 * @param backfillStepSeconds step of the backfill, seconds
 * @param replayFiles         CSV files to replay, each {@code path} or {@code path=SYMBOL}
 * @param replaySpeed         replay speed factor, 0 = as fast as possible
 * @param replayBarInterval   span of a bar row in replayed bar files
 * @param housekeepingMillis  period of the stale/bar-closing timer
 * @param maxHttpSources      distinct source names HTTP ingest may use ({@code marketdata.ingest.max-sources})
 * @param maxFeedEntries      feeds, and subscriptions, kept at most each ({@code marketdata.feeds.max-entries})
 */
public record MarketDataConfig(PipelineSettings pipeline, SimulatorSettings simulator, boolean simulatorResume,
                               int backfillDays,
                               double backfillStepSeconds, List<String> replayFiles, double replaySpeed,
                               BarInterval replayBarInterval, long housekeepingMillis, int maxHttpSources,
                               int maxFeedEntries) {

    /** Default simulated universe: symbol, initial price, annualized volatility. */
    static final List<String> DEFAULT_SYMBOLS = List.of("AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "JPM", "XOM", "SPY");
    static final String DEFAULT_PRICES = "190,410,170,180,120,200,110,520";
    static final String DEFAULT_VOLS = "0.25,0.22,0.28,0.30,0.50,0.22,0.25,0.15";
    /** Backfilled days on a first start: 253 closes give the 252 daily returns of a year. */
    static final int DEFAULT_BACKFILL_DAYS = 253;

    public MarketDataConfig {
        replayFiles = List.copyOf(replayFiles);
        if (housekeepingMillis < 10) {
            throw new IllegalArgumentException("marketdata.housekeeping-millis must be >= 10, got " + housekeepingMillis);
        }
        if (maxHttpSources < 1 || maxHttpSources > 1024) {
            throw new IllegalArgumentException("setting marketdata.ingest.max-sources must be in [1, 1024], got "
                    + maxHttpSources);
        }
        if (maxFeedEntries < 1) {
            throw new IllegalArgumentException("setting marketdata.feeds.max-entries must be >= 1, got " + maxFeedEntries);
        }
    }

    /** Reads every {@code marketdata.*} key, with defaults. */
    public static MarketDataConfig from(EngineConfig c) {
        var d = PipelineSettings.defaults();
        var pipeline = new PipelineSettings(
                new LinkedHashSet<>(upperList(c.string("marketdata.symbols", ""))),
                list(c.string("marketdata.sources.priority", String.join(",", d.sourcePriority()))),
                BarInterval.parseList(c.string("marketdata.bars.intervals", "1s,1m,5m,1h,1d")),
                millis(c, "marketdata.stale-millis", d.staleNanos()),
                millis(c, "marketdata.gap-millis", d.gapNanos()),
                millis(c, "marketdata.bars.grace-millis", d.graceNanos()),
                millis(c, "marketdata.live-window-millis", d.liveWindowNanos()),
                c.integer("marketdata.history.depth", d.historyDepth()),
                c.integer("marketdata.history.daily-depth", d.dailyDepth()),
                c.integer("marketdata.dedup.window", d.dedupWindow()));
        SimulatorSettings sim = c.flag("marketdata.simulator.enabled", true) ? simulator(c) : null;
        return new MarketDataConfig(pipeline, sim, c.flag("marketdata.simulator.resume", true),
                c.integer("marketdata.simulator.backfill-days", DEFAULT_BACKFILL_DAYS),
                c.number("marketdata.simulator.backfill-step-seconds", 3600),
                list(c.string("marketdata.replay.files", "")),
                c.number("marketdata.replay.speed", 0),
                BarInterval.parse(c.string("marketdata.replay.bar-interval", "1d")),
                c.integer("marketdata.housekeeping-millis", 1000),
                c.integer("marketdata.ingest.max-sources", HttpSources.DEFAULT_MAX_SOURCES),
                c.integer("marketdata.feeds.max-entries", 1000));
    }

    private static SimulatorSettings simulator(EngineConfig c) {
        List<String> symbols = upperList(c.string("marketdata.simulator.symbols", String.join(",", DEFAULT_SYMBOLS)));
        int n = symbols.size();
        boolean defaults = symbols.equals(DEFAULT_SYMBOLS);
        double[] prices = numbers(c, "marketdata.simulator.prices", defaults ? DEFAULT_PRICES : repeat("100", n));
        double[] vols = numbers(c, "marketdata.simulator.volatilities", defaults ? DEFAULT_VOLS : repeat("0.25", n));
        double[] drifts = numbers(c, "marketdata.simulator.drifts", repeat("0.05", n));
        String matrix = c.string("marketdata.simulator.correlation-matrix", "");
        double[][] corr;
        if (matrix.isEmpty()) {
            corr = SimulatorSettings.uniformCorrelation(n, c.number("marketdata.simulator.correlation", 0.5));
        } else {
            double[] flat = parseNumbers("marketdata.simulator.correlation-matrix", matrix);
            if (flat.length != n * n) {
                throw new IllegalArgumentException("marketdata.simulator.correlation-matrix needs " + n * n
                        + " numbers (row-major " + n + " x " + n + "), got " + flat.length);
            }
            corr = new double[n][];
            for (int i = 0; i < n; i++) {
                corr[i] = Arrays.copyOfRange(flat, i * n, (i + 1) * n);
            }
        }
        return new SimulatorSettings(symbols, prices, vols, drifts, corr,
                c.number("marketdata.simulator.jump-intensity", 4),
                c.number("marketdata.simulator.jump-mean", -0.01),
                c.number("marketdata.simulator.jump-stdev", 0.03),
                c.number("marketdata.simulator.profile-strength", 2),
                c.number("marketdata.simulator.spread-bps", 2),
                c.number("marketdata.simulator.trade-probability", 0.3),
                c.number("marketdata.simulator.lot-size", 100),
                c.number("marketdata.simulator.rate", 10),
                c.integer("marketdata.simulator.seed", 42));
    }

    private static long millis(EngineConfig c, String key, long defaultNanos) {
        long ms = c.integer(key, (int) (defaultNanos / 1_000_000));
        if (ms <= 0) {
            throw new IllegalArgumentException("setting " + key + " must be > 0 ms, got " + ms);
        }
        return ms * 1_000_000L;
    }

    private static String repeat(String v, int n) {
        return String.join(",", java.util.Collections.nCopies(n, v));
    }

    private static double[] numbers(EngineConfig c, String key, String defaults) {
        return parseNumbers(key, c.string(key, defaults));
    }

    private static double[] parseNumbers(String key, String text) {
        try {
            return list(text).stream().mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be comma-separated numbers, got '" + text + "'");
        }
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> upperList(String text) {
        return list(text).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }
}
