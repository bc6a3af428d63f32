package io.nautilus.engine.marketdata.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.Bar;
import io.nautilus.core.model.Trade;
import io.nautilus.core.time.SimulatedClock;
import io.nautilus.engine.marketdata.pipeline.CollectingOutput;
import io.nautilus.engine.marketdata.pipeline.LatencyMonitor;
import io.nautilus.engine.marketdata.pipeline.MarketDataPipeline;
import io.nautilus.engine.marketdata.pipeline.PipelineSettings;
import io.nautilus.engine.marketdata.tick.TickBatch;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;

class GbmSimulatorTest {
    private static final long S = 1_000_000_000L;
    private static final long DAY = 86_400 * S;
    /** 2024-01-01T00:00:00Z. */
    private static final long START = 1_704_067_200L * S;
    private static final double[][] CORR = {{1, 0.6, 0.2}, {0.6, 1, -0.3}, {0.2, -0.3, 1}};
    private static final double[] VOLS = {0.2, 0.3, 0.4};

    private static SimulatorSettings settings(double jumpIntensity, double jumpStdev, double profile, long seed) {
        return new SimulatorSettings(List.of("AAA", "BBB", "CCC"), new double[] {100, 50, 20}, VOLS,
                new double[] {0, 0, 0}, CORR, jumpIntensity, 0, jumpStdev, profile, 2, 0.5, 100, 10, seed);
    }

    /** Log returns of every symbol over {@code steps} steps of {@code dt} seconds: [symbol][step]. */
    private static double[][] returns(GbmSimulator sim, int steps, double dt) {
        var r = new double[sim.size()][steps];
        var out = new TickBatch.Builder(16);
        long t = START;
        for (int k = 0; k < steps; k++) {
            double[] before = new double[sim.size()];
            for (int i = 0; i < sim.size(); i++) {
                before[i] = sim.mid(i);
            }
            t += (long) (dt * S);
            sim.step(t, dt, "simulator", out);
            for (int i = 0; i < sim.size(); i++) {
                r[i][k] = Math.log(sim.mid(i) / before[i]);
            }
            if (out.size() > 1000) {
                out.build();
            }
        }
        return r;
    }

