package io.nautilus.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small comma-separated file held in memory as columns: a header line naming the columns, then one line per
 * row, plain comma separation (no quoting: the shared data files need none). Empty lines are skipped. Immutable
 * and thread-safe; the arrays returned are copies.
 */
public final class CsvColumns {

    private final Path source;
    private final List<String> headers;
    private final String[][] cells; // [column][row]

    private CsvColumns(Path source, List<String> headers, String[][] cells) {
        this.source = source;
        this.headers = headers;
        this.cells = cells;
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException if the file is empty or a row has a different number of cells than the
     *                                  header (the message names the line)
     */
    public static CsvColumns read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: expected a header line");
        }
        List<String> headers = List.of(lines.getFirst().strip().split(",", -1));
        int rows = lines.size() - 1;
        String[][] cells = new String[headers.size()][rows];
        for (int r = 0; r < rows; r++) {
            String[] row = lines.get(r + 1).strip().split(",", -1);
            if (row.length != headers.size()) {
                throw new IllegalArgumentException(file + " data row " + (r + 1) + " has " + row.length
                        + " cells, the header has " + headers.size());
            }
            for (int c = 0; c < row.length; c++) {
                cells[c][r] = row[c].strip();
            }
        }
        return new CsvColumns(file, headers, cells);
    }

    /** Column names in file order. */
    public List<String> headers() {
        return headers;
    }

    /** Number of data rows (header excluded). */
    public int rows() {
        return headers.isEmpty() ? 0 : cells[0].length;
    }

    /**
     * The column {@code name} parsed as doubles, in file order.
     *
     * @throws IllegalArgumentException if there is no such column, or a cell is not a number (the message names
     *                                  the row; missing values are never invented)
     */
    public double[] column(String name) {
        String[] text = cells[index(name)];
        double[] values = new double[text.length];
        for (int r = 0; r < text.length; r++) {
            try {
                values[r] = Double.parseDouble(text[r]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + " column " + name + " data row " + (r + 1)
                        + " is not a number: '" + text[r] + "'", e);
            }
        }
        return values;
    }

    /** The column {@code name} as text (dates, symbols), in file order. */
    public String[] text(String name) {
        return cells[index(name)].clone();
    }

    private int index(String name) {
        int i = headers.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(source + " has no column '" + name + "'; columns are " + headers);
        }
        return i;
    }
}
