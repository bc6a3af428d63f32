package io.nautilus.bus.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RESP bytes the export pipeline writes without Lettuce's argument encoding. */
class XAddPipelineTest {

    @Test
    void test_prefix_isTheRespOfXaddUpToTheBody() {
        var p = new XAddPipeline(1_000_000, "e");
        String expected = "*8\r\n$4\r\nXADD\r\n$11\r\nnautilus:md\r\n"
                + "$6\r\nMAXLEN\r\n$1\r\n~\r\n$7\r\n1000000\r\n$1\r\n*\r\n$1\r\ne\r\n";
        assertThat(new String(p.prefix("nautilus:md"), StandardCharsets.ISO_8859_1)).isEqualTo(expected);
    }

    @Test
    void test_prefix_multiByteKeyCountsAndKeepsItsUtf8Bytes() {
        var p = new XAddPipeline(5, "e");
        byte[] prefix = p.prefix("n:é");
        String s = new String(prefix, StandardCharsets.UTF_8);
        assertThat(s).startsWith("*8\r\n$4\r\nXADD\r\n$4\r\nn:é\r\n$6\r\nMAXLEN\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 10, 99, 264, 1_000_000, Integer.MAX_VALUE})
    void test_writeDecimal_matchesIntegerToString(int v) {
        ByteBuf buf = Unpooled.buffer();
        XAddPipeline.writeDecimal(buf, v);
        assertThat(buf.toString(StandardCharsets.US_ASCII)).isEqualTo(Integer.toString(v));
    }
}
