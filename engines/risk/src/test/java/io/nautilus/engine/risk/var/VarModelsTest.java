package io.nautilus.engine.risk.var;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.WireNames;
import io.nautilus.engine.risk.SharedData;

import java.util.Arrays;

import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.Test;

/**
 * VaR and ES by each method on the first 251 closes of DAX, SMI, CAC and FTSE (250 daily simple returns) with
 * exposures (1,000,000; 500,000; -300,000; 800,000). Reference values were computed by hand with numpy/scipy:
 * P&amp;L_t = R_t . m; historical VaR = -sorted(P&amp;L)[k-1] and ES = -mean(sorted(P&amp;L)[:k]) with
 * k = ceil(250 (1 - c)) (3 at 99%, 13 at 95%); parametric sigma_P = sqrt(m' cov(R, ddof=1) m), VaR = z_c sigma_P,
 * ES = sigma_P phi(z_c) / (1 - c); EWMA with normalized weights 0.94^(T-1-t); FHS with the Hull-White rescaling
 * after a 20-period warm-up (k = ceil(230 (1 - c))).
 */
class VarModelsTest {
    private static final double[][] R = SharedData.euStockReturns(251);
    private static final double[] M = {1e6, 5e5, -3e5, 8e5};

    @Test
    void test_historical_matchesHandComputedQuantileAndTailMean() {
        VarResult r99 = HistoricalVar.DEFAULT.compute(R, M, 0.99, 1);
        assertThat(r99.var()).isCloseTo(23694.75603966138, within(1e-6));
        assertThat(r99.expectedShortfall()).isCloseTo(62122.14729630498, within(1e-6));
        VarResult r95 = HistoricalVar.DEFAULT.compute(R, M, 0.95, 1);
        assertThat(r95.var()).isCloseTo(17335.362225673067, within(1e-6));
        assertThat(r95.expectedShortfall()).isCloseTo(29186.708606784545, within(1e-6));
        assertThat(r95.scenarios()).isEqualTo(250);
    }

    @Test
    void test_historical_componentsAreTheVarScenario() {
        VarResult r = HistoricalVar.DEFAULT.compute(R, M, 0.99, 1);
        // the VaR scenario is period 181; component_i = -m_i r_181,i
        assertThat(r.componentVar()).containsExactly(new double[] {7603.1964225620195, 3707.5689333186947,
                -3896.8855007773805, 16280.876184558047}, within(1e-6));
        assertThat(Arrays.stream(r.componentVar()).sum()).isCloseTo(r.var(), within(1e-6));
        assertThat(r.marginalVar()[0]).isCloseTo(r.componentVar()[0] / M[0], within(1e-12));
    }

    @Test
    void test_historical_agreesWithCommonsMathR1Percentile() {
        double[] pnl = VarInputs.pnl(R, M);
        double q = new Percentile().withEstimationType(Percentile.EstimationType.R_1).evaluate(pnl, 5.0);
        assertThat(HistoricalVar.DEFAULT.compute(R, M, 0.95, 1).var()).isCloseTo(-q, within(1e-9));
    }

    @Test
    void test_parametric_matchesHandComputedDeltaNormal() {
        VarResult r99 = ParametricVar.DEFAULT.compute(R, M, 0.99, 1);
        assertThat(r99.var()).isCloseTo(34875.95059768908, within(1e-6));
        assertThat(r99.expectedShortfall()).isCloseTo(39956.13919924295, within(1e-6));
        assertThat(r99.componentVar()).containsExactly(new double[] {19470.21141173003, 8797.620560346657,
                -5253.557364925484, 11861.67599053788}, within(1e-6));
        VarResult r95 = ParametricVar.DEFAULT.compute(R, M, 0.95, 1);
        assertThat(r95.var()).isCloseTo(24659.18123171554, within(1e-6));
        assertThat(r95.expectedShortfall()).isCloseTo(30923.608104617713, within(1e-6));
    }

