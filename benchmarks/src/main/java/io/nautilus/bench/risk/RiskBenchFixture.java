package io.nautilus.bench.risk;

import io.nautilus.engine.risk.limit.ExposureBook;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitScope;
import io.nautilus.engine.risk.limit.LimitType;
import io.nautilus.engine.risk.limit.ReferenceData;
import io.nautilus.engine.risk.limit.RiskModel;
import io.nautilus.engine.risk.limit.SymbolInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded synthetic portfolio for the risk benchmarks: {@code n} symbols {@code S0..S(n-1)} in 10 sectors, 5
 * countries and 3 currencies with an ADV each, a one-factor covariance (beta 0.5-1.5 to a 1.2% daily factor plus
 * 0.8-2% idiosyncratic volatility, so it is positive definite), and a position in every symbol.
 */
final class RiskBenchFixture {
    private RiskBenchFixture() {
    }

    static List<String> symbols(int n) {
        var s = new ArrayList<String>(n);
        for (int i = 0; i < n; i++) {
            s.add("S" + i);
        }
        return s;
    }

    static RiskModel model(int n, long seed) {
        var random = new SplittableRandom(seed);
        double factor = 0.012;
        double[] beta = new double[n];
        double[] idio = new double[n];
        for (int i = 0; i < n; i++) {
            beta[i] = 0.5 + random.nextDouble();
            idio[i] = 0.008 + 0.012 * random.nextDouble();
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i][j] = beta[i] * beta[j] * factor * factor + (i == j ? idio[i] * idio[i] : 0.0);
            }
        }
        return new RiskModel(symbols(n), cov);
    }

    static ReferenceData reference(int n, long seed) {
        var random = new SplittableRandom(seed);
        Map<String, SymbolInfo> m = new HashMap<>();
        for (int i = 0; i < n; i++) {
            m.put("S" + i, new SymbolInfo("sector" + (i % 10), "country" + (i % 5), "ccy" + (i % 3),
                    100_000 + 900_000 * random.nextDouble()));
        }
        return new ReferenceData(m);
    }

    /** A book with a long or short position of 100-1,100 units at 10-110 in each of the n symbols. */
    static ExposureBook book(int n, long seed) {
        var random = new SplittableRandom(seed);
        var book = new ExposureBook("bench", ExposureBook.Settings.DEFAULT);
        book.setModel(model(n, seed));
        book.setReference(reference(n, seed));
        book.setCapital(1e9);
        long t0 = 1_700_000_000_000_000_000L;
        for (int i = 0; i < n; i++) {
            double qty = (random.nextBoolean() ? 1 : -1) * (100 + 1000 * random.nextDouble());
            double px = 10 + 100 * random.nextDouble();
            book.applyPosition("S" + i, qty, px, 0, px, t0 + i);
        }
        return book;
    }

    /** One limit of every type at portfolio scope, set far enough that orders pass (the full path is measured). */
    static List<LimitDefinition> allTypes() {
        var out = new ArrayList<LimitDefinition>();
        for (LimitType t : LimitType.values()) {
            double value = switch (t) {
                case CORRELATION -> 1.0;
                default -> 1e12;
            };
            out.add(LimitDefinition.of(t.wireName(), t, value, LimitScope.PORTFOLIO, "bench", null, null));
        }
        return out;
    }
}
