package io.nautilus.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldErrorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "limit must be in [1, 100000], got 0 | limit",
            "end_nanos must be > start_nanos, got 5 <= 9 | end_nanos",
            "bid: NaN is not a finite number | bid",
            "weights[2] is negative | weights[2]",
            "views[0].confidence must be in (0, 1] | views[0].confidence",
            "symbols are required | symbols",
            "scope symbol is not available for leverage | scope",
            "limit_value of a correlation limit must be in (0, 1] | limit_value",
            "a view needs at least one asset | NONE",
            "inconsistent bar: high 1 low 2 | NONE",
            "need 0 <= from_nanos < to_nanos | NONE",
            "Limit must be positive | NONE",
            "limit | NONE"})
    void test_namedIn_onlyAMessageThatStartsWithItsField(String message, String field) {
        assertThat(FieldError.namedIn(message)).isEqualTo(field);
    }
}
