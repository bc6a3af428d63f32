package io.nautilus.engine.portfolio.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Accumulates the rows of a {@link QuadraticProgram} over a fixed number of variables. Not thread-safe. */
final class ProgramBuilder {
    final int size;
    final double[][] q;
    final double[] c;
    final double[] lower;
    final double[] upper;
    private final List<double[]> equalities = new ArrayList<>();
    private final List<Double> equalityRhs = new ArrayList<>();
    private final List<double[]> inequalities = new ArrayList<>();
    private final List<Double> inequalityRhs = new ArrayList<>();

    ProgramBuilder(int size) {
        this.size = size;
        this.q = new double[size][size];
        this.c = new double[size];
        this.lower = new double[size];
        this.upper = new double[size];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
    }

    /** Copies an n x n block into the top-left corner of Q. */
    void quadratic(double[][] block, double scale) {
        for (int i = 0; i < block.length; i++) {
            for (int j = 0; j < block.length; j++) {
                q[i][j] = scale * block[i][j];
            }
        }
    }

    double[] row() {
        return new double[size];
    }

    void equality(double[] row, double rhs) {
        equalities.add(row);
        equalityRhs.add(rhs);
    }

    void inequality(double[] row, double rhs) {
        inequalities.add(row);
        inequalityRhs.add(rhs);
    }

    QuadraticProgram build() {
        return new QuadraticProgram(q, c, equalities.toArray(double[][]::new),
                equalityRhs.stream().mapToDouble(Double::doubleValue).toArray(),
                inequalities.toArray(double[][]::new),
                inequalityRhs.stream().mapToDouble(Double::doubleValue).toArray(), lower, upper);
    }
}
