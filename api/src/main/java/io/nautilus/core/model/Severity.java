package io.nautilus.core.model;

/**
 * Severity of a limit breach, by the utilisation of the limit (value / limit, in percent), on the seed's scale:
 * at or over 150% CRITICAL, 120% HIGH, 100% MEDIUM; at or over the warning threshold WARNING.
 */
public enum Severity {
    WARNING, MEDIUM, HIGH, CRITICAL;

    /**
     * Classifies a utilisation.
     *
     * @param utilisationPct value as a percent of the limit (100 = at the limit)
     * @param warningPct     the warning threshold as a percent of the limit (e.g. 80)
     * @return the severity, or {@code null} when below the warning threshold
     */
    public static Severity of(double utilisationPct, double warningPct) {
        if (utilisationPct >= 150) {
            return CRITICAL;
        }
        if (utilisationPct >= 120) {
            return HIGH;
        }
        if (utilisationPct >= 100) {
            return MEDIUM;
        }
        if (utilisationPct >= warningPct) {
            return WARNING;
        }
        return null;
    }
}
