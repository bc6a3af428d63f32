package io.nautilus.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.Side;
import io.nautilus.core.time.SimulatedClock;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled rebalance through the engine: a simulated clock, timer ticks run by the test on the ring thread
 * ({@code PortfolioEngine.tick()}, what the engine's timer runs), risk approvals by the test. No slippage or commission, quotes with bid = ask, so every
 * fill is at the quote and the sizes follow by hand from {@code RebalancePlanner}'s rule (units truncated towards
 * zero).
 */
class RebalancingTest {
    private static final EngineConfig CONFIG = EngineConfig.empty()
            .with("portfolio.slippage.bps", "0").with("portfolio.commission.bps", "0")
            .with("portfolio.commission.per_unit", "0").with("portfolio.commission.min", "0")
            .with("portfolio.snapshot.interval.seconds", "0").with("portfolio.rebalance.drift_threshold", "0.05");

    @TempDir
    Path dir;
    final SimulatedClock clock = new SimulatedClock(nanos("2024-01-15T12:00:00Z"));
    EngineHarness h;
    int ticks;

    @BeforeEach
    void start() {
        h = new EngineHarness(dir, null, CONFIG, clock);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    void price(String symbol, double price) {
        h.quote(symbol, price, price, 0, 0);
    }

    /** Moves the clock, publishes a timer tick and waits until the engine has handled it (one equity snapshot each). */
    void tickAt(String instant) throws Exception {
        clock.set(nanos(instant));
        h.engine().tick().get(10, TimeUnit.SECONDS);
        int expected = ++ticks;
        await().until(() -> h.json("GET", "/portfolios/p8/performance", null, 200).get("equity_snapshots").asInt() == expected);
    }

    int orderCount() throws Exception {
        return h.json("GET", "/portfolios/p8/orders", null, 200).get("orders").size();
    }

    /** Approves every intent from index {@code from} and waits for their fills. */
    void approveFrom(int from) {
        List<OrderIntent> sent = List.copyOf(h.intents.subList(from, h.intents.size()));
        int fillsBefore = h.fills.size();
        sent.forEach(i -> h.decide(i, true));
        await().until(() -> h.fills.size() == fillsBefore + sent.size());
    }

    @Test
    void test_onTick_calendarBoundaryAndDriftThresholdTriggerRebalances() throws Exception {
        h.createPortfolio("p8", "monthly");
        price("AAPL", 100);
        price("MSFT", 200);
        // Jan 15: 50/50 of 100 000 → 500 AAPL at 100, 250 MSFT at 200; cash 0 once filled
        h.json("POST", "/portfolios/p8/rebalance", "{\"target_weights\":{\"AAPL\":0.5,\"MSFT\":0.5}}", 200);
        await().until(() -> h.intents.size() == 2);
        approveFrom(0);

        // Jan 20, prices unchanged: drift 0, same month → nothing
        tickAt("2024-01-20T12:00:00Z");
        assertThat(orderCount()).isEqualTo(2);

        // Jan 25, AAPL 115: 57 500 + 50 000 = 107 500, AAPL weight 0.53488, drift 0.0349 < 0.05, same month → nothing
        price("AAPL", 115);
        tickAt("2024-01-25T12:00:00Z");
        assertThat(orderCount()).isEqualTo(2);
        assertThat(h.intents).hasSize(2);

        // Feb 1: a new month (calendar due, drift still 0.0349). Targets 53 750 each:
        // AAPL 53 750 / 115 − 500 = −32.6 → sell 32; MSFT 53 750 / 200 − 250 = 18.75 → buy 18
        tickAt("2024-02-01T00:00:01Z");
        await().until(() -> h.intents.size() == 4);
        assertThat(h.intents.subList(2, 4)).extracting(OrderIntent::symbol, OrderIntent::side, OrderIntent::quantity,
                OrderIntent::strategyId).containsExactly(tuple("AAPL", Side.SELL, 32.0, "rebalance"),
                tuple("MSFT", Side.BUY, 18.0, "rebalance"));
        approveFrom(2);
        // now 468 AAPL, 268 MSFT, cash 0 + 32 × 115 − 18 × 200 = 80

        // Feb 5, AAPL 125: 58 500 + 53 600 + 80 = 112 180, AAPL weight 0.5215, drift 0.0215, same month → nothing
        price("AAPL", 125);
        tickAt("2024-02-05T12:00:00Z");
        assertThat(orderCount()).isEqualTo(4);

        // Feb 10, AAPL 150: 70 200 + 53 600 + 80 = 123 880, AAPL weight 0.5667, drift 0.0667 > 0.05 → due in the same
        // month. Targets 61 940: AAPL 61 940 / 150 − 468 = −55.07 → sell 55; MSFT 61 940 / 200 − 268 = 41.7 → buy 41
        price("AAPL", 150);
        tickAt("2024-02-10T12:00:00Z");
        await().until(() -> h.intents.size() == 6);
        assertThat(h.intents.subList(4, 6)).extracting(OrderIntent::symbol, OrderIntent::side, OrderIntent::quantity)
                .containsExactly(tuple("AAPL", Side.SELL, 55.0), tuple("MSFT", Side.BUY, 41.0));
        assertThat(h.intents.subList(4, 6)).extracting(OrderIntent::tsNanos)
                .containsOnly(nanos("2024-02-10T12:00:00Z"));
    }

    @Test
    void test_onTick_unplannableRebalanceIsCountedAndShownInHealth() throws Exception {
        h.createPortfolio("p8", "daily");
        price("AAPL", 100);
        price("MSFT", 200);
        // targets kept, orders left unanswered: nothing filled, so after a restart no price is known for AAPL or MSFT
        h.json("POST", "/portfolios/p8/rebalance", "{\"target_weights\":{\"AAPL\":0.5,\"MSFT\":0.5}}", 200);
        await().until(() -> h.intents.size() == 2);
        h.restart();
        // the two orders still wait for Risk: the restart sends them again, same ids
        await().until(() -> h.intents.size() == 4);
        assertThat(h.intents.subList(2, 4)).containsExactlyInAnyOrderElementsOf(h.intents.subList(0, 2));
        assertThat(h.json("GET", "/health", null, 200).get("rebalances_skipped").asLong()).isZero();

        tickAt("2024-01-16T12:00:00Z");
        tickAt("2024-01-17T12:00:00Z");
        var health = h.json("GET", "/health", null, 200);
        assertThat(health.get("rebalances_skipped").asLong()).isEqualTo(2);
        var blocked = health.get("rebalances_blocked").get("p8");
        assertThat(blocked.get("reason").asText()).isEqualTo("no market price for AAPL: cannot size its trade");
        assertThat(blocked.get("skipped").asLong()).isEqualTo(2);
        assertThat(blocked.get("since_nanos").asLong()).isEqualTo(nanos("2024-01-16T12:00:00Z"));
        assertThat(blocked.get("last_nanos").asLong()).isEqualTo(nanos("2024-01-17T12:00:00Z"));
        // the ticks' equity snapshots went through the write-behind: one portfolio, two ticks since the restart
        var equity = health.get("write_behind").get("portfolio_equity");
        assertThat(equity.get("offered").asLong()).isEqualTo(2);
        assertThat(equity.get("written").asLong()).isEqualTo(2);
        assertThat(equity.get("dropped").asLong()).isZero();
        assertThat(h.intents).hasSize(4);

        // prices again: the next day's rebalance goes out (500 AAPL at 100, 250 MSFT at 200) and the block clears
        price("AAPL", 100);
        price("MSFT", 200);
        tickAt("2024-01-18T12:00:00Z");
        await().until(() -> h.intents.size() == 6);
        assertThat(h.intents.subList(4, 6)).extracting(OrderIntent::symbol, OrderIntent::side, OrderIntent::quantity)
                .containsExactly(tuple("AAPL", Side.BUY, 500.0), tuple("MSFT", Side.BUY, 250.0));
        health = h.json("GET", "/health", null, 200);
        assertThat(health.get("rebalances_skipped").asLong()).isEqualTo(2);
        assertThat(health.get("rebalances_blocked").size()).isZero();
    }
}
