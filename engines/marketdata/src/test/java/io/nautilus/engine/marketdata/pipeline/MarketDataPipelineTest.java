package io.nautilus.engine.marketdata.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.core.model.MarketDataAlert;
import io.nautilus.core.time.SimulatedClock;
import io.nautilus.engine.marketdata.tick.IngestOutcome;
import io.nautilus.engine.marketdata.tick.Rejection;
import io.nautilus.engine.marketdata.tick.TickBatch;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MarketDataPipelineTest {
    private static final long S = 1_000_000_000L;
    /** 2024-01-02T14:30:00Z. */
    private static final long T0 = 1_704_205_800L * S;

    private final SimulatedClock clock = new SimulatedClock(T0);
    private final CollectingOutput out = new CollectingOutput();
    private final LatencyMonitor latency = new LatencyMonitor();

    private MarketDataPipeline pipeline(PipelineSettings s) {
        return new MarketDataPipeline(s, out, clock, latency);
    }

    private MarketDataPipeline pipeline() {
        return pipeline(PipelineSettings.defaults().withSourcePriority(List.of("primary", "backup")));
    }

    @Test
    void test_process_badBatchIsPartiallyAcceptedWithReasons() {
        var p = pipeline(PipelineSettings.defaults().withSymbols(Set.of("AAPL", "MSFT")));
        TickBatch b = new TickBatch.Builder(8)
                .quote("primary", "AAPL", 100, 100.1, 1, 1, T0, 0)
                .quote("primary", "AAPL", 100.2, 100.1, 1, 1, T0 + 1, 1)      // crossed
                .quote("primary", "TSLA", 200, 200.1, 1, 1, T0 + 1, 2)        // not on the list
                .trade("primary", "MSFT", Double.NaN, 5, T0, 3)               // non-finite
                .trade("primary", "MSFT", 400, 0, T0, 4)                      // zero size
                .trade("primary", "MSFT", -400, 1, T0, 5)                     // negative price
                .trade("primary", "MSFT", 400, 1, T0 + 10, 6)
                .trade("primary", "MSFT", 401, 1, T0 + 5, 7)                  // older than index 6, same source
                .trade("primary", "BAD.SYM", 1, 1, T0, 8)                     // malformed symbol
                .build();
        IngestOutcome o = p.process(b);
        assertThat(o.accepted()).isEqualTo(2);
        assertThat(o.rejected()).extracting(r -> r.index() + ":" + r.reason()).containsExactly(
                "1:CROSSED_QUOTE", "2:UNKNOWN_SYMBOL", "3:NON_FINITE", "4:BAD_SIZE", "5:NON_POSITIVE_PRICE",
                "7:OUT_OF_ORDER", "8:INVALID_SYMBOL");
        assertThat(out.quotes).hasSize(1);
        assertThat(out.trades).hasSize(1);
        assertThat(out.topics).containsExactly("md.quote.AAPL", "md.trade.MSFT");
        assertThat(p.stats().rejected()).containsEntry("out_of_order", 1L).containsEntry("crossed_quote", 1L);
    }

    @Test
    void test_process_duplicatesAreSkippedAcrossRetriesAndSources() {
        var p = pipeline();
        var first = new TickBatch.Builder(2).quote("primary", "AAPL", 100, 100.1, 1, 1, T0, 0)
                .quote("primary", "AAPL", 100, 100.2, 1, 1, T0 + S, 1).build();
        assertThat(p.process(first).accepted()).isEqualTo(2);
        var retry = new TickBatch.Builder(2).quote("primary", "AAPL", 100, 100.1, 1, 1, T0, 0)
                .quote("primary", "AAPL", 100, 100.2, 1, 1, T0 + S, 1).build();
        IngestOutcome o = p.process(retry);
        assertThat(o.duplicates()).isEqualTo(2);
        assertThat(o.accepted()).isZero();
        assertThat(o.rejected()).isEmpty();
        // the backup sends the same event while it is on standby, then after failover
        clock.advance(10 * S);
        var backup = new TickBatch.Builder(2).quote("backup", "AAPL", 100, 100.2, 1, 1, T0 + S, 0)
                .quote("backup", "AAPL", 100, 100.3, 1, 1, T0 + 11 * S, 1).build();
        IngestOutcome ob = p.process(backup);
        assertThat(ob.duplicates()).isEqualTo(1);
        assertThat(ob.accepted()).isEqualTo(1);
        assertThat(out.quotes).hasSize(3);
    }

    @Test
    void test_process_failoverToBackupAndBackWithAlerts() {
        var p = pipeline();
        p.process(new TickBatch.Builder(1).quote("primary", "AAPL", 100, 100.1, 1, 1, T0, 0).build());
        IngestOutcome standby = p.process(new TickBatch.Builder(1).quote("backup", "AAPL", 99, 99.1, 1, 1, T0, 0).build());
        assertThat(standby.standby()).isEqualTo(1);
        clock.advance(6 * S); // the primary is silent for 6 s > 5 s stale time
        IngestOutcome o = p.process(new TickBatch.Builder(1).quote("backup", "AAPL", 99, 99.2, 1, 1, T0 + 6 * S, 0).build());
        assertThat(o.accepted()).isEqualTo(1);
        assertThat(p.activeSource("AAPL")).isEqualTo("backup");
        assertThat(out.alerts).extracting(MarketDataAlert::kind)
                .containsExactly(MarketDataAlert.Kind.STALE, MarketDataAlert.Kind.FAILOVER);
        assertThat(out.alerts.get(1).source()).isEqualTo("backup");
        clock.advance(S);
        p.process(new TickBatch.Builder(1).quote("primary", "AAPL", 100, 100.1, 1, 1, T0 + 7 * S, 0).build());
        assertThat(p.activeSource("AAPL")).isEqualTo("primary");
        assertThat(out.alerts).extracting(MarketDataAlert::kind).containsExactly(MarketDataAlert.Kind.STALE,
                MarketDataAlert.Kind.FAILOVER, MarketDataAlert.Kind.RECOVERED, MarketDataAlert.Kind.FAILOVER);
        assertThat(out.topics).contains("md.alert.AAPL");
        // housekeeping fails over with no new record once the primary falls silent again
        p.process(new TickBatch.Builder(1).quote("backup", "AAPL", 99, 99.2, 1, 1, T0 + 10 * S, 0).build());
        clock.advance(4 * S);
        p.process(new TickBatch.Builder(1).quote("backup", "AAPL", 99, 99.3, 1, 1, T0 + 11 * S, 0).build());
        clock.advance(2 * S); // primary silent 6 s, backup 2 s
        p.housekeeping();
        assertThat(p.activeSource("AAPL")).isEqualTo("backup");
    }

    @Test
    void test_process_barsFromTradesOnceTradesArriveAndEndOfStreamClosesThem() {
        var p = pipeline();
        long h = T0 - 30L * 86_400 * S; // historical: no live checks
        var b = new TickBatch.Builder(8)
                .quote("primary", "AAPL", 99, 101, 1, 1, h, 0)       // midpoint 100 (no trade yet)
                .trade("primary", "AAPL", 102, 10, h + 10 * S, 1)
                .quote("primary", "AAPL", 90, 91, 1, 1, h + 20 * S, 2) // ignored for bars: the symbol has trades
                .trade("primary", "AAPL", 101, 30, h + 30 * S, 3)
                .buildFinal("primary");
        p.process(b);
        List<Bar> minute = out.bars("1m");
        assertThat(minute).hasSize(1);
        Bar m = minute.getFirst();
        // updates: mid 100 (size 0), trade 102 x 10, trade 101 x 30: O 100 H 102 L 100 C 101 V 40
        // VWAP = (102*10 + 101*30) / 40 = (1020 + 3030) / 40 = 101.25; count 3
        assertThat(m.open()).isEqualTo(100);
        assertThat(m.high()).isEqualTo(102);
        assertThat(m.low()).isEqualTo(100);
        assertThat(m.close()).isEqualTo(101);
        assertThat(m.volume()).isEqualTo(40);
        assertThat(m.vwap()).isCloseTo(101.25, within(1e-12));
        assertThat(m.tradeCount()).isEqualTo(3);
        assertThat(out.bars("1d")).hasSize(1);
        assertThat(out.bars("1s")).hasSize(3);
        assertThat(p.barHistory(new BarHistoryRequest("AAPL", "1m", 0, Long.MAX_VALUE, 10)).bars()).containsExactly(m);
    }

    @Test
    void test_process_lateRecordIsPublishedButNotAggregated() {
        var p = pipeline();
        long h = T0 - 86_400 * S;
        p.process(new TickBatch.Builder(4).trade("primary", "AAPL", 100, 1, h, 0)
                .trade("primary", "AAPL", 101, 1, h + 61 * S, 1).build());
        // another source's record for the first minute, after the second minute opened: late for 1s and 1m bars
        clock.advance(1);
        p.process(new TickBatch.Builder(1).trade("primary2", "AAPL", 150, 1, h + 30 * S, 0).build());
        assertThat(p.stats().late()).isZero(); // primary2 is on standby while primary is live
        clock.advance(6 * S);
        p.process(new TickBatch.Builder(1).trade("primary2", "AAPL", 150, 2, h + 31 * S, 0).build());
        assertThat(p.stats().late()).isEqualTo(1);
        assertThat(out.trades).hasSize(3);
        p.process(new TickBatch.Builder(1).buildFinal("primary2"));
        Bar second = out.bars("1m").getLast();
        assertThat(second.startNanos()).isEqualTo(BarIntervalStart.minute(h + 61 * S));
        assertThat(second.high()).isEqualTo(101);
    }

    @Test
    void test_housekeeping_closesLiveBarsAfterGrace() {
        var p = pipeline();
        p.process(new TickBatch.Builder(1).trade("primary", "AAPL", 100, 1, T0 + 100, 0).build());
        assertThat(out.bars("1s")).isEmpty();
        clock.advance(2 * S);
        p.housekeeping();
        assertThat(out.bars("1s")).as("1 s bar ends at T0+1s; + 2 s grace not yet passed").isEmpty();
        clock.advance(S);
        p.housekeeping();
        assertThat(out.bars("1s")).hasSize(1);
        assertThat(out.bars("1m")).isEmpty();
        assertThat(latency.of("primary").eventToIngest().summary().count()).isEqualTo(1);
    }

    @Test
    void test_process_liveGapRaisesAlert() {
        var p = pipeline(PipelineSettings.defaults().withGapNanos(10 * S));
        p.process(new TickBatch.Builder(1).trade("primary", "AAPL", 100, 1, T0, 0).build());
        clock.advance(15 * S);
        p.process(new TickBatch.Builder(1).trade("primary", "AAPL", 100, 1, T0 + 15 * S, 0).build());
        assertThat(out.alerts).extracting(MarketDataAlert::kind).containsExactly(MarketDataAlert.Kind.GAP);
    }

    /** Independent bucket arithmetic for the assertions. */
    private static final class BarIntervalStart {
        static long minute(long ts) {
            return ts / (60 * S) * (60 * S);
        }
    }
}
