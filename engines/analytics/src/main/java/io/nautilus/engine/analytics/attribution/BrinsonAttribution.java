package io.nautilus.engine.analytics.attribution;

import java.util.List;

/**
 * Allocation, selection and interaction effects per sector, for one period ({@link #of}) or linked over several
 * ({@link CarinoLinking#link}). Effects are fractions of return ({@code 0.004} = 40 basis points) and their grand
 * total equals {@link #activeReturn()}, {@code portfolioReturn - benchmarkReturn}, up to rounding.
 *
 * <p>Immutable and thread-safe: arrays are copied in and out.
 *
 * @param sectors sector names, in the order of the arrays
 * @param allocation allocation effect per sector
 * @param selection selection effect per sector
 * @param interaction interaction effect per sector
 * @param portfolioReturn total portfolio return over the period(s), compounded when linked
 * @param benchmarkReturn total benchmark return over the period(s), compounded when linked
 */
public record BrinsonAttribution(List<String> sectors, double[] allocation, double[] selection,
                                 double[] interaction, double portfolioReturn, double benchmarkReturn) {

    public BrinsonAttribution {
        sectors = List.copyOf(sectors);
        allocation = SectorReturns.copyPerSector(allocation, "allocation", sectors.size());
        selection = SectorReturns.copyPerSector(selection, "selection", sectors.size());
        interaction = SectorReturns.copyPerSector(interaction, "interaction", sectors.size());
        if (!(portfolioReturn >= -1) || !(benchmarkReturn >= -1)
                || !Double.isFinite(portfolioReturn) || !Double.isFinite(benchmarkReturn)) {
            throw new IllegalArgumentException("portfolioReturn and benchmarkReturn must be finite and >= -1, got "
                    + portfolioReturn + " and " + benchmarkReturn);
        }
    }

    /**
     * The single-period Brinson decomposition of {@code period} under {@code method}: per sector,
     * allocation as the method defines it, selection {@code wb (rp - rb)}, interaction {@code (wp - wb)(rp - rb)}.
     */
    public static BrinsonAttribution of(SectorReturns period, BrinsonMethod method) {
        double[] wp = period.portfolioWeights();
        double[] wb = period.benchmarkWeights();
        double[] rp = period.portfolioReturns();
        double[] rb = period.benchmarkReturns();
        double benchmarkTotal = SectorReturns.weightedSum(wb, rb);
        int n = wp.length;
        double[] allocation = new double[n];
        double[] selection = new double[n];
        double[] interaction = new double[n];
        for (int i = 0; i < n; i++) {
            double weightDifference = wp[i] - wb[i];
            double returnDifference = rp[i] - rb[i];
            allocation[i] = method.allocation(weightDifference, rb[i], benchmarkTotal);
            selection[i] = wb[i] * returnDifference;
            interaction[i] = weightDifference * returnDifference;
        }
        return new BrinsonAttribution(period.sectors(), allocation, selection, interaction,
                SectorReturns.weightedSum(wp, rp), benchmarkTotal);
    }

    @Override
    public double[] allocation() {
        return allocation.clone();
    }

    @Override
    public double[] selection() {
        return selection.clone();
    }

    @Override
    public double[] interaction() {
        return interaction.clone();
    }

    /** {@code portfolioReturn - benchmarkReturn}. */
    public double activeReturn() {
        return portfolioReturn - benchmarkReturn;
    }

    /** Sum of the allocation effects. */
    public double totalAllocation() {
        return sum(allocation);
    }

    /** Sum of the selection effects. */
    public double totalSelection() {
        return sum(selection);
    }

    /** Sum of the interaction effects. */
    public double totalInteraction() {
        return sum(interaction);
    }

    /** Sum of all effects: equals {@link #activeReturn()} up to rounding. */
    public double totalEffect() {
        return totalAllocation() + totalSelection() + totalInteraction();
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
