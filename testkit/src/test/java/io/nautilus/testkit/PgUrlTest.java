package io.nautilus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgUrlTest {

    @Test
    void test_parse_partsAndRoundTrip() {
        PgUrl url = PgUrl.parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&sslmode=disable");

        assertThat(url.host()).isEqualTo("127.0.0.1");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("test");
        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.withDatabase("x").withUser("root").toString())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/x?user=root&sslmode=disable");
    }

    @Test
    void test_parse_defaultPortAndBadUrls() {
        assertThat(PgUrl.parse("jdbc:postgresql://db/test").port()).isEqualTo(5432);
        assertThatThrownBy(() -> PgUrl.parse("jdbc:sqlite:x.db")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgUrl.parse("jdbc:postgresql://db")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
    }
}
