package io.nautilus.bus.local;

/**
 * Settings of the in-process bus, validated once. Immutable.
 *
 * @param ringSize           slots of each engine's normal lane (power of two)
 * @param urgentRingSize     slots of each engine's urgent lane (power of two)
 * @param waitMode           how ring threads wait when idle
 * @param dropOldestCapacity messages a DROP_OLDEST subscription keeps before dropping the oldest
 */
public record LocalBusConfig(int ringSize, int urgentRingSize, WaitMode waitMode, int dropOldestCapacity) {
    public static final LocalBusConfig DEFAULT = new LocalBusConfig(1 << 16, 1 << 12, WaitMode.BLOCKING, 1024);

    public LocalBusConfig {
        if (Integer.bitCount(ringSize) != 1 || ringSize < 64) {
            throw new IllegalArgumentException("ringSize must be a power of two >= 64, got " + ringSize);
        }
        if (Integer.bitCount(urgentRingSize) != 1 || urgentRingSize < 64) {
            throw new IllegalArgumentException("urgentRingSize must be a power of two >= 64, got " + urgentRingSize);
        }
        if (waitMode == null) {
            throw new IllegalArgumentException("waitMode must not be null");
        }
        if (dropOldestCapacity < 1) {
            throw new IllegalArgumentException("dropOldestCapacity must be >= 1, got " + dropOldestCapacity);
        }
    }

    public LocalBusConfig withWaitMode(WaitMode mode) {
        return new LocalBusConfig(ringSize, urgentRingSize, mode, dropOldestCapacity);
    }

    public LocalBusConfig withRingSize(int size) {
        return new LocalBusConfig(size, urgentRingSize, waitMode, dropOldestCapacity);
    }
}
