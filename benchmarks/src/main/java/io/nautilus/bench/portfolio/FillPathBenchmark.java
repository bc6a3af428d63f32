package io.nautilus.bench.portfolio;

import io.nautilus.core.model.Fill;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Side;
import io.nautilus.engine.portfolio.execution.MarketPrices;
import io.nautilus.engine.portfolio.execution.Order;
import io.nautilus.engine.portfolio.execution.OrderStatus;
import io.nautilus.engine.portfolio.execution.PaperFillModel;
import io.nautilus.engine.portfolio.position.Book;
import io.nautilus.engine.portfolio.position.Position;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The compute part of order to fill, without the bus hops and without the durable store commit that
 * {@link OrderToFillLatency} includes: price at the touch with slippage, size cap, commission, order state,
 * {@code Fill} record, FIFO book update, {@code PositionUpdate} record — what the ring thread does around the
 * SQLite transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FillPathBenchmark {
    private static final long TS = 1_700_000_000_000_000_000L;
    private final MarketPrices prices = new MarketPrices();
    private final PaperFillModel model = PaperFillModel.DEFAULT;
    private final Book book = new Book(1e9);
    private long n;

    @Setup
    public void setup() {
        prices.quote("AAPL", 99.99, 100.01, 0, 0);
    }

    @Benchmark
    public PositionUpdate fill() {
        long id = ++n;
        Side side = (id & 1) == 0 ? Side.SELL : Side.BUY;
        var intent = new OrderIntent("b" + id, "bench", "bench", "AAPL", side, 1, OrderType.MARKET, Double.NaN, false, TS);
        var order = new Order(intent, OrderStatus.APPROVED, 0, 0, List.of(), TS);
        MarketPrices.Touch touch = prices.touch("AAPL");
        double price = model.price(side, OrderType.MARKET, Double.NaN, touch);
        double quantity = model.quantity(side, order.remainingQuantity(), touch);
        double commission = model.commission(quantity, price);
        order.fill(quantity, price, TS);
        var fill = new Fill("F" + id, intent.orderId(), "bench", "AAPL", side, quantity, price, commission, TS);
        Position p = book.apply(fill.symbol(), fill.signedQuantity(), fill.price(), fill.commission(), TS);
        return new PositionUpdate("bench", "AAPL", p.quantity(), p.averageCost(), p.realizedPnl(), touch.mark(), TS);
    }
}
