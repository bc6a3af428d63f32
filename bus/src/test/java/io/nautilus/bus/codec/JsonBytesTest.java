package io.nautilus.bus.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written JSON values are the bytes Jackson's generator writes for them. */
class JsonBytesTest {
    private static final JsonFactory FACTORY = EnvelopeCodec.wireMapper().getFactory();

    private static String written(java.util.function.Consumer<JsonBytes> w) {
        var b = new JsonBytes(FACTORY);
        w.accept(b);
        return new String(b.take(), StandardCharsets.UTF_8);
    }

    private static String jackson(String s) throws IOException {
        var out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeString(s);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 9, 10, 99, 100, 999_999_999, 1_000_000_000, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
            1_000_000_000_000_000_000L, 1_700_000_000_000_000_001L, 2_147_483_648_000_000_000L, Long.MAX_VALUE,
            -1, -10, Integer.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE})
    void test_number_long_isLongToString(long v) {
        assertThat(written(b -> b.number(v))).isEqualTo(Long.toString(v));
    }

    @Property(tries = 2000)
    void property_number_long_isLongToString(@ForAll long v) {
        assertThat(written(b -> b.number(v))).isEqualTo(Long.toString(v));
    }

    @Property(tries = 1000)
    void property_number_double_isDoubleToString(@ForAll double v) {
        if (Double.isFinite(v)) {
            assertThat(written(b -> b.number(v))).isEqualTo(Double.toString(v));
        }
    }

    @Property(tries = 5000)
    void property_number_double_decimalsAreDoubleToString(@ForAll @IntRange(min = -2_000_000_000, max = 2_000_000_000) int m,
                                                         @ForAll @IntRange(min = 0, max = 17) int k) {
        double v = m / Math.pow(10, k);
        assertThat(written(b -> b.number(v))).isEqualTo(Double.toString(v));
        double sum = v + 0.01 * (m % 100); // a price after arithmetic: often 16-17 significant digits
        assertThat(written(b -> b.number(sum))).isEqualTo(Double.toString(sum));
    }

    @Test
    void test_number_double_aMillionPricesAndSizesAreDoubleToString() {
        var b = new JsonBytes(FACTORY);
        var random = new java.util.Random(42);
        for (int i = 0; i < 1_000_000; i++) {
            double v = switch (i % 4) {
                case 0 -> 189.5 + (i % 100) * 0.01;
                case 1 -> random.nextInt(10_000_000) / Math.pow(10, random.nextInt(9));
                case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(12) - 4);
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (Double.isFinite(v)) {
                b.number(v);
                String got = new String(b.take(), StandardCharsets.UTF_8);
                if (!got.equals(Double.toString(v))) {
                    assertThat(got).as("bits %x", Double.doubleToRawLongBits(v)).isEqualTo(Double.toString(v));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, 1e-3, 0.001, 9.999999999999999e-4, 1e7, 9_999_999.999, 1e-300, Double.MIN_VALUE,
            Double.MAX_VALUE, 0.1, 0.2, 0.30000000000000004, 100, 189.51000000000002, 1.0E-5, 123456789012345.6, -42.5})
    void test_number_double_edgesAreDoubleToString(double v) {
        assertThat(written(b -> b.number(v))).isEqualTo(Double.toString(v));
    }

    @Property(tries = 1000)
    void property_string_isJacksonsString(@ForAll String s) throws IOException {
        assertThat(written(b -> b.string(s))).isEqualTo(jackson(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AAPL", "md.quote.AAPL", "a\"b", "a\\b", "tab\there", "\u0000\u001f\u007f", "caf\u00e9",
            "\ud83d\ude00", "</script>"})
    void test_string_isJacksonsString(String s) throws IOException {
        assertThat(written(b -> b.string(s))).isEqualTo(jackson(s));
        // twice in one buffer: the slow path leaves the buffer usable
        assertThat(written(b -> {
            b.string(s);
            b.string(s);
        })).isEqualTo(jackson(s) + jackson(s));
    }
}
