package io.nautilus.engine.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class EquityCurveTest {

    static long nanos(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** Five samples over three UTC days in two months (see the derivations in the tests). */
    static final EquityCurve CURVE = new EquityCurve(
            new long[] {nanos("2024-01-30T10:00:00Z"), nanos("2024-01-30T16:00:00Z"), nanos("2024-01-31T12:00:00Z"),
                nanos("2024-02-01T12:00:00Z"), nanos("2024-02-29T23:59:59Z")},
            new double[] {100, 101, 99, 104.94, 100.6});

    @Test
    void test_dailyCloses_lastSampleOfEachUtcDay() {
        EquityCurve daily = CURVE.dailyCloses();
        // Jan 30 closes at 101 (16:00), Jan 31 at 99, Feb 1 at 104.94, Feb 29 at 100.6
        assertThat(daily.equity()).containsExactly(101, 99, 104.94, 100.6);
        assertThat(daily.timesNanos()[0]).isEqualTo(nanos("2024-01-30T16:00:00Z"));
    }

    @Test
    void test_returns_consecutiveSimpleReturns() {
        double[] r = CURVE.dailyCloses().returns();
        // 99 / 101 - 1, 104.94 / 99 - 1 = 0.06, 100.6 / 104.94 - 1
        assertThat(r).hasSize(3);
        assertThat(r[0]).isEqualTo(-2.0 / 101, within(1e-15));
        assertThat(r[1]).isEqualTo(0.06, within(1e-15));
        assertThat(r[2]).isEqualTo(-4.34 / 104.94, within(1e-15));
    }

    @Test
    void test_drawdowns_fromRunningPeak() {
        double[] dd = CURVE.dailyCloses().drawdowns();
        // peaks 101, 101, 104.94, 104.94
        assertThat(dd[0]).isZero();
        assertThat(dd[1]).isEqualTo(99 / 101.0 - 1, within(1e-15));
        assertThat(dd[2]).isZero();
        assertThat(dd[3]).isEqualTo(100.6 / 104.94 - 1, within(1e-15));
    }

    @Test
    void test_monthlyReturns_fromFirstSampleThenMonthEnds() {
        var m = CURVE.monthlyReturns();
        // January: 99 / 100 - 1 = -0.01; February: 100.6 / 99 - 1
        assertThat(m.keySet()).containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 2));
        assertThat(m.get(YearMonth.of(2024, 1))).isEqualTo(-0.01, within(1e-15));
        assertThat(m.get(YearMonth.of(2024, 2))).isEqualTo(100.6 / 99 - 1, within(1e-15));
    }

    @Test
    void test_constructor_rejectsBadInput() {
        assertThatThrownBy(() -> new EquityCurve(new long[] {1, 2}, new double[] {1})).hasMessageContaining("same length");
        assertThatThrownBy(() -> new EquityCurve(new long[] {2, 1}, new double[] {1, 1})).hasMessageContaining("times_nanos[1]");
        assertThatThrownBy(() -> new EquityCurve(new long[] {1, 2}, new double[] {1, 0})).hasMessageContaining("equity[1]");
    }
}
