package io.nautilus.engine.risk.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A portfolio risk report as named tables (summary, limits, breaches, VaR, backtest, predictions), rendered by
 * {@link ReportFormat}. Cells are strings, numbers, booleans or {@code null} (no value). Immutable.
 *
 * @param portfolioId the portfolio
 * @param generatedAt ISO-8601 time
 * @param sections    tables in order
 * @param notes       what could not be computed, and why
 */
public record RiskReport(String portfolioId, String generatedAt, List<Section> sections, List<String> notes) {
    public RiskReport {
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }

    /**
     * One table.
     *
     * @param name    section name, e.g. {@code limits}
     * @param columns column names
     * @param rows    rows, each with one cell per column
     */
    public record Section(String name, List<String> columns, List<List<Object>> rows) {
        public Section {
            columns = List.copyOf(columns);
            var copy = new ArrayList<List<Object>>();
            for (List<Object> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("row of section " + name + " has " + row.size()
                            + " cells for " + columns.size() + " columns");
                }
                copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
            }
            rows = List.copyOf(copy);
        }

        /** The rows as column-to-cell maps (for JSON). */
        public List<Map<String, Object>> records() {
            var out = new ArrayList<Map<String, Object>>();
            for (List<Object> row : rows) {
                var m = new LinkedHashMap<String, Object>();
                for (int i = 0; i < columns.size(); i++) {
                    m.put(columns.get(i), row.get(i));
                }
                out.add(m);
            }
            return out;
        }
    }
}
