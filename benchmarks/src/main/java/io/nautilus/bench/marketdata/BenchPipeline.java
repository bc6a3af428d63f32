package io.nautilus.bench.marketdata;

import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.bus.Delivery;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.time.Clock;
import io.nautilus.engine.marketdata.BusOutput;
import io.nautilus.engine.marketdata.pipeline.LatencyMonitor;
import io.nautilus.engine.marketdata.pipeline.MarketDataPipeline;
import io.nautilus.engine.marketdata.pipeline.PipelineSettings;
import io.nautilus.engine.marketdata.tick.TickBatch;

import java.util.concurrent.atomic.LongAdder;

/**
 * The fixture both market data benchmarks share: a {@link MarketDataPipeline} with the default settings (five bar
 * intervals, dedup, arbitration, latency histograms) publishing on a real {@link LocalBus} through the engine's {@link BusOutput},
 * with one subscriber engine ({@code md.>}, RELIABLE) that counts what it receives on its own ring thread.
 * Quotes cycle over {@code symbols} symbols with event times advancing 1 ms per quote (live: near the wall clock).
 * Not thread-safe: one benchmark thread.
 */
final class BenchPipeline implements AutoCloseable {
    final LocalBus bus = LocalBus.create();
    final LongAdder received = new LongAdder();
    final LatencyMonitor latency = new LatencyMonitor();
    final MarketDataPipeline pipeline;
    private final String[] symbols;
    private final double[] mids;
    private long ts = System.currentTimeMillis() * 1_000_000L;
    private int next;

    BenchPipeline(int symbolCount) {
        MessageBus out = bus.forEngine("marketdata");
        bus.forEngine("consumer").subscribe("md.>", Object.class, (p, m) -> received.increment(), Delivery.RELIABLE);
        pipeline = new MarketDataPipeline(PipelineSettings.defaults(), new BusOutput(out, bar -> { }), Clock.system(),
                latency);
        symbols = new String[symbolCount];
        mids = new double[symbolCount];
        for (int i = 0; i < symbolCount; i++) {
            symbols[i] = "SYM" + i;
            mids[i] = 100 + i;
        }
    }

    /** A batch of {@code n} fresh quotes (new event times, so none is a duplicate or out of order). */
    TickBatch quotes(int n) {
        var b = new TickBatch.Builder(n);
        for (int k = 0; k < n; k++) {
            int i = next;
            next = next + 1 == symbols.length ? 0 : next + 1;
            ts += 1_000_000L;
            double mid = mids[i] + ((ts >> 20) & 7) * 0.01;
            b.quote("bench", symbols[i], mid - 0.01, mid + 0.01, 100, 200, ts, k);
        }
        return b.build();
    }

    @Override
    public void close() {
        bus.close();
    }
}
