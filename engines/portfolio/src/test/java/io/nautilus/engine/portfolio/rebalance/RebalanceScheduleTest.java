package io.nautilus.engine.portfolio.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RebalanceScheduleTest {
    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void test_calendarDue_boundaries() {
        var weekly = new RebalanceSchedule(RebalanceSchedule.Frequency.WEEKLY, Double.NaN);
        // 2024-01-07 is a Sunday (ISO week 1), 2024-01-08 a Monday (week 2)
        assertThat(weekly.calendarDue(nanos("2024-01-01T10:00:00Z"), nanos("2024-01-07T23:00:00Z"))).isFalse();
        assertThat(weekly.calendarDue(nanos("2024-01-07T23:00:00Z"), nanos("2024-01-08T00:00:01Z"))).isTrue();
        var monthly = new RebalanceSchedule(RebalanceSchedule.Frequency.MONTHLY, Double.NaN);
        assertThat(monthly.calendarDue(nanos("2024-01-31T12:00:00Z"), nanos("2024-02-01T00:00:00Z"))).isTrue();
        assertThat(monthly.calendarDue(nanos("2024-02-01T00:00:00Z"), nanos("2024-02-29T00:00:00Z"))).isFalse();
        var quarterly = new RebalanceSchedule(RebalanceSchedule.Frequency.QUARTERLY, Double.NaN);
        assertThat(quarterly.calendarDue(nanos("2024-01-02T00:00:00Z"), nanos("2024-03-31T00:00:00Z"))).isFalse();
        assertThat(quarterly.calendarDue(nanos("2024-03-31T00:00:00Z"), nanos("2024-04-01T00:00:00Z"))).isTrue();
        var none = new RebalanceSchedule(RebalanceSchedule.Frequency.NONE, Double.NaN);
        assertThat(none.calendarDue(nanos("2020-01-01T00:00:00Z"), nanos("2024-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void test_isDue_driftThreshold() {
        var schedule = new RebalanceSchedule(RebalanceSchedule.Frequency.NONE, 0.05);
        assertThat(schedule.isDue(1, 2, 0.049)).isFalse();
        assertThat(schedule.isDue(1, 2, 0.051)).isTrue();
    }
}
