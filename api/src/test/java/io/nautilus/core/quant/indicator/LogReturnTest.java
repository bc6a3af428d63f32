package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogReturnTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_handFixture() {
        // ln(3.11 / 3.08) = 0.009693129, ln(3.09 / 3.11) = -0.006451635
        double[] ours = DATA.stream(new LogReturn(), 3)[0];
        assertThat(ours[0]).isNaN();
        assertThat(ours[1]).isCloseTo(0.009693129205659533, within(1e-15));
        assertThat(ours[2]).isCloseTo(-0.006451635281488719, within(1e-15));
    }

    @Test
    void test_update_sumTelescopesToTotalLogReturn() {
        double[] ours = DATA.stream(new LogReturn())[0];
        double sum = 0;
        for (int i = 1; i < DATA.n; i++) {
            sum += ours[i];
        }
        assertThat(sum).isCloseTo(Math.log(DATA.close[DATA.n - 1] / DATA.close[0]), within(1e-11));
    }

    @Test
    void test_warmup_isTwoBars() {
        DATA.assertWarmup(LogReturn::new, 2);
    }
}
