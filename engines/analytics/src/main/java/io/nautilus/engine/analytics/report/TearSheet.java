package io.nautilus.engine.analytics.report;

import io.nautilus.engine.analytics.metrics.PerformanceCalculator;
import io.nautilus.engine.analytics.metrics.PerformanceReport;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * A portfolio tear sheet: its equity curve resampled to UTC daily closes, daily returns, drawdowns, monthly
 * returns and every performance metric of the daily returns, rendered as JSON, CSV or a self-contained HTML page
 * ({@link TearSheetHtml}). With fewer than {@link PerformanceCalculator#MIN_OBSERVATIONS} daily returns the
 * metrics are absent and {@link #insufficientData()} says why; no figure is made up. Immutable and thread-safe.
 *
 * @param portfolioId    portfolio
 * @param generatedNanos when the sheet was made, epoch nanoseconds
 * @param samples        the equity curve as sampled (the charts use it when it spans fewer than two days)
 * @param daily          the last sample of each UTC day
 * @param metrics        the metrics of the daily returns, when there are enough of them
 */
public record TearSheet(String portfolioId, long generatedNanos, EquityCurve samples, EquityCurve daily,
                        Optional<PerformanceReport> metrics) {

    /** Builds the sheet of {@code samples} (at least one) with {@code calculator}'s conventions. */
    public static TearSheet of(String portfolioId, EquityCurve samples, PerformanceCalculator calculator,
                               long generatedNanos) {
        if (samples.size() == 0) {
            throw new IllegalArgumentException("samples is empty: a tear sheet needs at least one equity sample");
        }
        EquityCurve daily = samples.dailyCloses();
        double[] returns = daily.returns();
        Optional<PerformanceReport> metrics = returns.length < PerformanceCalculator.MIN_OBSERVATIONS
                ? Optional.empty() : Optional.of(calculator.calculate(returns));
        return new TearSheet(portfolioId, generatedNanos, samples, daily, metrics);
    }

    /** Why there are no metrics, or {@code null} when there are. */
    public String insufficientData() {
        if (metrics.isPresent()) {
            return null;
        }
        return "insufficient data: " + daily.size() + " daily equity close(s) give " + Math.max(0, daily.size() - 1)
                + " daily return(s); metrics need at least " + PerformanceCalculator.MIN_OBSERVATIONS;
    }

    /** The curve the charts draw: daily closes when they span two days or more, else the raw samples. */
    public EquityCurve chartCurve() {
        return daily.size() >= 2 ? daily : samples;
    }

    /** The sheet as a JSON-ready map. */
    public SequencedMap<String, Object> toJson() {
        SequencedMap<String, Object> m = new LinkedHashMap<>();
        m.put("portfolio_id", portfolioId);
        m.put("generated_at", Formats.isoTime(generatedNanos));
        m.put("samples", samples.size());
        m.put("daily_closes", daily.size());
        m.put("metrics", metrics.map(ReportJson::metrics).orElse(null));
        m.put("insufficient_data", insufficientData());
        m.put("daily", dailyRows());
        List<Map<String, Object>> months = new ArrayList<>();
        for (var e : samples.monthlyReturns().entrySet()) {
            months.add(Map.of("month", e.getKey().toString(), "return", e.getValue()));
        }
        m.put("monthly_returns", months);
        return m;
    }

    /**
     * The sheet as CSV: a {@code metric,value} table (fractions; empty value for an undefined metric), a blank
     * line, then a {@code date,equity,daily_return,drawdown} table of the daily closes.
     */
    public String toCsv() {
        var sb = new StringBuilder("metric,value\n");
        sb.append("portfolio_id,").append(Formats.csvField(portfolioId)).append('\n');
        if (metrics.isPresent()) {
            for (var e : ReportJson.metrics(metrics.get()).entrySet()) {
                Object v = e.getValue();
                if (v instanceof Map<?, ?> nested) {
                    for (var n : nested.entrySet()) {
                        if (!e.getKey().equals("conventions")) {
                            sb.append(e.getKey()).append('.').append(n.getKey()).append(',')
                                    .append(n.getValue() == null ? "" : n.getValue()).append('\n');
                        }
                    }
                } else {
                    sb.append(e.getKey()).append(',').append(v == null ? "" : v).append('\n');
                }
            }
        } else {
            sb.append("insufficient_data,").append(Formats.csvField(insufficientData())).append('\n');
        }
        sb.append("\ndate,equity,daily_return,drawdown\n");
        for (Map<String, Object> row : dailyRows()) {
            Object r = row.get("daily_return");
            sb.append(row.get("date")).append(',').append(row.get("equity")).append(',')
                    .append(r == null ? "" : r).append(',').append(row.get("drawdown")).append('\n');
        }
        return sb.toString();
    }

    /** The sheet as a self-contained HTML page with inline SVG charts and no external reference. */
    public String toHtml() {
        return TearSheetHtml.render(this);
    }

    /** Monthly returns of the sampled curve (the first month measured from the first sample). */
    SequencedMap<YearMonth, Double> monthlyReturns() {
        return samples.monthlyReturns();
    }

    private List<Map<String, Object>> dailyRows() {
        long[] t = daily.timesNanos();
        double[] e = daily.equity();
        double[] dd = daily.drawdowns();
        double[] r = daily.returns();
        List<Map<String, Object>> rows = new ArrayList<>(t.length);
        for (int i = 0; i < t.length; i++) {
            var row = new LinkedHashMap<String, Object>();
            row.put("date", EquityCurve.day(t[i]).toString());
            row.put("equity", e[i]);
            row.put("daily_return", i == 0 ? null : r[i - 1]);
            row.put("drawdown", dd[i]);
            rows.add(row);
        }
        return rows;
    }

    /** Small formatting helpers shared by the renderings. */
    static final class Formats {
        private Formats() {
        }

        static String isoTime(long epochNanos) {
            return java.time.Instant.ofEpochSecond(0, epochNanos).toString();
        }

        static String percent(double fraction) {
            return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
        }

        static String csvField(String s) {
            return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }
}
