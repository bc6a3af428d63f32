package io.nautilus.engine.marketdata.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.engine.marketdata.tick.TickBatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceCheckpointTest {
    private static final long START = 1_704_067_200_000_000_000L;

    @TempDir
    Path dir;

    private static GbmSimulator simulator() {
        return new GbmSimulator(new SimulatorSettings(List.of("AAA", "BBB"), new double[] {100, 50},
                new double[] {0.2, 0.4}, new double[] {0, 0}, SimulatorSettings.uniformCorrelation(2, 0.5), 0, 0, 0, 0,
                2, 0, 100, 10, 7));
    }

    @Test
    void test_saveThenLoad_exactMidsAndResumeContinuesThere() throws Exception {
        GbmSimulator sim = simulator();
        var out = new TickBatch.Builder(16);
        for (int k = 1; k <= 50; k++) {
            sim.step(START + k * 3_600_000_000_000L, 3600, "simulator", out);
        }
        var checkpoint = new PriceCheckpoint(dir.resolve("prices"));
        checkpoint.save(sim);
        var loaded = checkpoint.load();
        // Double.toString round-trips: the loaded prices are the simulator's mids to the last bit
        assertThat(loaded).containsExactly(entry("AAA", sim.mid(0)), entry("BBB", sim.mid(1)));
        assertThat(Files.readString(dir.resolve("prices")))
                .isEqualTo("AAA " + sim.mid(0) + "\nBBB " + sim.mid(1) + "\nend\n");
        // rewritten in place: a shorter content leaves no stale tail
        var one = new GbmSimulator(new SimulatorSettings(List.of("C"), new double[] {7}, new double[] {0.1},
                new double[] {0}, SimulatorSettings.uniformCorrelation(1, 0), 0, 0, 0, 0, 2, 0, 100, 10, 7));
        checkpoint.save(one);
        assertThat(Files.readString(dir.resolve("prices"))).isEqualTo("C " + one.mid(0) + "\nend\n");
        checkpoint.save(sim);

        GbmSimulator fresh = simulator();
        assertThat(fresh.mid(1)).isCloseTo(50.0, within(1e-12));
        assertThat(fresh.resumeAt("BBB", loaded.get("BBB"))).isTrue();
        assertThat(fresh.mid(1)).isCloseTo(sim.mid(1), within(sim.mid(1) * 1e-15));
        assertThat(fresh.resumeAt("ZZZ", 10)).isFalse();
        assertThatThrownBy(() -> fresh.resumeAt("AAA", 0)).hasMessage("mid of AAA must be a finite price > 0, got 0.0");
    }

    @Test
    void test_load_missingFileIsEmpty_badLinesAreSkipped() throws Exception {
        var checkpoint = new PriceCheckpoint(dir.resolve("prices"));
        assertThat(checkpoint.load()).isEmpty();
        Files.writeString(dir.resolve("prices"),
                "AAPL 191.5\nnot a line\nMSFT -3\nNVDA abc\nXOM Infinity\n\nSPY 520.25\nend\nJPM 1\n");
        assertThat(checkpoint.load()).containsExactly(entry("AAPL", 191.5), entry("SPY", 520.25));
        // cut short (no end line): not trusted at all
        Files.writeString(dir.resolve("prices"), "AAPL 191.5\nSPY 52");
        assertThat(checkpoint.load()).isEmpty();
    }
}
