package io.nautilus.engine.features.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Tracks the calendar day, in a time zone, that a stream of bar start times falls in, to reset session
 * indicators (VWAP) at day boundaries. The bounds of the current day are cached, so a bar inside the current
 * day costs two comparisons and allocates nothing; crossing into another day recomputes them (daylight-saving
 * days of 23 or 25 hours are handled by the zone rules). Mutable, not thread-safe: one per symbol stream.
 */
public final class SessionDay {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ZoneId zone;
    private long dayStart = Long.MAX_VALUE;
    private long dayEnd = Long.MIN_VALUE;

    public SessionDay(ZoneId zone) {
        if (zone == null) {
            throw new IllegalArgumentException("zone must be non-null");
        }
        this.zone = zone;
    }

    /**
     * Moves to the day of {@code epochNanos} and tells whether that starts a new session: true for the first
     * call and whenever the time falls outside the current day (forwards or backwards).
     */
    public boolean advance(long epochNanos) {
        if (epochNanos >= dayStart && epochNanos < dayEnd) {
            return false;
        }
        LocalDate day = Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND)).atZone(zone).toLocalDate();
        dayStart = day.atStartOfDay(zone).toEpochSecond() * NANOS_PER_SECOND;
        dayEnd = day.plusDays(1).atStartOfDay(zone).toEpochSecond() * NANOS_PER_SECOND;
        return true;
    }

    /** Start of the current day, epoch nanoseconds ({@code Long.MAX_VALUE} before the first call). */
    public long dayStartNanos() {
        return dayStart;
    }
}
