package io.nautilus.engine.risk.report;

import io.nautilus.core.model.WireName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link RiskReport} as JSON ({@code {portfolio_id, generated_at, sections: {name: [rows]}, notes}}),
 * CSV (RFC 4180: one block per section, first column the section name, a header row per section) or HTML (one
 * table per section, text escaped). Non-finite numbers are written as empty cells (JSON {@code null}).
 */
public enum ReportFormat implements WireName {
    JSON("application/json"), CSV("text/csv; charset=utf-8"), HTML("text/html; charset=utf-8");

    private final String contentType;

    ReportFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The report as text: CSV or HTML. JSON is not text here: its tree ({@link #jsonTree}) is written by the HTTP
     * edge with the wire mapper (this package speaks no HTTP).
     */
    public String render(RiskReport r) {
        return switch (this) {
            case JSON -> throw new IllegalStateException("a JSON report is written from jsonTree by the HTTP edge");
            case CSV -> csv(r);
            case HTML -> html(r);
        };
    }

    /** The JSON report's tree: {@code {portfolio_id, generated_at, sections: {name: [rows]}, notes}}. */
    public static Map<String, Object> jsonTree(RiskReport r) {
        var sections = new LinkedHashMap<String, Object>();
        r.sections().forEach(s -> sections.put(s.name(), s.records()));
        var root = new LinkedHashMap<String, Object>();
        root.put("portfolio_id", r.portfolioId());
        root.put("generated_at", r.generatedAt());
        root.put("sections", sections);
        root.put("notes", r.notes());
        return root;
    }

    private static String csv(RiskReport r) {
        var sb = new StringBuilder();
        sb.append("section,portfolio_id,generated_at\r\n");
        sb.append("report,").append(csvCell(r.portfolioId())).append(',').append(csvCell(r.generatedAt())).append("\r\n");
        for (RiskReport.Section s : r.sections()) {
            sb.append("\r\nsection");
            for (String c : s.columns()) {
                sb.append(',').append(csvCell(c));
            }
            sb.append("\r\n");
            for (List<Object> row : s.rows()) {
                sb.append(csvCell(s.name()));
                for (Object cell : row) {
                    sb.append(',').append(csvCell(cell));
                }
                sb.append("\r\n");
            }
        }
        for (String note : r.notes()) {
            sb.append("note,").append(csvCell(note)).append("\r\n");
        }
        return sb.toString();
    }

    private static String html(RiskReport r) {
        var sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Risk report ")
                .append(escape(r.portfolioId())).append("</title></head><body>\n<h1>Risk report: ")
                .append(escape(r.portfolioId())).append("</h1>\n<p>Generated ").append(escape(r.generatedAt()))
                .append("</p>\n");
        for (RiskReport.Section s : r.sections()) {
            sb.append("<h2>").append(escape(s.name())).append("</h2>\n<table border=\"1\"><tr>");
            s.columns().forEach(c -> sb.append("<th>").append(escape(c)).append("</th>"));
            sb.append("</tr>\n");
            for (List<Object> row : s.rows()) {
                sb.append("<tr>");
                row.forEach(cell -> sb.append("<td>").append(escape(text(cell))).append("</td>"));
                sb.append("</tr>\n");
            }
            sb.append("</table>\n");
        }
        if (!r.notes().isEmpty()) {
            sb.append("<h2>notes</h2>\n<ul>");
            r.notes().forEach(n -> sb.append("<li>").append(escape(n)).append("</li>"));
            sb.append("</ul>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            return Double.isFinite(d) ? Double.toString(d) : "";
        }
        return cell.toString();
    }

    static String csvCell(Object cell) {
        String t = text(cell);
        if (t.indexOf(',') >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            return '"' + t.replace("\"", "\"\"") + '"';
        }
        return t;
    }

    static String escape(String s) {
        return io.nautilus.core.text.Html.escape(s);
    }
}
