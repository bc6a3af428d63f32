package io.nautilus.engine.analytics.attribution;

import io.nautilus.core.quant.stats.SeriesChecks;
import java.util.HashSet;
import java.util.List;

/**
 * One period of sector weights and returns of a portfolio and its benchmark: the input of a Brinson attribution.
 *
 * <p>Weights are fractions of each side's value at the start of the period and must each sum to 1 within
 * {@link #WEIGHT_SUM_TOLERANCE} (hold cash as a sector); they may be negative (short positions). Returns are simple
 * period returns as fractions, {@code >= -1}. A sector the portfolio does not hold has weight 0 and any return
 * (conventionally the benchmark's). Immutable and thread-safe: arrays are copied in and out.
 *
 * @param sectors sector names, unique, same order as the arrays
 * @param portfolioWeights portfolio weight per sector
 * @param benchmarkWeights benchmark weight per sector
 * @param portfolioReturns portfolio return per sector over the period
 * @param benchmarkReturns benchmark return per sector over the period
 */
public record SectorReturns(List<String> sectors, double[] portfolioWeights, double[] benchmarkWeights,
                            double[] portfolioReturns, double[] benchmarkReturns) {

    /** How far each side's weights may sum from 1. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    public SectorReturns {
        if (sectors == null || sectors.isEmpty()) {
            throw new IllegalArgumentException("sectors is empty; name at least one sector");
        }
        sectors = List.copyOf(sectors);
        if (new HashSet<>(sectors).size() != sectors.size()) {
            throw new IllegalArgumentException("sectors " + sectors + " has duplicates; each sector appears once");
        }
        int n = sectors.size();
        portfolioWeights = copyPerSector(portfolioWeights, "portfolio_weights", n);
        benchmarkWeights = copyPerSector(benchmarkWeights, "benchmark_weights", n);
        portfolioReturns = copyPerSector(portfolioReturns, "portfolio_returns", n);
        benchmarkReturns = copyPerSector(benchmarkReturns, "benchmark_returns", n);
        SeriesChecks.requireSimpleReturns(portfolioReturns, "portfolio_returns", n);
        SeriesChecks.requireSimpleReturns(benchmarkReturns, "benchmark_returns", n);
        requireUnitSum(portfolioWeights, "portfolio_weights");
        requireUnitSum(benchmarkWeights, "benchmark_weights");
    }

    @Override
    public double[] portfolioWeights() {
        return portfolioWeights.clone();
    }

    @Override
    public double[] benchmarkWeights() {
        return benchmarkWeights.clone();
    }

    @Override
    public double[] portfolioReturns() {
        return portfolioReturns.clone();
    }

    @Override
    public double[] benchmarkReturns() {
        return benchmarkReturns.clone();
    }

    /** Total portfolio return of the period, {@code sum(wp rp)}. */
    public double portfolioReturn() {
        return weightedSum(portfolioWeights, portfolioReturns);
    }

    /** Total benchmark return of the period, {@code sum(wb rb)}. */
    public double benchmarkReturn() {
        return weightedSum(benchmarkWeights, benchmarkReturns);
    }

    static double weightedSum(double[] weights, double[] returns) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * returns[i];
        }
        return sum;
    }

    static double[] copyPerSector(double[] values, String name, int sectorCount) {
        SeriesChecks.requireFinite(values, name, 1);
        if (values.length != sectorCount) {
            throw new IllegalArgumentException(name + " has " + values.length + " values for " + sectorCount
                    + " sectors; give one per sector");
        }
        return values.clone();
    }

    private static void requireUnitSum(double[] weights, String name) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (!(Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE)) {
            throw new IllegalArgumentException(name + " sum to " + sum + ", must sum to 1 within "
                    + WEIGHT_SUM_TOLERANCE + " (hold cash as a sector)");
        }
    }
}
