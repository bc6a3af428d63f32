package io.nautilus.core.quant.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The dem2gbp series of /work/shared/data (daily percentage log returns, 1,974 values) for reference tests. */
final class Dem2GbpFixture {

    private Dem2GbpFixture() {
    }

    /** The raw column: daily log returns in percent. */
    static double[] percentLogReturns() {
        Path file = sharedData().resolve("dem2gbp_daily_returns.csv");
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().skip(1).filter(l -> !l.isBlank()).mapToDouble(Double::parseDouble).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The same series as simple returns in fractions: {@code exp(x / 100) - 1}. */
    static double[] simpleReturns() {
        double[] x = percentLogReturns();
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = Math.expm1(x[i] / 100);
        }
        return r;
    }

    private static Path sharedData() {
        String configured = System.getProperty("nautilus.shared.data");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        return Path.of("/work/shared/data");
    }
}
