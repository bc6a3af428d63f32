package io.nautilus.bench;

import java.util.Locale;

/**
 * Load script (a plain {@code main}, not JMH): how long the machine itself takes a running thread away. One
 * thread reads {@link System#nanoTime()} in a tight loop for the given time and counts the gaps between two
 * consecutive reads (normally tens of nanoseconds): every gap is time the thread was not running (an interrupt,
 * the hypervisor running another vCPU, the scheduler running another thread). No latency percentile of anything
 * on this machine can be better than what these gaps allow, so run it next to a latency benchmark to read that
 * benchmark's tail. Run: {@code java -cp benchmarks/target/benchmarks.jar io.nautilus.bench.MachineJitter [seconds=10]}.
 */
public final class MachineJitter {
    private static final long[] THRESHOLDS_NANOS = {10_000, 50_000, 100_000, 1_000_000};

    private MachineJitter() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        if (seconds <= 0) {
            throw new IllegalArgumentException("seconds must be positive: " + seconds);
        }
        long[] over = new long[THRESHOLDS_NANOS.length];
        long stolen = 0;
        long max = 0;
        long reads = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long prev = start;
        long now;
        do {
            now = System.nanoTime();
            long gap = now - prev;
            prev = now;
            reads++;
            if (gap >= THRESHOLDS_NANOS[0]) {
                stolen += gap;
                for (int i = 0; i < THRESHOLDS_NANOS.length; i++) {
                    if (gap >= THRESHOLDS_NANOS[i]) {
                        over[i]++;
                    }
                }
            }
            max = Math.max(max, gap);
        } while (now < end);
        double elapsed = (now - start) / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "MachineJitter %.1f s, %d reads: gaps", elapsed, reads));
        for (int i = 0; i < THRESHOLDS_NANOS.length; i++) {
            line.append(String.format(Locale.ROOT, " >=%d us: %.1f/s;", THRESHOLDS_NANOS[i] / 1000, over[i] / elapsed));
        }
        line.append(String.format(Locale.ROOT, " max %.1f us; time lost in gaps >= 10 us: %.2f%%",
                max / 1e3, 100.0 * stolen / (now - start)));
        System.out.println(line);
    }
}
