package io.nautilus.bench.risk;

import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Side;
import io.nautilus.engine.risk.control.OrderControls;
import io.nautilus.engine.risk.control.PreTradeCheck;
import io.nautilus.engine.risk.control.TradingState;
import io.nautilus.engine.risk.limit.ExposureBook;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitMeasures;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Pre-trade check latency: one order through the kill switch, the order controls (max quantity, notional, price
 * collar, restricted symbols) and the 17 limit types at portfolio scope, measured after the order on a
 * {@code positions}-position book with a full covariance model. Single thread, the way the ring thread runs it:
 * <pre>
 *   order ─▶ PreTradeCheck.check ─▶ LimitMeasures.whatIf (O(1)) ─▶ 17 x value(limit) ─▶ RiskDecision
 * </pre>
 * Orders cycle over 1,024 pre-built intents (random symbol, side and size). Target: p99 &lt;= 5 us at 1,000.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
public class PreTradeCheckBenchmark {
    @Param({"1000"})
    int positions;

    private ExposureBook book;
    private LimitMeasures now;
    private LimitMeasures after;
    private final PreTradeCheck check = new PreTradeCheck();
    private List<LimitDefinition> limits;
    private OrderControls controls;
    private OrderIntent[] orders;
    private double[] lastPrices;
    private int next;

    @Setup
    public void setup() {
        book = RiskBenchFixture.book(positions, 42L);
        now = new LimitMeasures(book);
        after = new LimitMeasures(book);
        limits = RiskBenchFixture.allTypes();
        controls = new OrderControls(1e9, 1e12, 0.5, Set.of("RESTRICTED"), 0, 0);
        var random = new java.util.SplittableRandom(7L);
        orders = new OrderIntent[1024];
        lastPrices = new double[orders.length];
        for (int i = 0; i < orders.length; i++) {
            String symbol = "S" + random.nextInt(positions);
            int slot = book.find(symbol);
            lastPrices[i] = book.price(slot);
            orders[i] = new OrderIntent("o" + i, "bench", "s1", symbol, random.nextBoolean() ? Side.BUY : Side.SELL,
                    1 + random.nextInt(100), OrderType.LIMIT, lastPrices[i] * 1.001, false, 1_700_000_000_000_000_000L);
        }
    }

    @Benchmark
    public RiskDecision preTradeCheckAllLimitTypes() {
        int i = next++ & (orders.length - 1);
        return check.check(orders[i], book, now, after, limits, controls, TradingState.ACTIVE, lastPrices[i],
                1_700_000_000_000_000_000L + i, false);
    }
}
