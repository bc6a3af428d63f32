package io.nautilus.engine.portfolio.optimize;

import java.util.Arrays;

/** Every asset gets budget / n (the "1/N" portfolio of DeMiguel, Garlappi and Uppal, RFS 2009). Stateless. */
public final class EqualWeight implements WeightingMethod {
    public static final EqualWeight DEFAULT = new EqualWeight();

    @Override
    public double[] weights(OptimizationInput input, Constraints constraints) {
        double[] w = new double[input.size()];
        Arrays.fill(w, constraints.budget() / w.length);
        constraints.requireSatisfiedBy(w, "equal_weight");
        return w;
    }
}
