package io.nautilus.bus.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StreamKeysTest {
    private final StreamKeys keys = new StreamKeys("nautilus");

    @Test
    void test_stream_firstTokenAndReplies() {
        assertThat(keys.stream("md.quote.AAPL")).isEqualTo("nautilus:md");
        assertThat(keys.stream("order.intent")).isEqualTo("nautilus:order");
        assertThat(keys.stream("heartbeat")).isEqualTo("nautilus:heartbeat");
        assertThat(keys.stream("_reply.3f2a9c1b.risk.7")).isEqualTo("nautilus:_reply:3f2a9c1b");
        assertThat(keys.deadLetters()).isEqualTo("nautilus:dlq");
        assertThat(keys.isInternal("nautilus:dlq")).isTrue();
        assertThat(keys.isInternal("nautilus:_reply:abc")).isTrue();
        assertThat(keys.isInternal("nautilus:md")).isFalse();
    }

    @Test
    void test_wireReplyTo_roundTripsLocalInbox() {
        String wire = StreamKeys.wireReplyTo("n1", "_inbox.risk.7");
        assertThat(wire).isEqualTo("_reply.n1.risk.7");
        assertThat(StreamKeys.localInbox(wire)).isEqualTo("_inbox.risk.7");
    }

    // expectations follow the NATS rules stated in MessageBus: '*' exactly one token, '>' one or more trailing tokens
    @ParameterizedTest
    @CsvSource({
            ">, md.quote.AAPL, true",
            "md.>, md.quote.AAPL, true",
            "md.>, md, false",
            "md.*, md.quote, true",
            "md.*, md.quote.AAPL, false",
            "md.bar.*.AAPL, md.bar.1m.AAPL, true",
            "md.bar.*.AAPL, md.bar.1m.MSFT, false",
            "md.quote.AAPL, md.quote.AAPL, true",
            "md.quote.AAPL, md.quote.AAPLX, false",
            "md.quote.AAPLX, md.quote.AAPL, false",
            "md.quote, md.quote.AAPL, false",
            "*.quote.>, md.quote.AAPL, true",
            "*, md, true",
            "*, md.quote, false"})
    void test_matches_natsRules(String pattern, String topic, boolean expected) {
        assertThat(StreamKeys.matches(pattern, topic)).isEqualTo(expected);
    }
}
