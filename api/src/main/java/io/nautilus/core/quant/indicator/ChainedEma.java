package io.nautilus.core.quant.indicator;

/**
 * A chain of EMAs of one period, each fed with the values of the one before once that one is seeded
 * (TA-Lib chaining for DEMA, TEMA and TRIX): stage 0 is {@code EMA(x)}, stage 1 {@code EMA(EMA(x))}, ...
 * Every stage is seeded with the simple mean of its first {@code period} inputs, so the last stage is ready
 * after {@code stages (period - 1) + 1} inputs. Mutable, not thread-safe.
 */
final class ChainedEma {

    private final ExponentialAverage[] stages;

    ChainedEma(int period, int stages) {
        this.stages = new ExponentialAverage[stages];
        for (int i = 0; i < stages; i++) {
            this.stages[i] = ExponentialAverage.ema(period);
        }
    }

    /** Feeds {@code x} through the chain; returns true when the last stage has a value. */
    boolean update(double x) {
        double value = x;
        for (ExponentialAverage stage : stages) {
            value = stage.update(value);
            if (!stage.isReady()) {
                return false;
            }
        }
        return true;
    }

    double stage(int index) {
        return stages[index].value();
    }

    void reset() {
        for (ExponentialAverage stage : stages) {
            stage.reset();
        }
    }
}
