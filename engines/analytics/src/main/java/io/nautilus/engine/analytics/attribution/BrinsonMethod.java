package io.nautilus.engine.analytics.attribution;

import io.nautilus.core.model.WireName;
import java.util.List;

/**
 * How the allocation effect of a sector is measured. With, for sector {@code i}, portfolio and benchmark weights
 * {@code wp, wb}, portfolio and benchmark sector returns {@code rp, rb}, and the total benchmark return {@code Rb}:
 * <ul>
 *   <li>{@link #BRINSON_HOOD_BEEBOWER} (Brinson, Hood and Beebower 1986): allocation {@code (wp - wb) rb}.</li>
 *   <li>{@link #BRINSON_FACHLER} (Brinson and Fachler 1985): allocation {@code (wp - wb)(rb - Rb)}, so that
 *       overweighting a sector that beats the benchmark as a whole is rewarded even when its return is
 *       negative.</li>
 * </ul>
 * Both use selection {@code wb (rp - rb)} and interaction {@code (wp - wb)(rp - rb)}; the totals of the three
 * effects sum to {@code Rp - Rb} in both, since the weights of each side sum to 1. On the wire
 * {@code brinson_hood_beebower} ({@code bhb}) and {@code brinson_fachler} ({@code bf}). Immutable and thread-safe.
 */
public enum BrinsonMethod implements WireName {

    /** Allocation {@code (wp - wb) rb}. */
    BRINSON_HOOD_BEEBOWER("bhb") {
        @Override
        double allocation(double weightDifference, double benchmarkSectorReturn, double benchmarkTotalReturn) {
            return weightDifference * benchmarkSectorReturn;
        }
    },

    /** Allocation {@code (wp - wb)(rb - Rb)}. */
    BRINSON_FACHLER("bf") {
        @Override
        double allocation(double weightDifference, double benchmarkSectorReturn, double benchmarkTotalReturn) {
            return weightDifference * (benchmarkSectorReturn - benchmarkTotalReturn);
        }
    };

    private final String shortName;

    BrinsonMethod(String shortName) {
        this.shortName = shortName;
    }

    /** The short name, read as this method too. */
    @Override
    public List<String> aliases() {
        return List.of(shortName);
    }

    abstract double allocation(double weightDifference, double benchmarkSectorReturn, double benchmarkTotalReturn);
}
