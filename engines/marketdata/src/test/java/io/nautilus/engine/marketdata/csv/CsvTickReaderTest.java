package io.nautilus.engine.marketdata.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.Bar;
import io.nautilus.core.time.SimulatedClock;
import io.nautilus.engine.marketdata.pipeline.CollectingOutput;
import io.nautilus.engine.marketdata.pipeline.LatencyMonitor;
import io.nautilus.engine.marketdata.pipeline.MarketDataPipeline;
import io.nautilus.engine.marketdata.pipeline.PipelineSettings;
import io.nautilus.engine.marketdata.tick.ParsedBatch;
import io.nautilus.engine.marketdata.tick.Rejection;
import io.nautilus.engine.marketdata.tick.TickBatch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTickReaderTest {
    private static final long DAY = 86_400_000_000_000L;

    private static List<ParsedBatch> read(String csv, String symbol) {
        var out = new ArrayList<ParsedBatch>();
        new CsvTickReader("replay", symbol, DAY, 1000).read(new BufferedReader(new StringReader(csv)), out::add);
        return out;
    }

    @Test
    void test_read_barRowsBecomeFourRecordsInPathOrder() {
        List<ParsedBatch> out = read("date,open,high,low,close,volume\n1985-01-02,3.18,3.18,3.08,3.08,1870906\n", "ttrc");
        TickBatch b = out.getFirst().batch();
        assertThat(b.size()).isEqualTo(4);
        // falling bar (close < open): open, high, low, close; a quarter of the volume each
        assertThat(new double[] {b.price(0), b.price(1), b.price(2), b.price(3)}).containsExactly(3.18, 3.18, 3.08, 3.08);
        assertThat(b.tradeSize(0)).isEqualTo(1870906 / 4.0);
        assertThat(b.symbol(0)).isEqualTo("TTRC");
        assertThat(b.tsNanos(0)).isEqualTo(473_472_000L * 1_000_000_000L);
        assertThat(b.tsNanos(3) - b.tsNanos(0)).isEqualTo(3 * DAY / 4);
    }

    @Test
    void test_read_tickAndClosesLayouts() {
        TickBatch ticks = read("timestamp,symbol,type,bid,ask,bid_size,ask_size,price,size\n"
                + "2024-01-02T14:30:00Z,aapl,quote,100,100.1,5,6,,\n"
                + "2024-01-02T14:30:01Z,AAPL,trade,,,,,100.05,7\n", null).getFirst().batch();
        assertThat(ticks.isQuote(0)).isTrue();
        assertThat(ticks.symbol(0)).isEqualTo("AAPL");
        assertThat(ticks.askSize(0)).isEqualTo(6);
        assertThat(ticks.isQuote(1)).isFalse();
        assertThat(ticks.price(1)).isEqualTo(100.05);
        TickBatch closes = read("t,dax,smi\n1991.496154,1628.75,1678.1\n", null).getFirst().batch();
        assertThat(closes.size()).isEqualTo(2);
        assertThat(closes.symbol(1)).isEqualTo("SMI");
        assertThat(closes.bid(1)).isEqualTo(1678.1);
        assertThat(closes.ask(1)).isEqualTo(1678.1);
    }

    @Test
    void test_read_unreadableRowsAreRejectedWithTheirRowNumber() {
        ParsedBatch p = read("date,open,high,low,close\nnot-a-date,1,1,1,1\n1985-01-02,2,1,1,1\n1985-01-03,x,1,1,1\n"
                + "1985-01-04,1,2,0.5,1.5\n", "X").getFirst();
        assertThat(p.rejected()).extracting(r -> r.index() + ":" + r.reason())
                .containsExactly("0:" + Rejection.BAD_TIMESTAMP, "1:" + Rejection.INCONSISTENT_BAR, "2:" + Rejection.MALFORMED);
        assertThat(p.batch().size()).isEqualTo(4);
        assertThatThrownBy(() -> read("open,close\n1,2\n", "X")).hasMessageContaining("time column");
        assertThatThrownBy(() -> read("date,open,high,low,close\n", null)).hasMessageContaining("symbol parameter");
    }

    @Test
    void test_read_replayOfTtrcGivesDailyBarsEqualToTheFile() throws IOException {
        Path file = io.nautilus.engine.marketdata.SharedData.file("ttrc_daily_ohlcv.csv");
        var out = new CollectingOutput();
        var pipeline = new MarketDataPipeline(PipelineSettings.defaults(), out, new SimulatedClock(System.currentTimeMillis() * 1_000_000L),
                new LatencyMonitor());
        try (BufferedReader in = Files.newBufferedReader(file)) {
            new CsvTickReader("replay", "TTRC", DAY, 1000).read(in, parsed -> {
                assertThat(parsed.rejected()).isEmpty();
                assertThat(pipeline.process(parsed.batch()).rejected()).isEmpty();
            });
        }
        pipeline.process(new TickBatch.Builder(1).buildFinal("replay"));
        List<String> rows = Files.readAllLines(file).subList(1, 5551);
        List<Bar> daily = out.bars("1d");
        assertThat(daily).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            Bar b = daily.get(i);
            assertThat(b.startNanos()).isEqualTo(java.time.LocalDate.parse(f[0]).toEpochDay() * DAY);
            assertThat(new double[] {b.open(), b.high(), b.low(), b.close(), b.volume()}).as("row %d", i)
                    .containsExactly(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])}, within(1e-6));
        }
    }
}
