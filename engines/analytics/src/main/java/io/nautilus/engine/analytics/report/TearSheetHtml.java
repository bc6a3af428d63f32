package io.nautilus.engine.analytics.report;

import io.nautilus.engine.analytics.metrics.PerformanceReport;
import java.time.YearMonth;
import java.util.Locale;
import java.util.SequencedMap;
import java.util.TreeSet;

/**
 * Renders a {@link TearSheet} as one self-contained HTML page: inline CSS and inline SVG charts (equity curve,
 * drawdown, monthly returns heatmap), no script, no font, no image and no URL of any kind, so the page opens
 * offline. The SVG elements carry no {@code xmlns} (HTML5 parses inline SVG without it). Stateless and
 * thread-safe.
 */
final class TearSheetHtml {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 220;
    private static final int PAD = 40;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private TearSheetHtml() {
    }

    static String render(TearSheet sheet) {
        var sb = new StringBuilder(16_384);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Tear sheet ").append(escape(sheet.portfolioId())).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse}")
                .append("td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}th{text-align:left}")
                .append("svg{display:block;margin:8px 0 24px 0}.note{color:#a33}</style></head><body>\n")
                .append("<h1>Tear sheet: ").append(escape(sheet.portfolioId())).append("</h1>\n")
                .append("<p>Generated ").append(TearSheet.Formats.isoTime(sheet.generatedNanos()))
                .append(" from ").append(sheet.samples().size()).append(" equity samples, ")
                .append(sheet.daily().size()).append(" UTC daily closes.</p>\n");
        metricsTable(sb, sheet);
        EquityCurve curve = sheet.chartCurve();
        sb.append("<h2>Equity curve</h2>\n");
        lineChart(sb, curve.equity(), "#1f5fa8", false);
        sb.append("<h2>Drawdown</h2>\n");
        lineChart(sb, curve.drawdowns(), "#b03030", true);
        sb.append("<h2>Monthly returns</h2>\n");
        heatmap(sb, sheet.monthlyReturns());
        return sb.append("</body></html>\n").toString();
    }

    private static void metricsTable(StringBuilder sb, TearSheet sheet) {
        if (sheet.metrics().isEmpty()) {
            sb.append("<p class=\"note\">").append(escape(sheet.insufficientData())).append("</p>\n");
            return;
        }
        PerformanceReport r = sheet.metrics().get();
        sb.append("<h2>Metrics (daily returns, ").append(r.periodsPerYear()).append(" periods a year)</h2><table>");
        row(sb, "Total return", TearSheet.Formats.percent(r.totalReturn()));
        row(sb, "Annualized return (CAGR)", TearSheet.Formats.percent(r.annualizedReturn()));
        row(sb, "Volatility (annualized)", TearSheet.Formats.percent(r.volatility()));
        row(sb, "Maximum drawdown", TearSheet.Formats.percent(r.maxDrawdown().depth()));
        row(sb, "Drawdown duration (days)", Integer.toString(r.maxDrawdown().durationPeriods()));
        for (var e : ReportJson.metrics(r).entrySet()) {
            if (e.getValue() instanceof Double d && !e.getKey().contains("return") && !e.getKey().equals("volatility")) {
                row(sb, e.getKey(), String.format(Locale.ROOT, "%.4f", d));
            } else if (e.getValue() == null) {
                row(sb, e.getKey(), "n/a");
            }
        }
        sb.append("</table>\n");
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    /** A polyline (or a filled area down from 0 for drawdowns) scaled to the chart box, with min/max labels. */
    private static void lineChart(StringBuilder sb, double[] y, String color, boolean area) {
        sb.append("<svg width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\">");
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#fafafa\" stroke=\"#ccc\"/>");
        if (y.length == 0) {
            sb.append("</svg>\n");
            return;
        }
        double min = y[0];
        double max = y[0];
        for (double v : y) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (area) {
            max = 0;
        }
        double span = max - min == 0 ? 1 : max - min;
        var points = new StringBuilder();
        for (int i = 0; i < y.length; i++) {
            double x = PAD + (y.length == 1 ? 0 : (double) i / (y.length - 1)) * (WIDTH - 2 * PAD);
            double py = PAD / 2.0 + (max - y[i]) / span * (HEIGHT - PAD);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, py));
        }
        if (area) {
            double top = PAD / 2.0;
            sb.append("<polygon fill=\"").append(color).append("\" fill-opacity=\"0.35\" stroke=\"").append(color)
                    .append("\" points=\"").append(String.format(Locale.ROOT, "%d,%.1f ", PAD, top)).append(points)
                    .append(String.format(Locale.ROOT, "%d,%.1f", WIDTH - PAD, top)).append("\"/>");
        } else {
            sb.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(color).append("\" points=\"")
                    .append(points).append("\"/>");
        }
        label(sb, 4, PAD / 2 + 4, area ? TearSheet.Formats.percent(max) : format(max));
        label(sb, 4, HEIGHT - PAD / 2, area ? TearSheet.Formats.percent(min) : format(min));
        sb.append("</svg>\n");
    }

    /** Years as rows, months as columns; green for gains, red for losses, intensity by size up to 10%. */
    private static void heatmap(StringBuilder sb, SequencedMap<YearMonth, Double> monthly) {
        var years = new TreeSet<Integer>();
        monthly.keySet().forEach(m -> years.add(m.getYear()));
        int cell = 52;
        int height = 24 + cell / 2 * Math.max(1, years.size()) + 8;
        sb.append("<svg width=\"").append(60 + 12 * cell).append("\" height=\"").append(height)
                .append("\" role=\"img\">");
        for (int m = 0; m < 12; m++) {
            label(sb, 60 + m * cell + 12, 16, MONTHS[m]);
        }
        int row = 0;
        for (int year : years) {
            int y = 24 + row * cell / 2;
            label(sb, 4, y + 17, Integer.toString(year));
            for (int m = 0; m < 12; m++) {
                Double r = monthly.get(YearMonth.of(year, m + 1));
                if (r == null) {
                    continue;
                }
                sb.append("<rect x=\"").append(60 + m * cell).append("\" y=\"").append(y).append("\" width=\"")
                        .append(cell - 2).append("\" height=\"").append(cell / 2 - 2).append("\" fill=\"")
                        .append(color(r)).append("\"><title>").append(YearMonth.of(year, m + 1)).append(' ')
                        .append(TearSheet.Formats.percent(r)).append("</title></rect>");
                label(sb, 60 + m * cell + 4, y + 17, String.format(Locale.ROOT, "%.1f", 100 * r));
            }
            row++;
        }
        sb.append("</svg>\n");
    }

    private static String color(double r) {
        double intensity = Math.min(1, Math.abs(r) / 0.10);
        int fade = (int) Math.round(235 - 150 * intensity);
        return r >= 0 ? String.format(Locale.ROOT, "rgb(%d,225,%d)", fade, fade)
                : String.format(Locale.ROOT, "rgb(240,%d,%d)", fade, fade);
    }

    private static void label(StringBuilder sb, int x, int y, String text) {
        sb.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"11\">")
                .append(escape(text)).append("</text>");
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    static String escape(String s) {
        return io.nautilus.core.text.Html.escape(s);
    }
}
