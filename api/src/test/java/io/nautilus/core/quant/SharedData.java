package io.nautilus.core.quant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the shared real-data CSV fixtures (see shared/data/README.md) for tests. */
public final class SharedData {

    private SharedData() {
    }

    /** @return the data directory: system property {@code nautilus.shared.data}, else /work/shared/data */
    public static Path directory() {
        String configured = System.getProperty("nautilus.shared.data");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        return Path.of("/work/shared/data");
    }

    /**
     * @param file    CSV file name with a header row
     * @param columns column names to read
     * @return {@code values[row][column]} in the order of {@code columns}
     */
    public static double[][] columns(String file, String... columns) {
        try {
            List<String> lines = Files.readAllLines(directory().resolve(file));
            List<String> header = Arrays.asList(lines.getFirst().split(","));
            int[] index = new int[columns.length];
            for (int c = 0; c < columns.length; c++) {
                index[c] = header.indexOf(columns[c]);
                if (index[c] < 0) {
                    throw new IllegalArgumentException("column " + columns[c] + " not in " + header);
                }
            }
            double[][] values = new double[lines.size() - 1][columns.length];
            for (int r = 1; r < lines.size(); r++) {
                String[] cells = lines.get(r).split(",");
                for (int c = 0; c < columns.length; c++) {
                    values[r - 1][c] = Double.parseDouble(cells[index[c]]);
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return log returns ln(p_t / p_(t-1)) of each column of a price panel {@code [period][asset]} */
    public static double[][] logReturns(double[][] prices) {
        double[][] r = new double[prices.length - 1][prices[0].length];
        for (int t = 1; t < prices.length; t++) {
            for (int j = 0; j < prices[0].length; j++) {
                r[t - 1][j] = Math.log(prices[t][j] / prices[t - 1][j]);
            }
        }
        return r;
    }
}
