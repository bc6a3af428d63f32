package io.nautilus.engine.marketdata.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.core.model.Quote;
import io.nautilus.core.model.Trade;
import io.nautilus.core.time.SimulatedClock;
import io.nautilus.engine.marketdata.pipeline.CollectingOutput;
import io.nautilus.engine.marketdata.pipeline.LatencyMonitor;
import io.nautilus.engine.marketdata.pipeline.MarketDataPipeline;
import io.nautilus.engine.marketdata.pipeline.PipelineSettings;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay of {@code replay/ticks.csv} (hand-written: four quotes, two trades, the last quote crossed) through a
 * real pipeline: what it publishes is exactly the file's valid rows, in order, with their own event times.
 */
class ReplaySourceTest {
    private static final long S = 1_000_000_000L;
    /** 2024-01-02T14:30:00Z. */
    private static final long T0 = 1_704_205_800L * S;
    private static final long DAY = 86_400L * S;

    @TempDir
    Path dir;
    private final CollectingOutput out = new CollectingOutput();
    private final MarketDataPipeline pipeline = new MarketDataPipeline(PipelineSettings.defaults(), out,
            new SimulatedClock(T0 + 60 * S), new LatencyMonitor());
    /** The replay thread is the only caller; the test reads after {@link ReplaySource#done()} completes. */
    private final TickSink sink = batch -> CompletableFuture.completedFuture(pipeline.process(batch));

    static Path fixture() throws URISyntaxException {
        return Path.of(ReplaySourceTest.class.getResource("/replay/ticks.csv").toURI());
    }

    @Test
    void test_start_replaysTheFileRowsExactly() throws Exception {
        var replay = new ReplaySource("replay", fixture(), null, DAY, 0);
        assertThat(replay.status().state()).isEqualTo(ReplaySource.State.PENDING);
        replay.start(sink);
        assertThat(replay.done().get(10, TimeUnit.SECONDS)).isEqualTo(5L);

        assertThat(out.quotes).containsExactly(
                new Quote("AAPL", 185.10, 185.12, 300, 200, T0),
                new Quote("MSFT", 370.50, 370.55, 100, 100, T0 + 2 * S),
                new Quote("AAPL", 185.11, 185.14, 100, 400, T0 + 3 * S));
        assertThat(out.trades).containsExactly(
                new Trade("AAPL", 185.11, 100, T0 + S),
                new Trade("MSFT", 370.52, 50, T0 + 4 * S));
        // the crossed quote of the last row is rejected by the pipeline, not replayed
        assertThat(pipeline.stats().rejected()).containsEntry("crossed_quote", 1L);
        ReplaySource.Status status = replay.status();
        assertThat(status.state()).isEqualTo(ReplaySource.State.DONE);
        assertThat(status.accepted()).isEqualTo(5);
        assertThat(status.error()).isNull();
    }

    @Test
    void test_start_fileGoneAfterTheCheck_failsWithReason() throws Exception {
        Path missing = dir.resolve("gone.csv");
        var replay = new ReplaySource("replay", missing, null, DAY, 0);
        replay.start(sink);
        assertThatThrownBy(() -> replay.done().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        ReplaySource.Status status = replay.status();
        assertThat(status.state()).isEqualTo(ReplaySource.State.FAILED);
        assertThat(status.error()).isEqualTo("NoSuchFileException: " + missing);
        assertThat(status.accepted()).isZero();
        assertThat(out.quotes).isEmpty();
    }

    @Test
    void test_checkReadable_namesKeyAndPath() throws Exception {
        ReplaySource.checkReadable("marketdata.replay.files", fixture());
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> ReplaySource.checkReadable("marketdata.replay.files", missing))
                .hasMessage("setting marketdata.replay.files: replay file '" + missing.toAbsolutePath()
                        + "' does not exist");
        assertThatThrownBy(() -> ReplaySource.checkReadable("marketdata.replay.files", dir))
                .hasMessage("setting marketdata.replay.files: replay file '" + dir.toAbsolutePath()
                        + "' is not a regular file");
    }
}
