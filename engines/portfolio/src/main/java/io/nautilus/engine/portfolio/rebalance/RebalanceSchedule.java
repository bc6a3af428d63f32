package io.nautilus.engine.portfolio.rebalance;

import io.nautilus.core.model.WireName;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;

/**
 * When a scheduled rebalance is due: on a calendar boundary (UTC) since the last rebalance, or as soon as the
 * drift from the targets exceeds a threshold. Frequencies: {@code none}, {@code daily} (a new date),
 * {@code weekly} (a new ISO week), {@code monthly} (a new month), {@code quarterly} (a new quarter). Immutable
 * and thread-safe.
 *
 * @param frequency      calendar frequency
 * @param driftThreshold max |weight − target| tolerated (fraction), or NaN for no drift trigger
 */
public record RebalanceSchedule(Frequency frequency, double driftThreshold) {

    /** Calendar frequencies; wire names {@code none}, {@code daily}, ... ({@link WireName}). */
    public enum Frequency implements WireName {
        NONE, DAILY, WEEKLY, MONTHLY, QUARTERLY
    }

    public RebalanceSchedule {
        if (frequency == null) {
            throw new IllegalArgumentException("frequency is required");
        }
        if (!Double.isNaN(driftThreshold) && !(driftThreshold > 0 && driftThreshold < 1)) {
            throw new IllegalArgumentException("drift_threshold must be in (0, 1), got " + driftThreshold);
        }
    }

    /** True when the calendar boundary was crossed between the last rebalance and now. */
    public boolean calendarDue(long lastRebalanceNanos, long nowNanos) {
        LocalDate last = date(lastRebalanceNanos);
        LocalDate now = date(nowNanos);
        return switch (frequency) {
            case NONE -> false;
            case DAILY -> now.isAfter(last);
            case WEEKLY -> now.get(IsoFields.WEEK_BASED_YEAR) != last.get(IsoFields.WEEK_BASED_YEAR)
                    || now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != last.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTHLY -> now.getYear() != last.getYear() || now.getMonthValue() != last.getMonthValue();
            case QUARTERLY -> now.getYear() != last.getYear()
                    || now.get(IsoFields.QUARTER_OF_YEAR) != last.get(IsoFields.QUARTER_OF_YEAR);
        };
    }

    /** True when the drift exceeds the threshold (never without a threshold). */
    public boolean driftDue(double maxDrift) {
        return !Double.isNaN(driftThreshold) && maxDrift > driftThreshold;
    }

    /** Calendar or drift trigger. */
    public boolean isDue(long lastRebalanceNanos, long nowNanos, double maxDrift) {
        return calendarDue(lastRebalanceNanos, nowNanos) || driftDue(maxDrift);
    }

    private static LocalDate date(long nanos) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(0, nanos), ZoneOffset.UTC);
    }
}
