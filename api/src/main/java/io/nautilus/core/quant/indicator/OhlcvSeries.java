package io.nautilus.core.quant.indicator;

/**
 * Whole-series bar input for {@link SeriesCalculator}: aligned arrays of one symbol's bars, oldest first.
 * Only {@code close} is mandatory; {@code open}, {@code high}, {@code low}, {@code volume} and
 * {@code sessionStarts} may be {@code null} when no requested indicator needs them. Prices must be finite
 * and positive, volumes finite and non-negative, {@code high >= low}. {@code sessionStarts[i]} true starts a
 * new session before bar {@code i} (VWAP resets there). The arrays are validated but not copied: do not
 * modify them while a computation runs.
 */
public record OhlcvSeries(double[] open, double[] high, double[] low, double[] close, double[] volume,
        boolean[] sessionStarts) {

    public OhlcvSeries {
        if (close == null) {
            throw new IllegalArgumentException("close must be non-null");
        }
        int n = close.length;
        requirePrices("open", open, n);
        requirePrices("high", high, n);
        requirePrices("low", low, n);
        requirePrices("close", close, n);
        if (volume != null) {
            requireLength("volume", volume.length, n);
            for (int i = 0; i < n; i++) {
                if (!(volume[i] >= 0) || Double.isInfinite(volume[i])) {
                    throw new IllegalArgumentException("volume[" + i + "] must be finite and >= 0, was " + volume[i]);
                }
            }
        }
        if (sessionStarts != null) {
            requireLength("sessionStarts", sessionStarts.length, n);
        }
        if (high != null && low != null) {
            for (int i = 0; i < n; i++) {
                if (high[i] < low[i]) {
                    throw new IllegalArgumentException("high[" + i + "] must be >= low[" + i + "], was " + high[i]
                            + " < " + low[i]);
                }
            }
        }
    }

    /** Open, high, low, close and volume, no session boundaries. */
    public static OhlcvSeries of(double[] open, double[] high, double[] low, double[] close, double[] volume) {
        return new OhlcvSeries(open, high, low, close, volume, null);
    }

    /** Close prices only. */
    public static OhlcvSeries ofClose(double[] close) {
        return new OhlcvSeries(null, null, null, close, null, null);
    }

    public int length() {
        return close.length;
    }

    /** Whether the given field was supplied. */
    public boolean has(BarInput input) {
        return switch (input) {
            case OPEN -> open != null;
            case HIGH -> high != null;
            case LOW -> low != null;
            case CLOSE -> true;
            case VOLUME -> volume != null;
        };
    }

    private static void requirePrices(String name, double[] prices, int n) {
        if (prices == null) {
            return;
        }
        requireLength(name, prices.length, n);
        for (int i = 0; i < n; i++) {
            if (!(prices[i] > 0) || Double.isInfinite(prices[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite and > 0, was " + prices[i]);
            }
        }
    }

    private static void requireLength(String name, int length, int n) {
        if (length != n) {
            throw new IllegalArgumentException(name + " must have the length of close (" + n + "), was " + length);
        }
    }
}
