package io.nautilus.engine.analytics.metrics;

import io.nautilus.core.quant.stats.CoMoments;
import io.nautilus.core.quant.stats.Moments;
import java.util.OptionalDouble;

/**
 * The benchmark-relative metrics of a {@link PerformanceReport}, or all empty without a benchmark. Formulas as in
 * {@link PerformanceConventions}; inputs are validated by {@link PerformanceCalculator}.
 */
record RelativeMetrics(OptionalDouble beta, OptionalDouble correlation, OptionalDouble jensensAlpha,
                       OptionalDouble trackingError, OptionalDouble informationRatio, OptionalDouble treynorRatio,
                       OptionalDouble upCapture, OptionalDouble downCapture) {

    static final RelativeMetrics NONE = new RelativeMetrics(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty());

    static RelativeMetrics of(double[] returns, double[] benchmark, double riskFreePerPeriod, int periodsPerYear) {
        int n = returns.length;
        CoMoments co = CoMoments.of(benchmark, returns);
        OptionalDouble beta = co.slope();
        double excessMean = co.meanY() - riskFreePerPeriod;

        OptionalDouble alpha = OptionalDouble.empty();
        OptionalDouble treynor = OptionalDouble.empty();
        if (beta.isPresent()) {
            double b = beta.getAsDouble();
            alpha = OptionalDouble.of((excessMean - b * (co.meanX() - riskFreePerPeriod)) * periodsPerYear);
            if (b != 0) {
                treynor = OptionalDouble.of(excessMean * periodsPerYear / b);
            }
        }

        double[] active = new double[n];
        double upR = 0;
        double upB = 0;
        double downR = 0;
        double downB = 0;
        for (int i = 0; i < n; i++) {
            double r = returns[i];
            double b = benchmark[i];
            active[i] = r - b;
            if (b > 0) {
                upR += r;
                upB += b;
            } else if (b < 0) {
                downR += r;
                downB += b;
            }
        }
        Moments activeMoments = Moments.of(active);
        double activeDeviation = activeMoments.sampleStandardDeviation();
        double annualize = Math.sqrt(periodsPerYear);
        OptionalDouble informationRatio = activeDeviation == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(activeMoments.mean() / activeDeviation * annualize);

        return new RelativeMetrics(beta, co.correlation(), alpha,
                OptionalDouble.of(activeDeviation * annualize), informationRatio, treynor,
                upB == 0 ? OptionalDouble.empty() : OptionalDouble.of(upR / upB),
                downB == 0 ? OptionalDouble.empty() : OptionalDouble.of(downR / downB));
    }
}
