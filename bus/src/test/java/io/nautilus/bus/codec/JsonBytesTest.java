package io.nautilus.bus.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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
