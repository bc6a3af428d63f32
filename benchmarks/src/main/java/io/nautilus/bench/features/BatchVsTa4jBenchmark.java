package io.nautilus.bench.features;

import io.nautilus.core.quant.indicator.IndicatorRequest;
import io.nautilus.core.quant.indicator.IndicatorSeries;
import io.nautilus.core.quant.indicator.OhlcvSeries;
import io.nautilus.core.quant.indicator.SeriesCalculator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * Batch throughput: the same 10 indicators over the same 1,000,000 seeded synthetic bars, computed by
 * {@link SeriesCalculator} (primitive columns) and by ta4j 0.18 with {@code DoubleNum}, in one JMH run:
 * <pre>
 *   SMA(20) EMA(20) RSI(14) MACD(12,26,9: line, signal, histogram) Bollinger(20,2: upper, middle, lower)
 *   ATR(14) Stochastic(14,1,3: %K, %D) Williams %R(14) CCI(20) ROC(10)      = 15 output series
 *   (ours also fills Bollinger %b and bandwidth: 17 columns, so the comparison favours ta4j)
 * </pre>
 * One operation computes every output value at every bar. Series construction (our arrays, ta4j's
 * BarSeries) is setup, not measured; ta4j indicators are created fresh per operation (its caches would
 * otherwise answer from memory).
 *
 * <p>ta4j 0.18's {@code StochasticOscillatorKIndicator} and {@code WilliamsRIndicator} build a new
 * highest/lowest-value indicator inside every {@code calculate(i)}, which makes them quadratic in the series
 * length (10 s for 20,000 bars here; hours for 1,000,000). To measure ta4j's arithmetic rather than that
 * defect, %K and %R are composed from ta4j's own cached {@code HighestValueIndicator},
 * {@code LowestValueIndicator} and {@code NumericIndicator} (same values: the sums agree to the last digit),
 * and %D is ta4j's SMA(3) of that %K. Target: ours at least 10x ta4j's throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "-Xmx6g", "-Xms6g"})
public class BatchVsTa4jBenchmark {

    /** Number of bars (the target is stated for 1,000,000; smaller values only for exploration). */
    @Param("1000000")
    public int bars;

    static final List<IndicatorRequest> TEN = List.of(
            IndicatorRequest.of("sma", Map.of("period", 20.0)),
            IndicatorRequest.of("ema", Map.of("period", 20.0)),
            IndicatorRequest.of("rsi", Map.of("period", 14.0)),
            IndicatorRequest.of("macd"),
            IndicatorRequest.of("bbands"),
            IndicatorRequest.of("atr", Map.of("period", 14.0)),
            IndicatorRequest.of("stoch"),
            IndicatorRequest.of("willr", Map.of("period", 14.0)),
            IndicatorRequest.of("cci", Map.of("period", 20.0)),
            IndicatorRequest.of("roc", Map.of("period", 10.0)));

    private OhlcvSeries ours;
    private BarSeries ta4j;

    @Setup
    public void setUp() {
        SyntheticBars series = new SyntheticBars(bars, 7);
        ours = OhlcvSeries.of(series.open, series.high, series.low, series.close, series.volume);
        ta4j = new BaseBarSeriesBuilder().withName("bench").withNumFactory(DoubleNumFactory.getInstance()).build();
        Instant t = Instant.parse("2000-01-01T00:00:00Z");
        for (int i = 0; i < bars; i++) {
            ta4j.barBuilder().timePeriod(Duration.ofMinutes(1)).endTime(t.plusSeconds(60L * (i + 1)))
                    .openPrice(series.open[i]).highPrice(series.high[i]).lowPrice(series.low[i]).closePrice(series.close[i])
                    .volume(series.volume[i]).add();
        }
    }

    @Benchmark
    public double nautilusSeriesCalculator() {
        IndicatorSeries result = SeriesCalculator.DEFAULT.compute(ours, TEN);
        double checksum = 0;
        for (String name : result.names()) {
            checksum += result.column(name)[bars - 1];
        }
        return checksum;
    }

    @Benchmark
    public double ta4jDoubleNum() {
        ClosePriceIndicator close = new ClosePriceIndicator(ta4j);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        SMAIndicator sma20 = new SMAIndicator(close, 20);
        var middle = new BollingerBandsMiddleIndicator(sma20);
        var deviation = new StandardDeviationIndicator(close, 20);
        // %K and %R composed from ta4j's cached building blocks: see the class comment
        var close14High = new HighestValueIndicator(new HighPriceIndicator(ta4j), 14);
        var close14Low = new LowestValueIndicator(new LowPriceIndicator(ta4j), 14);
        NumericIndicator range = NumericIndicator.of(close14High).minus(close14Low);
        Indicator<Num> k = NumericIndicator.of(close).minus(close14Low).dividedBy(range).multipliedBy(100);
        Indicator<Num> williamsR = NumericIndicator.of(close14High).minus(close).dividedBy(range).multipliedBy(-100);
        List<Indicator<Num>> outputs = List.of(
                new SMAIndicator(close, 20),
                new EMAIndicator(close, 20),
                new RSIIndicator(close, 14),
                macd, macd.getSignalLine(9), macd.getHistogram(9),
                new BollingerBandsUpperIndicator(middle, deviation), middle,
                new BollingerBandsLowerIndicator(middle, deviation),
                new ATRIndicator(ta4j, 14),
                k, new SMAIndicator(k, 3),
                williamsR,
                new CCIIndicator(ta4j, 20),
                new ROCIndicator(close, 10));
        double checksum = 0;
        for (Indicator<Num> indicator : outputs) {
            for (int i = 0; i < bars; i++) {
                checksum += indicator.getValue(i).doubleValue();
            }
        }
        return checksum;
    }
}
