package io.nautilus.engine.portfolio.optimize;

import io.nautilus.core.quant.Matrices;
import io.nautilus.core.quant.covariance.Covariances;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Hierarchical risk parity (M. López de Prado, "Building Diversified Portfolios that Outperform Out of Sample",
 * Journal of Portfolio Management 42(4), 2016), following the paper's three steps and its code:
 * <ol>
 *   <li>tree clustering: correlation distance d_ij = sqrt((1 − ρ_ij)/2), then the Euclidean distance between
 *       the columns of d ("distance of distances" d̃), then single-linkage agglomeration on d̃;</li>
 *   <li>quasi-diagonalization: assets ordered by the leaves of the dendrogram, each merge listing the cluster
 *       with the smaller id first (SciPy's linkage convention, which the paper's code uses);</li>
 *   <li>recursive bisection: each cluster of the ordered list is split in halves (the first ⌊k/2⌋ items and the
 *       rest); each half's variance is that of its inverse-variance portfolio, and the halves get
 *       α = 1 − V₁/(V₁+V₂) and 1 − α of the parent's weight.</li>
 * </ol>
 * Single linkage is computed from a minimum spanning tree (Prim, O(n²)), whose edges in ascending order are the
 * merges. Long-only by construction; weights sum to the budget. Stateless and thread-safe.
 */
public final class HierarchicalRiskParity implements WeightingMethod {
    public static final HierarchicalRiskParity DEFAULT = new HierarchicalRiskParity();

    @Override
    public double[] weights(OptimizationInput input, Constraints constraints) {
        double[][] cov = input.covariance();
        int n = cov.length;
        for (int i = 0; i < n; i++) {
            if (!(cov[i][i] > 0)) {
                throw new InfeasibleConstraintsException("hrp needs a positive variance for every asset; asset " + i
                        + " has " + cov[i][i]);
            }
        }
        int[] order = n == 1 ? new int[] {0} : quasiDiagonalOrder(cov);
        double[] w = bisect(cov, order);
        for (int i = 0; i < n; i++) {
            w[i] *= constraints.budget();
        }
        constraints.requireSatisfiedBy(w, "hrp");
        return w;
    }

    /** The leaf order of the single-linkage dendrogram on the distance of correlation distances. */
    static int[] quasiDiagonalOrder(double[][] cov) {
        int n = cov.length;
        double[][] corr = Covariances.correlation(cov);
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Math.sqrt(Math.max(0, 0.5 * (1 - corr[i][j])));
            }
        }
        double[][] gram = Matrices.gram(d);
        int[][] merges = singleLinkage(gram);
        return leaves(merges, n);
    }

    /**
     * Single-linkage merges on d̃_ij = sqrt(g_ii + g_jj − 2 g_ij) (g the Gram matrix of d): row s merges clusters
     * merges[s][0] &lt; merges[s][1] into cluster n + s.
     */
    static int[][] singleLinkage(double[][] gram) {
        int n = gram.length;
        // Prim's minimum spanning tree over the complete graph.
        double[] best = new double[n];
        int[] from = new int[n];
        boolean[] inTree = new boolean[n];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        int[] edgeA = new int[n - 1];
        int[] edgeB = new int[n - 1];
        double[] edgeW = new double[n - 1];
        int current = 0;
        inTree[0] = true;
        for (int e = 0; e < n - 1; e++) {
            double[] gc = gram[current];
            int next = -1;
            double nextDistance = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (inTree[j]) {
                    continue;
                }
                double dist = Math.sqrt(Math.max(0, gc[current] + gram[j][j] - 2 * gc[j]));
                if (dist < best[j]) {
                    best[j] = dist;
                    from[j] = current;
                }
                if (best[j] < nextDistance) {
                    nextDistance = best[j];
                    next = j;
                }
            }
            inTree[next] = true;
            edgeA[e] = from[next];
            edgeB[e] = next;
            edgeW[e] = nextDistance;
            current = next;
        }
        Integer[] byDistance = new Integer[n - 1];
        for (int e = 0; e < n - 1; e++) {
            byDistance[e] = e;
        }
        Arrays.sort(byDistance, (x, y) -> Double.compare(edgeW[x], edgeW[y]));
        int[] parent = new int[2 * n - 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int[][] merges = new int[n - 1][2];
        for (int s = 0; s < n - 1; s++) {
            int e = byDistance[s];
            int ra = root(parent, edgeA[e]);
            int rb = root(parent, edgeB[e]);
            merges[s][0] = Math.min(ra, rb);
            merges[s][1] = Math.max(ra, rb);
            parent[ra] = n + s;
            parent[rb] = n + s;
        }
        return merges;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static int[] leaves(int[][] merges, int n) {
        int[] order = new int[n];
        int k = 0;
        var stack = new ArrayDeque<Integer>();
        stack.push(2 * n - 2);
        while (!stack.isEmpty()) {
            int c = stack.pop();
            if (c < n) {
                order[k++] = c;
            } else {
                stack.push(merges[c - n][1]);
                stack.push(merges[c - n][0]);
            }
        }
        return order;
    }

    /** Recursive bisection of the ordered assets; weights sum to 1. */
    static double[] bisect(double[][] cov, int[] order) {
        double[] w = new double[cov.length];
        Arrays.fill(w, 1.0);
        var clusters = new ArrayDeque<int[]>();
        clusters.add(order);
        while (!clusters.isEmpty()) {
            int[] c = clusters.poll();
            if (c.length < 2) {
                continue;
            }
            int half = c.length / 2;
            int[] left = Arrays.copyOfRange(c, 0, half);
            int[] right = Arrays.copyOfRange(c, half, c.length);
            double vLeft = clusterVariance(cov, left);
            double vRight = clusterVariance(cov, right);
            double alpha = 1 - vLeft / (vLeft + vRight);
            for (int i : left) {
                w[i] *= alpha;
            }
            for (int i : right) {
                w[i] *= 1 - alpha;
            }
            clusters.add(left);
            clusters.add(right);
        }
        return w;
    }

    /** Variance of the inverse-variance portfolio of a cluster. */
    static double clusterVariance(double[][] cov, int[] members) {
        double[] ivp = new double[members.length];
        double sum = 0;
        for (int a = 0; a < members.length; a++) {
            ivp[a] = 1.0 / cov[members[a]][members[a]];
            sum += ivp[a];
        }
        double v = 0;
        for (int a = 0; a < members.length; a++) {
            double[] row = cov[members[a]];
            double s = 0;
            for (int b = 0; b < members.length; b++) {
                s += row[members[b]] * ivp[b];
            }
            v += ivp[a] * s;
        }
        return v / (sum * sum);
    }
}
