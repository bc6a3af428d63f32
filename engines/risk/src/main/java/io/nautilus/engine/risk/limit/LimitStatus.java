package io.nautilus.engine.risk.limit;

/** Where a measured value stands against its limit. */
public enum LimitStatus {
    /** The value could not be measured (missing prices, equity, covariance or reference data). */
    NO_DATA,
    /** Under the warning threshold. */
    OK,
    /** At or over the warning threshold, under the breach threshold. */
    WARNING,
    /** At or over the breach threshold. */
    BREACH
}
