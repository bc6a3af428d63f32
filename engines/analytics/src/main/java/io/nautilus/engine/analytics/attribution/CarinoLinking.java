package io.nautilus.engine.analytics.attribution;

import java.util.List;

/**
 * Carino (1999) logarithmic linking of single-period attribution effects into multi-period effects that add up
 * to the multi-period active return.
 *
 * <p>With period totals {@code Rp_t, Rb_t}, compounded totals {@code Rp = prod(1 + Rp_t) - 1} and likewise
 * {@code Rb}, and the coefficient {@code k(p, b) = (ln(1 + p) - ln(1 + b)) / (p - b)} (or {@code 1 / (1 + p)} when
 * {@code p = b}), each effect {@code e_t} is linked as {@code sum_t e_t k(Rp_t, Rb_t) / k(Rp, Rb)}. Because
 * {@code (Rp_t - Rb_t) k_t = ln((1 + Rp_t) / (1 + Rb_t))}, the linked effects sum exactly to {@code Rp - Rb}, the
 * difference of the compounded returns. Stateless and thread-safe.
 */
public final class CarinoLinking {

    private CarinoLinking() {
    }

    /**
     * Links consecutive single-period attributions over the same sectors (in the same order).
     *
     * @return effects per sector over the whole span, with compounded portfolio and benchmark returns
     */
    public static BrinsonAttribution link(List<BrinsonAttribution> periods) {
        if (periods == null || periods.isEmpty()) {
            throw new IllegalArgumentException("periods is empty; link at least one period");
        }
        List<String> sectors = periods.getFirst().sectors();
        int n = sectors.size();
        double[] allocation = new double[n];
        double[] selection = new double[n];
        double[] interaction = new double[n];
        double portfolioGrowth = 1;
        double benchmarkGrowth = 1;
        for (int t = 0; t < periods.size(); t++) {
            BrinsonAttribution period = periods.get(t);
            if (!period.sectors().equals(sectors)) {
                throw new IllegalArgumentException("periods[" + t + "] has sectors " + period.sectors()
                        + ", expected " + sectors + " as in periods[0]");
            }
            double k = coefficient(period.portfolioReturn(), period.benchmarkReturn());
            addScaled(allocation, period.allocation(), k);
            addScaled(selection, period.selection(), k);
            addScaled(interaction, period.interaction(), k);
            portfolioGrowth *= 1 + period.portfolioReturn();
            benchmarkGrowth *= 1 + period.benchmarkReturn();
        }
        double portfolioReturn = portfolioGrowth - 1;
        double benchmarkReturn = benchmarkGrowth - 1;
        double inverseK = 1 / coefficient(portfolioReturn, benchmarkReturn);
        scale(allocation, inverseK);
        scale(selection, inverseK);
        scale(interaction, inverseK);
        return new BrinsonAttribution(sectors, allocation, selection, interaction, portfolioReturn, benchmarkReturn);
    }

    /**
     * The Carino coefficient {@code (ln(1 + p) - ln(1 + b)) / (p - b)}, evaluated as
     * {@code log1p((p - b) / (1 + b)) / (p - b)} to stay accurate when {@code p} is close to {@code b}, and
     * {@code 1 / (1 + b)} when they are equal.
     *
     * @param portfolioReturn {@code p > -1}
     * @param benchmarkReturn {@code b > -1}
     */
    public static double coefficient(double portfolioReturn, double benchmarkReturn) {
        if (!(portfolioReturn > -1) || !(benchmarkReturn > -1)) {
            throw new IllegalArgumentException("Carino linking needs returns > -1, got portfolio " + portfolioReturn
                    + " and benchmark " + benchmarkReturn);
        }
        double difference = portfolioReturn - benchmarkReturn;
        if (difference == 0) {
            return 1 / (1 + benchmarkReturn);
        }
        return Math.log1p(difference / (1 + benchmarkReturn)) / difference;
    }

    private static void addScaled(double[] target, double[] values, double factor) {
        for (int i = 0; i < target.length; i++) {
            target[i] += values[i] * factor;
        }
    }

    private static void scale(double[] values, double factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
    }
}
