package io.nautilus.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.engine.marketdata.tick.ParsedBatch;
import io.nautilus.engine.marketdata.tick.Rejection;
import io.nautilus.engine.marketdata.tick.TickBatch;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class IngestJsonParserTest {
    /** 2024-01-02T14:30:00Z. */
    private static final long NS = 1_704_205_800_000_000_000L;

    private static ParsedBatch parse(String json) throws Exception {
        return IngestJsonParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void test_parse_seedEnvelopeFlatFieldsAndAliases() throws Exception {
        ParsedBatch p = parse("""
                {"meta": {"x": [1, 2]}, "data": [
                  {"symbol": " msft ", "data_type": "QUOTE", "source": "vendor-a", "timestamp": 1704205800000,
                   "data": {"bid": "400.5", "ask": 400.6, "extra": {"deep": true}}},
                  {"symbol": "MSFT", "type": "tick", "timestamp": "2024-01-02T14:30:00Z", "price": 400.55, "quantity": 3},
                  {"symbol": "MSFT", "timestamp": "2024-01-02T14:30:00Z", "bid": 400.5, "ask": 400.7}
                ]}""");
        TickBatch b = p.batch();
        assertThat(p.rejected()).isEmpty();
        assertThat(b.size()).isEqualTo(3);
        assertThat(b.symbol(0)).isEqualTo("MSFT");
        assertThat(b.source(0)).isEqualTo("vendor-a");
        assertThat(b.bid(0)).isEqualTo(400.5);
        assertThat(b.bidSize(0)).isZero();
        assertThat(b.tsNanos(0)).isEqualTo(NS);
        assertThat(b.isQuote(1)).isFalse();
        assertThat(b.source(1)).isEqualTo("http");
        assertThat(b.tradeSize(1)).isEqualTo(3);
        assertThat(b.isQuote(2)).as("type inferred from bid/ask").isTrue();
    }

    @Test
    void test_parse_unreadableRecordsAreRejectedByIndex() throws Exception {
        ParsedBatch p = parse("""
                [{"symbol": "A", "data_type": "quote", "timestamp": 1704205800, "data": {"bid": 1}},
                 7,
                 {"symbol": "A", "data_type": "news", "timestamp": 1704205800},
                 {"symbol": "A", "data_type": "bar", "timestamp": "2024-01-02", "data": {"open": 2, "high": 1, "low": 1, "close": 1}},
                 {"symbol": "A", "source": "bad source!", "timestamp": 1704205800, "price": 1, "size": 1},
                 {"symbol": "A", "data_type": "trade", "timestamp": 1704205800, "data": {"price": "abc", "size": 1}}]""");
        assertThat(p.rejected()).extracting(r -> r.index() + ":" + r.reason()).containsExactly(
                "0:" + Rejection.MALFORMED, "1:" + Rejection.MALFORMED, "2:" + Rejection.UNSUPPORTED_TYPE,
                "3:" + Rejection.INCONSISTENT_BAR, "4:" + Rejection.MALFORMED);
        // a non-numeric price is read as NaN and left to the validator (non_finite)
        assertThat(p.batch().size()).isEqualTo(1);
        assertThat(p.batch().price(0)).isNaN();
        assertThat(p.batch().index(0)).isEqualTo(5);
    }

    @Test
    void test_parse_malformedJsonFailsTheBody() {
        assertThatThrownBy(() -> parse("{\"data\": [")).isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> parse("{\"data\": [{\"bid\": NaN}]}")).isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> parse("{}")).hasMessageContaining("data: is required");
        assertThatThrownBy(() -> parse("{\"data\": []} []")).hasMessageContaining("after the JSON value");
    }
}
