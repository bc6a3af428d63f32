package io.nautilus.engine.portfolio.optimize;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Constraints on portfolio weights (fractions of portfolio value, 0.05 = 5 %).
 *
 * <ul>
 *   <li>budget: Σ w_i = budget (1 for fully invested; less leaves cash);</li>
 *   <li>per-asset bounds lower_i ≤ w_i ≤ upper_i (long-only is lower = 0; shorting allows negative lower);</li>
 *   <li>sector caps: Σ_{i in s} w_i ≤ cap_s for each capped sector s;</li>
 *   <li>maximum turnover: Σ |w_i − current_i| ≤ maxTurnover (two-way sum of weight changes; NaN = none).</li>
 * </ul>
 * Obviously infeasible sets (bounds that cannot add up to the budget, a sector whose minima exceed its cap) are
 * rejected here with {@link InfeasibleConstraintsException}; subtler ones by the solver. Immutable and thread-safe
 * (arrays are copied in and out).
 *
 * @param lower          per-asset minimum weight, finite or -Infinity
 * @param upper          per-asset maximum weight, finite or +Infinity
 * @param budget         required sum of weights, finite and &gt; 0
 * @param sectors        sector of each asset, or null when no sector caps apply
 * @param sectorCaps     maximum total weight per sector name (sectors not listed are uncapped)
 * @param maxTurnover    maximum Σ|Δw|, or NaN for none
 * @param currentWeights current weights (required with maxTurnover), or null
 */
