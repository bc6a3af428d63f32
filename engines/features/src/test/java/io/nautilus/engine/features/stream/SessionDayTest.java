package io.nautilus.engine.features.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SessionDayTest {

    private static long nanos(String zonedDateTime) {
        return ZonedDateTime.parse(zonedDateTime).toEpochSecond() * 1_000_000_000L;
    }

    @Test
    void test_advance_newSessionOnlyWhenTheCalendarDayChanges() {
        var day = new SessionDay(ZoneId.of("UTC"));
        assertThat(day.advance(nanos("2024-03-01T14:30:00Z"))).isTrue();
        assertThat(day.advance(nanos("2024-03-01T20:59:00Z"))).isFalse();
        assertThat(day.advance(nanos("2024-03-01T23:59:59Z"))).isFalse();
        assertThat(day.advance(nanos("2024-03-02T00:00:00Z"))).isTrue();
        assertThat(day.dayStartNanos()).isEqualTo(nanos("2024-03-02T00:00:00Z"));
    }

    @Test
    void test_advance_followsTheZoneAcrossDaylightSaving() {
        // New York springs forward on 2024-03-10: that day is 23 hours long, from 05:00Z to 04:00Z next day
        var day = new SessionDay(ZoneId.of("America/New_York"));
        assertThat(day.advance(nanos("2024-03-10T12:00:00Z"))).isTrue();
        assertThat(day.dayStartNanos()).isEqualTo(nanos("2024-03-10T05:00:00Z"));
        assertThat(day.advance(nanos("2024-03-11T03:59:59Z"))).isFalse();
        assertThat(day.advance(nanos("2024-03-11T04:00:00Z"))).isTrue();
        // 01:00 UTC on 2024-03-12 is still 2024-03-11 in New York (21:00 EDT)
        assertThat(day.advance(nanos("2024-03-12T01:00:00Z"))).isFalse();
    }
}
