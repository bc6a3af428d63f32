package io.nautilus.engine.marketdata.bar;

import io.nautilus.core.model.BarInterval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.Bar;

import org.junit.jupiter.api.Test;

class BarAggregatorTest {
    /** 2024-01-02T14:30:00Z in epoch seconds (date -u -d 2024-01-02T14:30:00Z +%s). */
    private static final long T0 = 1_704_205_800L * 1_000_000_000L;
    private static final long S = 1_000_000_000L;

    @Test
    void test_update_oneMinuteBarsFromTradesMatchHandComputedFixture() {
        var agg = new BarAggregator("AAPL", BarInterval.parse("1m"));
        assertThat(agg.update(100, 10, T0)).isEqualTo(BarAggregator.UPDATED);
        agg.update(102, 5, T0 + 20 * S);
        agg.update(99, 20, T0 + 40 * S);
        agg.update(101, 15, T0 + 60 * S - 1); // last nanosecond of the first minute
        assertThat(agg.closesAt(T0 + 60 * S - 1)).isFalse();
        assertThat(agg.closesAt(T0 + 60 * S)).isTrue(); // the end is exclusive
        Bar first = agg.close();
        // O 100, H 102, L 99, C 101; V = 10+5+20+15 = 50; VWAP = (1000 + 510 + 1980 + 1515) / 50 = 5005 / 50 = 100.1
        assertThat(first.startNanos()).isEqualTo(T0);
        assertThat(first.endNanos()).isEqualTo(T0 + 60 * S);
        assertThat(first.open()).isEqualTo(100);
        assertThat(first.high()).isEqualTo(102);
        assertThat(first.low()).isEqualTo(99);
        assertThat(first.close()).isEqualTo(101);
        assertThat(first.volume()).isEqualTo(50);
        assertThat(first.vwap()).isCloseTo(100.1, within(1e-12));
        assertThat(first.tradeCount()).isEqualTo(4);

        agg.update(103, 10, T0 + 60 * S);
        // a trade of the already published first minute is late: not aggregated
        assertThat(agg.update(200, 1, T0 + 30 * S)).isEqualTo(BarAggregator.LATE);
        assertThat(agg.closesAt(T0 + 200 * S)).isTrue();
        Bar second = agg.close();
        assertThat(second.high()).isEqualTo(103);
        assertThat(second.volume()).isEqualTo(10);
        assertThat(second.tradeCount()).isEqualTo(1);

        // no trade in [T0+120s, T0+180s): the next bar starts at T0+180s, no empty bar in between
        agg.update(104, 30, T0 + 200 * S);
        assertThat(agg.current().startNanos()).isEqualTo(T0 + 180 * S);
    }

    @Test
    void test_update_midpointBarHasZeroVolumeAndMeanPriceAsVwap() {
        var agg = new BarAggregator("EURUSD", BarInterval.parse("1s"));
        agg.update(10, 0, T0);
        agg.update(11, 0, T0 + S / 3);
        agg.update(12, 0, T0 + 2 * S / 3);
        Bar b = agg.close();
        // mean of 10, 11, 12 = 11
        assertThat(b.volume()).isZero();
        assertThat(b.vwap()).isCloseTo(11.0, within(1e-12));
        assertThat(b.tradeCount()).isEqualTo(3);
        assertThat(agg.isOpen()).isFalse();
        assertThat(agg.close()).isNull();
    }

    @Test
    void test_update_dailyBarsStartAtUtcMidnight() {
        var agg = new BarAggregator("SPY", BarInterval.DAILY);
        agg.update(500, 1, T0);
        // 2024-01-02T00:00:00Z = 1704153600 s
        assertThat(agg.current().startNanos()).isEqualTo(1_704_153_600L * S);
        assertThat(agg.current().endNanos()).isEqualTo((1_704_153_600L + 86_400) * S);
    }
}
