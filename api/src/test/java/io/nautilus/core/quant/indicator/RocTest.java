package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class RocTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jOverWholeSeries() {
        Ttrc.assertMatches(DATA.stream(new Roc(10))[0], new ROCIndicator(new ClosePriceIndicator(DATA.ta4j()), 10),
                10, 1e-12);
    }

    @Test
    void test_update_handFixture() {
        // ROC(2) at bar 3: 100 (3.09 - 3.08) / 3.08 = 0.324675 percent
        assertThat(DATA.stream(new Roc(2), 3)[0][2]).isCloseTo(0.32467532467532, within(1e-9));
    }

    @Test
    void test_warmup_isPeriodPlusOne() {
        DATA.assertWarmup(() -> new Roc(10), 11);
    }
}
