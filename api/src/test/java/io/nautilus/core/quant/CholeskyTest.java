package io.nautilus.core.quant;

import static io.nautilus.core.quant.QuantAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.junit.jupiter.api.Test;

/** Reference: a hand-factorized 3x3 matrix and Apache Commons Math 3.6 CholeskyDecomposition (test scope). */
class CholeskyTest {

    // A = L·Lᵀ with L = [[2,0,0],[6,1,0],[-8,5,3]] (the classic textbook example):
    // A = [[4,12,-16],[12,37,-43],[-16,-43,98]], det A = (2*1*3)² = 36.
    private static final double[][] A = {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}};

    @Test
    void test_decompose_handFactorized() {
        Cholesky chol = Cholesky.decompose(A);
        assertClose(chol.lower(), new double[][] {{2, 0, 0}, {6, 1, 0}, {-8, 5, 3}}, 1e-14);
        assertThat(chol.logDeterminant()).isCloseTo(Math.log(36), within(1e-13));
    }

    @Test
    void test_solveAndInverse_matchCommonsMath() {
        double[][] spd = spd(40);
        double[] b = new double[40];
        for (int i = 0; i < b.length; i++) {
            b[i] = Math.sin(i + 1.0);
        }
        var commons = new CholeskyDecomposition(new Array2DRowRealMatrix(spd));
        double[] expected = commons.getSolver().solve(new ArrayRealVector(b)).toArray();
        double[] x = Matrices.solveSpd(spd, b);
        for (int i = 0; i < b.length; i++) {
            assertThat(x[i]).isCloseTo(expected[i], within(1e-12));
        }
        assertClose(Matrices.inverseSpd(spd), commons.getSolver().getInverse().getData(), 1e-12);
        assertClose(Cholesky.decompose(spd).lower(), commons.getL().getData(), 1e-13);
    }

    @Test
    void test_inverse_timesMatrixIsIdentity() {
        assertClose(Matrices.multiply(A, Matrices.inverseSpd(A)), Matrices.identity(3), 1e-12);
    }

    @Test
    void test_decompose_rejectsIndefiniteAndSingular() {
        // [[1,2],[2,1]] has eigenvalues 3 and -1: second pivot 1 - 4 = -3.
        assertThatThrownBy(() -> Cholesky.decompose(new double[][] {{1, 2}, {2, 1}}))
            .isInstanceOf(NotPositiveDefiniteException.class)
            .hasMessageContaining("pivot 1 is -3.0")
            .satisfies(e -> assertThat(((NotPositiveDefiniteException) e).pivotIndex()).isEqualTo(1));
        // Two identical assets: rank one.
        assertThatThrownBy(() -> Cholesky.decompose(new double[][] {{0.04, 0.04}, {0.04, 0.04}}))
            .isInstanceOf(NotPositiveDefiniteException.class);
        assertThatThrownBy(() -> Cholesky.decompose(new double[][] {{1, 0.5}, {0.4, 1}})).hasMessageContaining("symmetric");
    }

    /** Symmetric positive definite: MᵀM + n·I with a deterministic M. */
    private static double[][] spd(int n) {
        double[][] m = QuantAssertions.random(n, n, 7);
        double[][] s = Matrices.multiply(Matrices.transpose(m), m);
        for (int i = 0; i < n; i++) {
            s[i][i] += n;
        }
        return s;
    }
}
