package io.nautilus.core.quant;

import static io.nautilus.core.quant.QuantAssertions.assertClose;
import static io.nautilus.core.quant.QuantAssertions.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Reference: hand-computed 2x2/2x3 products and Apache Commons Math 3.6 Array2DRowRealMatrix (test scope). */
class MatricesTest {

    // A = [[1,2,3],[4,5,6]], B = [[7,8],[9,10],[11,12]]; A·B = [[58,64],[139,154]] by hand:
    // 1*7+2*9+3*11 = 58, 1*8+2*10+3*12 = 64, 4*7+5*9+6*11 = 139, 4*8+5*10+6*12 = 154.
    private static final double[][] A = {{1, 2, 3}, {4, 5, 6}};
    private static final double[][] B = {{7, 8}, {9, 10}, {11, 12}};

    @Test
    void test_multiply_handComputed() {
        assertThat(Matrices.multiply(A, B)).isDeepEqualTo(new double[][] {{58, 64}, {139, 154}});
    }

    @Test
    void test_multiply_oddSizesMatchCommonsMath() {
        // 7 x 301 times 301 x 9 exercises the 2x4 blocks, their remainders and two column tiles.
        double[][] a = random(7, 301, 1);
        double[][] b = random(301, 9, 2);
        assertClose(Matrices.multiply(a, b), commons(a).multiply(commons(b)).getData(), 1e-12);
        assertClose(Matrices.multiplyByTranspose(a, Matrices.transpose(b)),
            commons(a).multiply(commons(b)).getData(), 1e-12);
    }

    @Test
    void test_gram_matchesCommonsMathAndIsSymmetric() {
        double[][] a = random(11, 600, 3);
        double[][] g = Matrices.gram(a);
        assertClose(g, commons(a).multiply(commons(a).transpose()).getData(), 1e-11);
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                assertThat(g[i][j]).isEqualTo(g[j][i]);
            }
        }
    }

    @Test
    void test_transposeAndMatrixVector_handComputed() {
        assertThat(Matrices.transpose(A)).isDeepEqualTo(new double[][] {{1, 4}, {2, 5}, {3, 6}});
        // [1,2,3]·[1,0,-1] = -2, [4,5,6]·[1,0,-1] = -2
        assertThat(Matrices.multiply(A, new double[] {1, 0, -1})).containsExactly(-2, -2);
    }

    @Test
    void test_quadraticForm_portfolioVariance() {
        // Σ = [[0.04, 0.006],[0.006, 0.09]], w = [0.6, 0.4]:
        // w'Σw = 0.36*0.04 + 2*0.6*0.4*0.006 + 0.16*0.09 = 0.0144 + 0.00288 + 0.0144 = 0.03168
        double[][] sigma = {{0.04, 0.006}, {0.006, 0.09}};
        assertThat(Matrices.quadraticForm(sigma, new double[] {0.6, 0.4})).isCloseTo(0.03168, within(1e-16));
    }

    @Test
    void test_dotIdentityCopy() {
        assertThat(Matrices.dot(new double[] {1, 2, 3, 4, 5}, new double[] {5, 4, 3, 2, 1})).isEqualTo(35.0);
        assertThat(Matrices.identity(2)).isDeepEqualTo(new double[][] {{1, 0}, {0, 1}});
        double[][] copy = Matrices.copy(A);
        copy[0][0] = 99;
        assertThat(A[0][0]).isEqualTo(1.0);
    }

    @Test
    void test_validation_namesTheArgument() {
        assertThatThrownBy(() -> Matrices.multiply(A, A)).hasMessageContaining("a has 3 columns but b has 2 rows");
        assertThatThrownBy(() -> Matrices.transpose(new double[][] {{1, 2}, {3}})).hasMessageContaining("rectangular");
        assertThatThrownBy(() -> Matrices.quadraticForm(A, new double[] {1, 2})).hasMessageContaining("square");
        assertThatThrownBy(() -> Matrices.multiply(A, new double[] {1})).hasMessageContaining("x must have length 3");
    }

    static RealMatrix commons(double[][] a) {
        return new Array2DRowRealMatrix(a, true);
    }
}
