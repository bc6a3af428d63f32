package io.nautilus.bench.store;

import io.nautilus.core.store.journal.FsyncPolicy;
import io.nautilus.core.store.journal.Journal;
import io.nautilus.core.store.journal.JournalConfig;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

/**
 * Load script (a plain {@code main}): the cost of one {@link Journal#flush()} of a batch of {@code records} records
 * of {@code bytes} payload bytes each, per fsync policy, as HdrHistogram percentiles. {@code batch} is one
 * {@code pwrite} plus one {@code fdatasync}, i.e. what the disk of this machine charges for power-loss durability;
 * {@code never} is the {@code pwrite} into the page cache alone.
 * <pre>
 *   this thread: encode records into the direct buffer -> flush (pwrite [+ fdatasync]) -> record the time
 * </pre>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.nautilus.bench.store.JournalFlushLatency [dir=tmp]
 * [flushes=20000] [records=1] [bytes=150]}; {@code dir} should be on the disk the engine's data directory uses.
 */
public final class JournalFlushLatency {
    private JournalFlushLatency() {
    }

    public static void main(String[] args) throws Exception {
        Path base = args.length > 0 && !args[0].equals("tmp") ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir"));
        int flushes = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int bytes = args.length > 3 ? Integer.parseInt(args[3]) : 150;
        for (FsyncPolicy policy : new FsyncPolicy[] {FsyncPolicy.NEVER, FsyncPolicy.INTERVAL, FsyncPolicy.BATCH}) {
            Path dir = Files.createTempDirectory(base, "journal-bench");
            var h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            int n = policy == FsyncPolicy.BATCH ? Math.min(flushes, 5_000) : flushes;
            // nobody applies these records: no backlog cap
            var config = new JournalConfig(policy, JournalConfig.DEFAULT_FSYNC_INTERVAL_MS,
                    JournalConfig.DEFAULT_SEGMENT_BYTES, Long.MAX_VALUE);
            try (Journal j = Journal.open(dir, config, 1)) {
                for (int i = -n / 5; i < n; i++) {
                    long t0 = System.nanoTime();
                    for (int r = 0; r < records; r++) {
                        ByteBuffer b = j.begin(bytes);
                        for (int k = 0; k < bytes; k++) {
                            b.put((byte) k);
                        }
                        j.end();
                    }
                    j.flush();
                    long t = System.nanoTime() - t0;
                    if (i >= 0) {
                        h.recordValue(Math.min(t, h.getHighestTrackableValue()));
                    }
                }
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            System.out.printf(Locale.ROOT, "JournalFlushLatency fsync=%-8s dir=%s records=%d bytes=%d n=%d: p50=%.1f us"
                            + " p90=%.1f us p99=%.1f us p99.9=%.1f us max=%.1f us%n", policy.wireName(), base, records,
                    bytes, n, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
        }
    }
}
