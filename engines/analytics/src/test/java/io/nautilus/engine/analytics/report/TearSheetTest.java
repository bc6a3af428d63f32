package io.nautilus.engine.analytics.report;

import static io.nautilus.engine.analytics.report.EquityCurveTest.CURVE;
import static io.nautilus.engine.analytics.report.EquityCurveTest.nanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.engine.analytics.metrics.PerformanceCalculator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TearSheetTest {
    private static final long NOW = nanos("2024-03-01T00:00:00Z");

    @Test
    void test_toJson_metricsOfDailyCloses() {
        TearSheet sheet = TearSheet.of("P1", CURVE, PerformanceCalculator.DEFAULT, NOW);
        Map<String, Object> json = sheet.toJson();
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) json.get("metrics");
        // daily closes 101, 99, 104.94, 100.6: total return 100.6 / 101 - 1; best 104.94 / 99 - 1 (0.06),
        // worst 100.6 / 104.94 - 1 (-0.0414)
        assertThat((double) metrics.get("total_return")).isEqualTo(100.6 / 101 - 1, within(1e-14));
        assertThat((double) metrics.get("best_period")).isEqualTo(0.06, within(1e-14));
        assertThat((double) metrics.get("worst_period")).isEqualTo(100.6 / 104.94 - 1, within(1e-14));
        assertThat(json.get("daily_closes")).isEqualTo(4);
        assertThat(json.get("insufficient_data")).isNull();
        assertThat((List<?>) json.get("monthly_returns")).hasSize(2);
    }

    @Test
    void test_toHtml_selfContainedWithChartsAndNoUrl() {
        String html = TearSheet.of("<P&1>", CURVE, PerformanceCalculator.DEFAULT, NOW).toHtml();
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).contains("<svg", "<polyline", "<polygon");
        // two heatmap cells: January and February 2024, with their returns in percent
        assertThat(Pattern.compile("<rect x=\"\\d+\" y=\"24\"").matcher(html).results().count()).isEqualTo(2);
        assertThat(html).contains("2024-01 -1.00%", "2024-02 1.62%");
        assertThat(html).contains("&lt;P&amp;1&gt;").doesNotContain("<P&1>");
        assertThat(html).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("src=")
                .doesNotContainIgnoringCase("href=").doesNotContainIgnoringCase("url(").doesNotContain("@import");
    }

    @Test
    void test_toCsv_metricTableThenDailyTable() {
        String csv = TearSheet.of("P1", CURVE, PerformanceCalculator.DEFAULT, NOW).toCsv();
        String[] parts = csv.split("\n\n");
        assertThat(parts).hasSize(2);
        assertThat(parts[0]).startsWith("metric,value\nportfolio_id,P1\n").contains("\nbest_period," + (104.94 / 99 - 1) + "\n")
                .contains("\nmax_drawdown.depth,");
        assertThat(parts[1].lines().toList()).containsExactly("date,equity,daily_return,drawdown",
                "2024-01-30,101.0,,0.0", "2024-01-31,99.0," + (99 / 101.0 - 1) + "," + (99 / 101.0 - 1),
                "2024-02-01,104.94," + (104.94 / 99 - 1) + ",0.0",
                "2024-02-29,100.6," + (100.6 / 104.94 - 1) + "," + (100.6 / 104.94 - 1));
    }

    @Test
    void test_of_insufficientDataSaysSoWithoutNumbers() {
        var oneDay = new EquityCurve(new long[] {nanos("2024-01-30T10:00:00Z"), nanos("2024-01-30T11:00:00Z")},
                new double[] {100, 100.5});
        TearSheet sheet = TearSheet.of("P1", oneDay, PerformanceCalculator.DEFAULT, NOW);
        assertThat(sheet.metrics()).isEmpty();
        assertThat(sheet.insufficientData()).contains("1 daily equity close(s) give 0 daily return(s)");
        assertThat(sheet.toJson().get("metrics")).isNull();
        assertThat(sheet.toCsv()).contains("insufficient_data,");
        assertThat(sheet.toHtml()).contains("insufficient data").contains("<polyline");
    }
}
