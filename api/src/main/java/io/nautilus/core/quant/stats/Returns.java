package io.nautilus.core.quant.stats;

/**
 * Simple per-period returns of a price or wealth series: {@code x[i] / x[i - 1] - 1} as fractions, one fewer than
 * the values (none for fewer than two), not annualized. The values must be finite (checked) and positive for the
 * returns to be finite (the caller's domain check: a wealth curve may legitimately cross zero, prices may not).
 * Stateless and thread-safe.
 */
public final class Returns {

    private Returns() {
    }

    /** {@code values.length - 1} simple returns (an empty array for fewer than two values). */
    public static double[] simple(double[] values) {
        SeriesChecks.requireFinite(values, "values", 0);
        double[] r = new double[Math.max(0, values.length - 1)];
        for (int i = 1; i < values.length; i++) {
            r[i - 1] = values[i] / values[i - 1] - 1;
        }
        return r;
    }

    /**
     * Simple returns of a panel of prices, one row per period and one column per asset (every row as long as the
     * first): {@code rows - 1} rows of {@code p[t][j] / p[t - 1][j] - 1} (none for fewer than two rows).
     */
    public static double[][] simple(double[][] pricesByPeriod) {
        int periods = Math.max(0, pricesByPeriod.length - 1);
        int assets = pricesByPeriod.length == 0 ? 0 : pricesByPeriod[0].length;
        double[][] r = new double[periods][assets];
        for (int t = 0; t < pricesByPeriod.length; t++) {
            if (pricesByPeriod[t].length != assets) {
                throw new IllegalArgumentException("pricesByPeriod[" + t + "] has " + pricesByPeriod[t].length
                        + " values, row 0 has " + assets);
            }
            SeriesChecks.requireFinite(pricesByPeriod[t], "pricesByPeriod[" + t + "]", 0);
            if (t > 0) {
                for (int j = 0; j < assets; j++) {
                    r[t - 1][j] = pricesByPeriod[t][j] / pricesByPeriod[t - 1][j] - 1;
                }
            }
        }
        return r;
    }
}
