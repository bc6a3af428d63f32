package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.notBlank;
import static io.nautilus.core.model.Checks.validSymbol;

import java.util.List;

/**
 * Bars of one symbol and interval in ascending time order; empty when the engine has none. Immutable.
 *
 * @param symbol   instrument symbol
 * @param interval bar interval label
 * @param bars     bars, oldest first
 */
public record BarHistory(String symbol, String interval, List<Bar> bars) {
    public BarHistory {
        validSymbol("symbol", symbol);
        notBlank("interval", interval);
        bars = List.copyOf(bars);
    }
}
