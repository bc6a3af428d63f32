package io.nautilus.core.bus;

/**
 * Message priority. An engine drains CRITICAL and HIGH messages before NORMAL and LOW ones, so a kill switch or
 * a limit breach overtakes a queued flood of quotes. Order is preserved within a lane.
 */
public enum Priority {
    CRITICAL, HIGH, NORMAL, LOW;

    /** True for the lane that is drained first (CRITICAL, HIGH). */
    public boolean urgent() {
        return this == CRITICAL || this == HIGH;
    }
}