    @Test
    void test_step_realizedVolatilityAndCorrelationMatchConfiguration() {
        double dt = 60;
        int steps = 100_000;
        double[][] r = returns(new GbmSimulator(settings(0, 0, 0, 7)), steps, dt);
        double periodsPerYear = GbmSimulator.TRADING_DAYS * 86_400.0 / dt;
        for (int i = 0; i < 3; i++) {
            double vol = new StandardDeviation().evaluate(r[i]) * Math.sqrt(periodsPerYear);
            // standard error of a volatility estimate ~ vol / sqrt(2n) = 0.22% relative; allow 2%
            assertThat(vol).as("annualized volatility of symbol %d", i).isCloseTo(VOLS[i], within(0.02 * VOLS[i]));
        }
        var transposed = new double[steps][3];
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < 3; i++) {
                transposed[k][i] = r[i][k];
            }
        }
        double[][] c = new PearsonsCorrelation(transposed).getCorrelationMatrix().getData();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // standard error (1 - rho^2) / sqrt(n) <= 0.0032; allow 0.02
                assertThat(c[i][j]).as("correlation %d,%d", i, j).isCloseTo(CORR[i][j], within(0.02));
            }
        }
    }

    @Test
    void test_step_intradayProfileScalesVarianceAsConfigured() {
        double dt = 60;
        int steps = 200_000; // 138.9 days
        double[][] r = returns(new GbmSimulator(settings(0, 0, 2, 11)), steps, dt);
        // variance multiplier (1 + k (2u-1)^2) / (1 + k/3), k = 2, averaged over [0, 0.1] and [0.45, 0.55]:
        // integral of (2u-1)^2 is (2u-1)^3 / 6: [0, 0.1] -> (1 - 0.512) / 6 = 0.081333, mean 0.81333
        // [0.45, 0.55] -> 0.002 / 6 = 0.000333, mean 0.003333; ratio (1 + 2*0.81333) / (1 + 2*0.003333) = 2.6093
        double expectedRatio = (1 + 2 * 0.813333) / (1 + 2 * 0.003333);
        var open = new java.util.ArrayList<Double>();
        var midday = new java.util.ArrayList<Double>();
        for (int k = 0; k < steps; k++) {
            long t = START + (long) ((k + 1) * dt * S);
            double u = Math.floorMod(t, DAY) / (double) DAY;
            if (u > 0 && u <= 0.1) {
                open.add(r[0][k]);
            } else if (u > 0.45 && u <= 0.55) {
                midday.add(r[0][k]);
            }
        }
        double ratio = new Variance().evaluate(open.stream().mapToDouble(Double::doubleValue).toArray())
                / new Variance().evaluate(midday.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(ratio).isCloseTo(expectedRatio, within(0.05 * expectedRatio));
        // and the profile's mean over the day is 1, so the daily variance keeps the configured volatility
        double vol = new StandardDeviation().evaluate(r[0]) * Math.sqrt(GbmSimulator.TRADING_DAYS * 86_400.0 / dt);
        assertThat(vol).isCloseTo(0.2, within(0.004));
    }

    @Test
    void test_step_jumpsAddTheirVarianceToTheDiffusion() {
        double dt = 60;
        int steps = 1_000_000;
        // lambda = 50 jumps a year of N(0, 0.02^2): total annual variance sigma^2 + lambda * 0.0004 = 0.04 + 0.02
        double[][] r = returns(new GbmSimulator(settings(50, 0.02, 0, 3)), steps, dt);
        double annualVariance = new Variance().evaluate(r[0]) * GbmSimulator.TRADING_DAYS * 86_400.0 / dt;
        // about 138 jumps: the jump part's relative standard error is ~ sqrt(3 / 138) = 15% of 0.02
        assertThat(annualVariance).isCloseTo(0.06, within(0.007));
    }

    @Test
    void test_step_deterministicForASeed() {
        var a = new GbmSimulator(settings(4, 0.03, 2, 42));
        var b = new GbmSimulator(settings(4, 0.03, 2, 42));
        var c = new GbmSimulator(settings(4, 0.03, 2, 43));
        double[][] ra = returns(a, 1000, 1);
        double[][] rb = returns(b, 1000, 1);
        double[][] rc = returns(c, 1000, 1);
        assertThat(ra).isDeepEqualTo(rb);
        assertThat(ra[0]).isNotEqualTo(rc[0]);
    }

    @Test
    void test_step_dailyBarsThroughThePipelineMatchTheGeneratedTrades() {
        var sim = new GbmSimulator(settings(4, 0.03, 2, 5));
        var out = new CollectingOutput();
        var pipeline = new MarketDataPipeline(PipelineSettings.defaults(), out,
                new SimulatedClock(START + 400 * DAY), new LatencyMonitor());
        var expected = new TreeMap<Long, double[]>(); // AAA: day -> open, high, low, close, volume
        long t = START;
        boolean[] tradesSeen = {false};
        for (int k = 0; k < 3 * 288; k++) { // three days of 5-minute steps
            t += 300 * S;
            var b = new TickBatch.Builder(8);
            sim.step(t, 300, "simulator", b);
            TickBatch batch = b.build();
            for (int i = 0; i < batch.size(); i++) {
                // bars come from trades; before the symbol's first trade, from quote midpoints (size 0)
                boolean useQuote = batch.isQuote(i) && !tradesSeen[0];
                if (batch.symbol(i).equals("AAA") && (useQuote || !batch.isQuote(i))) {
                    tradesSeen[0] |= !batch.isQuote(i);
                    double p = useQuote ? 0.5 * (batch.bid(i) + batch.ask(i)) : batch.price(i);
                    long day = Math.floorDiv(batch.tsNanos(i), DAY) * DAY;
                    double[] e = expected.computeIfAbsent(day, d -> new double[] {p, p, p, p, 0});
                    e[1] = Math.max(e[1], p);
                    e[2] = Math.min(e[2], p);
                    e[3] = p;
                    e[4] += useQuote ? 0 : batch.tradeSize(i);
                }
            }
            pipeline.process(batch);
        }
        pipeline.process(new TickBatch.Builder(1).buildFinal("simulator"));
        List<Bar> daily = out.bars("1d").stream().filter(bar -> bar.symbol().equals("AAA")).toList();
        // the last step is at 00:00 of day 4, which opens (and at the end closes) a fourth daily bar
        assertThat(daily).hasSize(expected.size());
        int d = 0;
        for (Map.Entry<Long, double[]> e : expected.entrySet()) {
            Bar bar = daily.get(d++);
            assertThat(bar.startNanos()).isEqualTo(e.getKey());
            assertThat(new double[] {bar.open(), bar.high(), bar.low(), bar.close(), bar.volume()})
                    .containsExactly(e.getValue(), within(1e-9));
        }
        assertThat(out.trades.stream().filter(tr -> tr.symbol().equals("AAA")).mapToDouble(Trade::size).sum())
                .isCloseTo(expected.values().stream().mapToDouble(v -> v[4]).sum(), within(1e-9));
    }
}
