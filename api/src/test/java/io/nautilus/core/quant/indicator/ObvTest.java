package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;

class ObvTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jPlusFirstVolume() {
        // ta4j starts OBV at 0, TA-Lib (and we) at the first bar's volume: a constant offset.
        var reference = new OnBalanceVolumeIndicator(DATA.ta4j());
        Ttrc.assertMatches(DATA.stream(new Obv())[0], i -> reference.getValue(i).doubleValue() + DATA.volume[0], 0,
                1e-15);
    }

    @Test
    void test_update_handFixture() {
        // 1870906; up close +3099506 = 4970412; down close -2274157 = 2696255; up +2086758 = 4783013
        double[] ours = DATA.stream(new Obv(), 4)[0];
        assertThat(ours).containsExactly(1870906, 4970412, 2696255, 4783013);
    }

    @Test
    void test_warmup_isOneBar() {
        DATA.assertWarmup(Obv::new, 1);
    }
}
