package io.nautilus.engine.marketdata.tick;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimestampsTest {
    /** 2024-01-02T14:30:00Z = 1704205800 s (date -u -d ... +%s). */
    private static final long NS = 1_704_205_800_000_000_000L;

    @Test
    void test_parse_isoForms() {
        assertThat(Timestamps.parse("2024-01-02T14:30:00Z")).isEqualTo(NS);
        assertThat(Timestamps.parse("2024-01-02T15:30:00+01:00")).isEqualTo(NS);
        assertThat(Timestamps.parse("2024-01-02T14:30:00")).isEqualTo(NS);
        assertThat(Timestamps.parse("2024-01-02T14:30:00.5Z")).isEqualTo(NS + 500_000_000L);
        // 1985-01-02 = 473472000 s
        assertThat(Timestamps.parse("1985-01-02")).isEqualTo(473_472_000L * 1_000_000_000L);
    }

    @Test
    void test_parse_epochByMagnitude() {
        assertThat(Timestamps.parse("1704205800")).isEqualTo(NS);
        assertThat(Timestamps.parse("1704205800000")).isEqualTo(NS);
        assertThat(Timestamps.parse("1704205800000000")).isEqualTo(NS);
        assertThat(Timestamps.parse("1704205800000000123")).isEqualTo(NS + 123);
    }

    @Test
    void test_fromEpoch_integralEpochByMagnitude() {
        assertThat(Timestamps.fromEpoch(1_704_205_800L)).isEqualTo(NS);
        assertThat(Timestamps.fromEpoch(1_704_205_800_000L)).isEqualTo(NS);
        assertThat(Timestamps.fromEpoch(1_704_205_800_000_000L)).isEqualTo(NS);
        assertThat(Timestamps.fromEpoch(NS + 7)).isEqualTo(NS + 7);
        assertThat(Timestamps.fromEpoch(0)).isEqualTo(-1);
        // 1992 as a number is a (decimal) year: 1992-01-01 = 694224000 s
        assertThat(Timestamps.fromEpoch(1992)).isEqualTo(694_224_000L * 1_000_000_000L);
    }

    @Test
    void test_parse_decimalYear() {
        // 1992.5: 1992 is a leap year (366 days), half of it is 183 days after 1992-01-01 (694224000 s)
        assertThat(Timestamps.parse("1992.5")).isEqualTo((694_224_000L + 183L * 86_400) * 1_000_000_000L);
    }

    @Test
    void test_parse_rejectsGarbage() {
        assertThat(Timestamps.parse("yesterday")).isEqualTo(-1);
        assertThat(Timestamps.parse("")).isEqualTo(-1);
        assertThat(Timestamps.parse(null)).isEqualTo(-1);
        assertThat(Timestamps.parse("-5")).isEqualTo(-1);
        assertThat(Timestamps.parse("1950.5")).isEqualTo(-1);
        assertThat(Timestamps.parse("2024-13-45")).isEqualTo(-1);
    }
}
