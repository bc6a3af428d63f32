package io.nautilus.engine.risk;

import io.nautilus.core.model.Bar;
import io.nautilus.core.quant.stats.Returns;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Daily closes and volumes by symbol, from {@code 1d} bars (bus events and the Market Data engine's bar history),
 * keyed by the UTC day of the bar start. Source of the covariance model (aligned daily simple returns) and of
 * the average daily volume. Not thread-safe: owned by the risk engine's ring thread.
 */
final class MarketHistory {
    static final String DAILY = "1d";
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /**
     * Aligned daily simple returns {@code [period][symbol]} of the symbols that have enough history, on the days
     * all of them have a close. Immutable by convention (not shared after construction).
     */
    record Panel(List<String> symbols, double[][] returns) {
    }

    private final int maxBars;
    private final Map<String, NavigableMap<Long, double[]>> bySymbol = new HashMap<>();

    MarketHistory(int maxBars) {
        this.maxBars = maxBars;
    }

    /** Adds a daily bar; returns true if it changed the history. Other intervals are ignored. */
    boolean add(Bar bar) {
        if (!DAILY.equals(bar.interval())) {
            return false;
        }
        NavigableMap<Long, double[]> days = bySymbol.computeIfAbsent(bar.symbol(), s -> new TreeMap<>());
        days.put(Math.floorDiv(bar.startNanos(), NANOS_PER_DAY), new double[] {bar.close(), bar.volume()});
        while (days.size() > maxBars) {
            days.pollFirstEntry();
        }
        return true;
    }

    int bars(String symbol) {
        NavigableMap<Long, double[]> days = bySymbol.get(symbol);
        return days == null ? 0 : days.size();
    }

    /** Mean volume of the last {@code days} daily bars; empty with fewer bars or a zero mean. */
    OptionalDouble adv(String symbol, int days) {
        NavigableMap<Long, double[]> bars = bySymbol.get(symbol);
        if (bars == null || bars.size() < days) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        int n = 0;
        for (double[] b : bars.descendingMap().values()) {
            if (n == days) {
                break;
            }
            sum += b[1];
            n++;
        }
        return sum > 0 ? OptionalDouble.of(sum / n) : OptionalDouble.empty();
    }

    /**
     * The returns panel of {@code symbols}: those with at least {@code minReturns + 1} bars, aligned on their
     * common days; if the common days give fewer than {@code minReturns} returns the panel is empty.
     */
    Panel panel(Collection<String> symbols, int minReturns) {
        List<String> chosen = new ArrayList<>();
        TreeSet<Long> common = null;
        for (String s : new TreeSet<>(symbols)) {
            NavigableMap<Long, double[]> days = bySymbol.get(s);
            if (days == null || days.size() < minReturns + 1) {
                continue;
            }
            TreeSet<Long> next = common == null ? new TreeSet<>(days.keySet()) : new TreeSet<>(common);
            if (common != null) {
                next.retainAll(days.keySet());
            }
            if (next.size() < minReturns + 1) {
                continue;
            }
            common = next;
            chosen.add(s);
        }
        if (chosen.isEmpty()) {
            return new Panel(List.of(), new double[0][0]);
        }
        Long[] days = common.toArray(new Long[0]);
        double[][] closes = new double[days.length][chosen.size()];
        for (int j = 0; j < chosen.size(); j++) {
            NavigableMap<Long, double[]> bars = bySymbol.get(chosen.get(j));
            for (int t = 0; t < days.length; t++) {
                closes[t][j] = bars.get(days[t])[0];
            }
        }
        return new Panel(List.copyOf(chosen), Returns.simple(closes));
    }
}
