package io.nautilus.bench.analytics;

import io.nautilus.engine.analytics.pnl.PnlLedger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P&amp;L update cost on the engine's ring thread, amortized: {@link PnlLedger#onPrice} for a stream of quotes over
 * 500 symbols held by 20 portfolios (each symbol in 4 portfolios), and {@link PnlLedger#onFill} for fills
 * alternating buys and sells on known positions. Target: at most 1 us per event. The bus hop is not included
 * (see the bus benchmarks); the snapshot/publish runs on a timer and is measured separately.
 *
 * <pre>
 *   quote(sym) -> HashMap lookup -> 4 positions: mark = price, portfolio.dirty = true
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PnlUpdateBenchmark {
    private static final int SYMBOLS = 500;
    private static final int PORTFOLIOS = 20;
    private static final int EVENTS = 1_024;
    private final PnlLedger ledger = new PnlLedger(1_000_000);
    private final String[] symbols = new String[SYMBOLS];
    private final String[] portfolios = new String[PORTFOLIOS];
    private final String[] eventSymbol = new String[EVENTS];
    private final String[] eventPortfolio = new String[EVENTS];
    private final double[] eventPrice = new double[EVENTS];
    private long tick;

    @Setup
    public void setUp() {
        for (int p = 0; p < PORTFOLIOS; p++) {
            portfolios[p] = "P" + p;
        }
        for (int s = 0; s < SYMBOLS; s++) {
            symbols[s] = "S" + s;
            for (int k = 0; k < 4; k++) {
                ledger.onFill(portfolios[(s + 5 * k) % PORTFOLIOS], symbols[s], 100, 50, 1, 1L);
            }
        }
        for (int i = 0; i < EVENTS; i++) {
            int s = (int) ((i * 2_654_435_761L) % SYMBOLS);
            eventSymbol[i] = symbols[s];
            eventPortfolio[i] = portfolios[(s + 5 * (i & 3)) % PORTFOLIOS];
            eventPrice[i] = 50 + (i % 17) * 0.01;
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void priceEvent() {
        for (int i = 0; i < EVENTS; i++) {
            ledger.onPrice(eventSymbol[i], eventPrice[i]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void fillEvent() {
        long t = ++tick;
        for (int i = 0; i < EVENTS; i++) {
            double qty = (i & 1) == 0 ? 10 : -10;
            ledger.onFill(eventPortfolio[i], eventSymbol[i], qty, eventPrice[i], 0.1, t);
        }
    }

    @Benchmark
    public int snapshotAllPortfolios() {
        return ledger.snapshotAll(++tick).size();
    }
}