    @Test
    void test_parametric_sigmaAgreesWithCommonsMathCovariance() {
        double[][] cov = new Covariance(new Array2DRowRealMatrix(R)).getCovarianceMatrix().getData();
        double variance = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                variance += M[i] * cov[i][j] * M[j];
            }
        }
        // z_0.99 = 2.3263478740408408 (scipy norm.ppf)
        assertThat(ParametricVar.DEFAULT.compute(R, M, 0.99, 1).var())
                .isCloseTo(2.3263478740408408 * Math.sqrt(variance), within(1e-6));
    }

    @Test
    void test_parametric_marginalIsFiniteDifferenceOfVar() {
        VarResult base = ParametricVar.DEFAULT.compute(R, M, 0.99, 1);
        double h = 1.0;
        double[] bumped = M.clone();
        bumped[2] += h;
        double fd = (ParametricVar.DEFAULT.compute(R, bumped, 0.99, 1).var() - base.var()) / h;
        assertThat(base.marginalVar()[2]).isCloseTo(fd, within(1e-6));
    }

    @Test
    void test_ewma_matchesHandComputedRiskMetrics() {
        VarResult r = ParametricVar.EWMA.compute(R, M, 0.99, 1);
        assertThat(r.var()).isCloseTo(23767.565112851542, within(1e-6));
        assertThat(r.expectedShortfall()).isCloseTo(27229.656075355637, within(1e-6));
        assertThat(r.method()).isEqualTo(VarMethod.EWMA);
    }

    @Test
    void test_filteredHistorical_matchesHandComputedHullWhite() {
        VarResult r99 = FilteredHistoricalVar.DEFAULT.compute(R, M, 0.99, 1);
        assertThat(r99.var()).isCloseTo(21205.02277882962, within(1e-6));
        assertThat(r99.expectedShortfall()).isCloseTo(65720.42131524155, within(1e-6));
        VarResult r95 = FilteredHistoricalVar.DEFAULT.compute(R, M, 0.95, 1);
        assertThat(r95.var()).isCloseTo(14528.477785296098, within(1e-6));
        assertThat(r95.expectedShortfall()).isCloseTo(29266.01374999892, within(1e-6));
        assertThat(r95.scenarios()).isEqualTo(230);
    }

    @Test
    void test_monteCarlo_convergesToParametricAndIsSeeded() {
        var mc = new MonteCarloVar(200_000, 7L, io.nautilus.core.quant.covariance.SampleCovariance.DEFAULT);
        VarResult r = mc.compute(R, M, 0.99, 1);
        // standard error of a 99% normal quantile from 200,000 draws is about 0.7% of sigma: allow 3%
        assertThat(r.var()).isCloseTo(34875.95059768908, within(0.03 * 34875.95));
        assertThat(r.expectedShortfall()).isCloseTo(39956.13919924295, within(0.03 * 39956.14));
        assertThat(mc.compute(R, M, 0.99, 1)).isEqualTo(r);
        assertThat(Arrays.stream(r.componentVar()).sum()).isCloseTo(r.var(), within(1e-6));
        assertThat(new MonteCarloVar(200_000, 8L, io.nautilus.core.quant.covariance.SampleCovariance.DEFAULT)
                .compute(R, M, 0.99, 1).var()).isNotEqualTo(r.var());
    }

    @Test
    void test_compute_horizonScalesBySquareRootOfTime() {
        for (VarMethod method : VarMethod.values()) {
            VarModel model = VarCalculator.DEFAULT.model(method);
            VarResult one = model.compute(R, M, 0.99, 1);
            VarResult ten = model.compute(R, M, 0.99, 10);
            assertThat(ten.var()).as(method.name()).isCloseTo(one.var() * Math.sqrt(10), within(1e-6));
            assertThat(ten.expectedShortfall()).as(method.name())
                    .isCloseTo(one.expectedShortfall() * Math.sqrt(10), within(1e-6));
            assertThat(ten.expectedShortfall()).isGreaterThanOrEqualTo(ten.var());
        }
    }

    @Test
    void test_compute_rejectsBadInput() {
        assertThatThrownBy(() -> HistoricalVar.DEFAULT.compute(R, new double[] {1, 2}, 0.99, 1))
                .hasMessageContaining("exposures");
        assertThatThrownBy(() -> HistoricalVar.DEFAULT.compute(R, M, 1.0, 1)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> HistoricalVar.DEFAULT.compute(R, M, 0.99, 0)).hasMessageContaining("horizon_days");
        assertThatThrownBy(() -> HistoricalVar.DEFAULT.compute(Arrays.copyOf(R, 5), M, 0.99, 1))
                .hasMessageContaining("at least 20 periods");
        double[][] bad = {{1, Double.NaN}};
        assertThatThrownBy(() -> HistoricalVar.DEFAULT.compute(bad, new double[2], 0.99, 1))
                .hasMessageContaining("finite");
    }

    @Test
    void test_parse_acceptsWireNames() {
        assertThat(WireNames.parse(VarMethod.class, "method", "monte-carlo")).isEqualTo(VarMethod.MONTE_CARLO);
        assertThat(WireNames.parse(VarMethod.class, "method", "FHS")).isEqualTo(VarMethod.FILTERED_HISTORICAL);
        assertThat(WireNames.parse(VarMethod.class, "method", "historical").wireName()).isEqualTo("historical");
        assertThatThrownBy(() -> WireNames.parse(VarMethod.class, "method", "magic")).hasMessageContaining("method must be one of");
    }
}