public record Constraints(double[] lower, double[] upper, double budget, String[] sectors,
                          Map<String, Double> sectorCaps, double maxTurnover, double[] currentWeights) {

    public Constraints {
        if (lower == null || upper == null || lower.length == 0 || lower.length != upper.length) {
            throw new IllegalArgumentException("lower and upper bounds must be given for every asset");
        }
        int n = lower.length;
        lower = lower.clone();
        upper = upper.clone();
        if (!(Double.isFinite(budget) && budget > 0)) {
            throw new IllegalArgumentException("budget must be a finite number > 0, got " + budget);
        }
        double sumLower = 0;
        double sumUpper = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(lower[i]) || Double.isNaN(upper[i]) || lower[i] == Double.POSITIVE_INFINITY
                    || upper[i] == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("bounds of asset " + i + " must be numbers, got [" + lower[i] + ", "
                        + upper[i] + "]");
            }
            if (lower[i] > upper[i]) {
                throw new InfeasibleConstraintsException("min_weight " + lower[i] + " exceeds max_weight " + upper[i]
                        + " for asset " + i);
            }
            sumLower += lower[i];
            sumUpper += upper[i];
        }
        if (sumLower > budget + 1e-12) {
            throw new InfeasibleConstraintsException("per-asset minimum weights sum to " + sumLower
                    + ", more than the budget " + budget);
        }
        if (sumUpper < budget - 1e-12) {
            throw new InfeasibleConstraintsException("per-asset maximum weights sum to " + sumUpper
                    + ", less than the budget " + budget);
        }
        sectorCaps = sectorCaps == null ? Map.of() : Map.copyOf(new TreeMap<>(sectorCaps));
        if (!sectorCaps.isEmpty()) {
            if (sectors == null || sectors.length != n) {
                throw new IllegalArgumentException("sectors must name the sector of every asset when sector caps are set");
            }
            sectors = sectors.clone();
            checkSectorCaps(lower, sectors, sectorCaps);
        } else {
            sectors = sectors == null ? null : sectors.clone();
        }
        if (!Double.isNaN(maxTurnover)) {
            if (!(Double.isFinite(maxTurnover) && maxTurnover >= 0)) {
                throw new IllegalArgumentException("max_turnover must be a finite number >= 0, got " + maxTurnover);
            }
            if (currentWeights == null || currentWeights.length != n) {
                throw new IllegalArgumentException("current weights of every asset are required with max_turnover");
            }
            for (double w : currentWeights) {
                if (!Double.isFinite(w)) {
                    throw new IllegalArgumentException("current weights must be finite, got " + w);
                }
            }
        }
        currentWeights = currentWeights == null ? null : currentWeights.clone();
    }

    private static void checkSectorCaps(double[] lower, String[] sectors, Map<String, Double> caps) {
        var minimum = new TreeMap<String, Double>();
        for (int i = 0; i < lower.length; i++) {
            if (sectors[i] == null) {
                throw new IllegalArgumentException("sector of asset " + i + " is missing");
            }
            minimum.merge(sectors[i], lower[i], Double::sum);
        }
        for (var cap : caps.entrySet()) {
            double v = cap.getValue();
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("cap of sector " + cap.getKey() + " must be finite, got " + v);
            }
            double min = minimum.getOrDefault(cap.getKey(), 0.0);
            if (min > v + 1e-12) {
                throw new InfeasibleConstraintsException("sector " + cap.getKey() + " has minimum weights summing to "
                        + min + ", above its cap " + v);
            }
        }
    }

    /** Long-only, fully invested: 0 ≤ w_i ≤ 1, Σ w = 1. */
    public static Constraints longOnly(int assets) {
        return bounded(assets, 0.0, 1.0);
    }

    /** Fully invested with unlimited long and short positions. */
    public static Constraints unconstrained(int assets) {
        return bounded(assets, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Fully invested with the same bounds for every asset. */
    public static Constraints bounded(int assets, double min, double max) {
        if (assets < 1) {
            throw new IllegalArgumentException("assets must be >= 1, got " + assets);
        }
        double[] lo = new double[assets];
        double[] hi = new double[assets];
        Arrays.fill(lo, min);
        Arrays.fill(hi, max);
        return new Constraints(lo, hi, 1.0, null, Map.of(), Double.NaN, null);
    }

    /** A copy with another budget. */
    public Constraints withBudget(double newBudget) {
        return new Constraints(lower, upper, newBudget, sectors, sectorCaps, maxTurnover, currentWeights);
    }

    /** A copy with sector caps. */
    public Constraints withSectorCaps(String[] assetSectors, Map<String, Double> caps) {
        return new Constraints(lower, upper, budget, assetSectors, caps, maxTurnover, currentWeights);
    }

    /** A copy with a turnover limit from the current weights. */
    public Constraints withMaxTurnover(double limit, double[] current) {
        return new Constraints(lower, upper, budget, sectors, sectorCaps, limit, current);
    }

    public int size() {
        return lower.length;
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public double[] currentWeights() {
        return currentWeights == null ? null : currentWeights.clone();
    }

    @Override
    public String[] sectors() {
        return sectors == null ? null : sectors.clone();
    }

    /** True when every weight must be &gt;= 0. */
    public boolean isLongOnly() {
        for (double l : lower) {
            if (l < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when the only constraints are w ≥ 0 and the budget (upper bounds at or above the budget bind nothing). */
    boolean isPlainLongOnly() {
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] != 0 || upper[i] < budget) {
                return false;
            }
        }
        return sectorCaps.isEmpty() && Double.isNaN(maxTurnover);
    }

    /**
     * Checks that weights satisfy these constraints (tolerance 1e-8), for methods that build weights without
     * a solver (equal weight, inverse volatility, risk parity, HRP).
     *
     * @throws InfeasibleConstraintsException naming the first violated constraint
     */
    public void requireSatisfiedBy(double[] w, String method) {
        double tol = 1e-8;
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            if (w[i] < lower[i] - tol || w[i] > upper[i] + tol) {
                throw new InfeasibleConstraintsException(method + " gives asset " + i + " the weight " + w[i]
                        + ", outside its bounds [" + lower[i] + ", " + upper[i] + "]; use min_variance or "
                        + "mean_variance to optimize under these bounds");
            }
        }
        if (Math.abs(sum - budget) > tol) {
            throw new InfeasibleConstraintsException(method + " weights sum to " + sum + ", not the budget " + budget);
        }
        for (var cap : sectorCaps.entrySet()) {
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                if (cap.getKey().equals(sectors[i])) {
                    s += w[i];
                }
            }
            if (s > cap.getValue() + tol) {
                throw new InfeasibleConstraintsException(method + " puts " + s + " in sector " + cap.getKey()
                        + ", above its cap " + cap.getValue() + "; use min_variance or mean_variance instead");
            }
        }
        if (!Double.isNaN(maxTurnover)) {
            double t = 0;
            for (int i = 0; i < w.length; i++) {
                t += Math.abs(w[i] - currentWeights[i]);
            }
            if (t > maxTurnover + tol) {
                throw new InfeasibleConstraintsException(method + " needs turnover " + t + ", above max_turnover "
                        + maxTurnover);
            }
        }
    }

    /**
     * The program minimise ½·wᵀQw − cᵀw under these constraints. With a turnover limit the program has 3n
     * variables (w, buys p, sells m with w − p + m = current); the weights are always the first n.
     */
    QuadraticProgram program(double[][] q, double[] c) {
        return builder(q, c, false).build();
    }

    /**
     * The homogenised program of the maximum Sharpe ratio (Cornuejols and Tütüncü, Optimization Methods in
     * Finance, 2007, §8.2): variables (y, κ) with w = y/κ, minimise ½·yᵀΣy subject to excessᵀy = 1, κ ≥ 0 and every
     * constraint multiplied through by κ.
     */
    QuadraticProgram sharpeProgram(double[][] covariance, double[] excess) {
        return builder(covariance, excess, true).build();
    }

    /** The rows of {@link #program} (homogeneous = false) or {@link #sharpeProgram}, for callers adding more. */
    ProgramBuilder builder(double[][] q, double[] c, boolean homogeneous) {
        int n = size();
        boolean turnover = !Double.isNaN(maxTurnover);
        int kappa = homogeneous ? n : -1;
        int aux = n + (homogeneous ? 1 : 0);
        ProgramBuilder pb = new ProgramBuilder(aux + (turnover ? 2 * n : 0));
        pb.quadratic(q, 1.0);
        double ridge = 1e-10 * Math.max(trace(q) / n, 1e-300);
        for (int j = n; j < pb.size; j++) {
            pb.q[j][j] = ridge;
        }
        if (homogeneous) {
            double[] r = pb.row();
            System.arraycopy(c, 0, r, 0, n);
            pb.equality(r, 1.0);
            pb.lower[kappa] = 0;
        } else {
            System.arraycopy(c, 0, pb.c, 0, n);
        }
        double[] budgetRow = pb.row();
        Arrays.fill(budgetRow, 0, n, 1.0);
        rhs(pb, budgetRow, kappa, budget, true);
        for (int i = 0; i < n; i++) {
            if (homogeneous) {
                if (lower[i] == 0) {
                    pb.lower[i] = 0;
                } else if (Double.isFinite(lower[i])) {
                    double[] r = pb.row();
                    r[i] = -1;
                    rhs(pb, r, kappa, -lower[i], false);
                }
                if (Double.isFinite(upper[i])) {
                    double[] r = pb.row();
                    r[i] = 1;
                    rhs(pb, r, kappa, upper[i], false);
                }
            } else {
                pb.lower[i] = lower[i];
                pb.upper[i] = upper[i];
            }
        }
        for (var cap : sectorCaps.entrySet()) {
            double[] r = pb.row();
            for (int i = 0; i < n; i++) {
                if (cap.getKey().equals(sectors[i])) {
                    r[i] = 1;
                }
            }
            rhs(pb, r, kappa, cap.getValue(), false);
        }
        if (turnover) {
            double[] total = pb.row();
            for (int i = 0; i < n; i++) {
                int buy = aux + i;
                int sell = aux + n + i;
                double[] r = pb.row();
                r[i] = 1;
                r[buy] = -1;
                r[sell] = 1;
                rhs(pb, r, kappa, currentWeights[i], true);
                pb.lower[buy] = 0;
                pb.lower[sell] = 0;
                total[buy] = 1;
                total[sell] = 1;
            }
            rhs(pb, total, kappa, maxTurnover, false);
        }
        return pb;
    }

    /** Adds row·x (=|≤) value, or row·y − value·κ (=|≤) 0 in the homogenised program. */
    private static void rhs(ProgramBuilder pb, double[] row, int kappa, double value, boolean equality) {
        double bound = value;
        if (kappa >= 0) {
            row[kappa] = -value;
            bound = 0;
        }
        if (equality) {
            pb.equality(row, bound);
        } else {
            pb.inequality(row, bound);
        }
    }

    private static double trace(double[][] q) {
        double t = 0;
        for (int i = 0; i < q.length; i++) {
            t += q[i][i];
        }
        return t;
    }
}
