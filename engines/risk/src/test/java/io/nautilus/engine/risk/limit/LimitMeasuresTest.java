package io.nautilus.engine.risk.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.WireNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every limit type in every scope it supports, measured on {@link BookFixture} against values computed by hand
 * with numpy (P = portfolio scope, Y = symbol A, S = sector Tech), then classified at the warning and breach
 * thresholds. Delta-normal: z_0.99 = 2.3263478740408408, ES multiplier phi(z)/0.01 = 2.6652142203458184.
 */
class LimitMeasuresTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "P position_size,4800.0", "P portfolio_value,10800.0", "P gross_exposure,10800.0",
            "P net_exposure,2800.0", "P daily_loss,200.0", "P concentration,0.4444444444444444",
            "P leverage,0.5346534653465347", "P var_limit,272.72894430260027",
            "P expected_shortfall,312.4558750504522", "P drawdown,0.03349282296650718",
            "P volatility,0.0921309340499742", "P correlation,0.29130434782608694",
            "P sector_exposure,0.8148148148148148", "P country_exposure,0.8148148148148148",
            "P currency_exposure,0.8148148148148148", "P adv_limit,0.1", "P liquidity,1.0",
            "Y position_size,4800.0", "Y gross_exposure,4800.0", "Y net_exposure,4800.0", "Y daily_loss,200.0",
            "Y concentration,0.4444444444444444", "Y var_limit,223.3293959079207",
            "Y expected_shortfall,255.86056515319757", "Y volatility,0.07544320570164377",
            "Y correlation,0.3411955969674702", "Y adv_limit,0.1", "Y liquidity,1.0",
            "S position_size,4800.0", "S daily_loss,200.0", "S concentration,0.4444444444444444",
            "S leverage,0.43564356435643564", "S gross_exposure,8800.0", "S net_exposure,800.0",
            "S var_limit,255.85596541420193", "S expected_shortfall,293.1251017921771",
            "S volatility,0.08643105019947665", "S sector_exposure,0.8148148148148148", "S adv_limit,0.1",
            "S liquidity,1.0"})
    void test_value_currentMatchesHandComputed(String key, double expected) {
        LimitDefinition limit = limit(key, 1.0);
        var measures = new LimitMeasures(BookFixture.book()).current();
        assertThat(measures.value(limit)).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
        assertThat(measures.value(limit(key.replace("P ", "G "), 1.0))).isCloseTo(
                measures.value(limit), within(1e-12));
        classifiesAtThresholds(key, expected, measures);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "P position_size,7200.0", "P portfolio_value,13200.0", "P net_exposure,5200.0", "P daily_loss,200.0",
            "P concentration,0.5454545454545454", "P leverage,0.6534653465346535",
            "P var_limit,328.0727913814383", "P expected_shortfall,375.86135704612275",
            "P drawdown,0.03349282296650718", "P volatility,0.11082671398756286", "P correlation,0.321875",
            "P sector_exposure,0.8484848484848485", "P country_exposure,0.8484848484848485",
            "P currency_exposure,0.8484848484848485", "P adv_limit,0.15", "P liquidity,1.4999999999999998",
            "Y position_size,7200.0", "Y concentration,0.5454545454545454", "Y var_limit,334.994093861881",
            "Y expected_shortfall,383.7908477297964", "Y volatility,0.11316480855246565",
            "Y correlation,0.6240036305771395", "Y adv_limit,0.15",
            "S position_size,7200.0", "S leverage,0.5544554455445545", "S gross_exposure,11200.0",
            "S net_exposure,3200.0", "S var_limit,310.86136292711956", "S expected_shortfall,356.1428341283807",
            "S volatility,0.10501249803081676", "S sector_exposure,0.8484848484848485", "S liquidity,1.4999999999999998"})
    void test_whatIf_buying50AMatchesHandComputed(String key, double expected) {
        ExposureBook book = BookFixture.book();
        var measures = new LimitMeasures(book).whatIf(book.find("A"), 50, 48);
        assertThat(measures.value(limit(key, 1.0))).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
        classifiesAtThresholds(key, expected, measures);
    }

    @Test
    void test_whatIf_isTheBookAfterTheTrade() {
        ExposureBook before = BookFixture.book();
        var whatIf = new LimitMeasures(before).whatIf(before.find("B"), 40, 100);
        ExposureBook after = BookFixture.book();
        after.applyPosition("B", 0, 0, 400, 100, BookFixture.T0 + 4);
        var actual = new LimitMeasures(after).current();
        for (String key : new String[] {"P var_limit", "P correlation", "P concentration", "P sector_exposure",
                "P adv_limit", "S var_limit", "Y correlation"}) {
            assertThat(whatIf.value(limit(key, 1))).as(key).isCloseTo(actual.value(limit(key, 1)), within(1e-9));
        }
    }

    @Test
    void test_whatIf_newSymbolWithoutModelIsNoData() {
        ExposureBook book = BookFixture.book();
        int d = book.slot("D");
        var m = new LimitMeasures(book).whatIf(d, 10, 20);
        assertThat(m.value(limit("P var_limit", 1))).isNaN();
        assertThat(m.value(limit("P adv_limit", 1))).isNaN();
        assertThat(m.value(limit("P portfolio_value", 1))).isCloseTo(10_800 + 200, within(1e-9));
        // D has no sector: it lands in the unclassified bucket, Tech stays the largest
        assertThat(m.value(limit("P sector_exposure", 1))).isCloseTo(8800.0 / 11000, within(1e-12));
    }

    @Test
    void test_value_unpricedPositionIsNoData() {
        ExposureBook book = BookFixture.book();
        book.applyPosition("E", 5, 0, 0, 0, BookFixture.T0 + 5);
        var m = new LimitMeasures(book).current();
        assertThat(m.value(limit("P gross_exposure", 1))).isNaN();
        assertThat(m.value(limit("Y gross_exposure", 1))).isCloseTo(4800, within(1e-9));
    }

    @Test
    void test_value_drawdownAndLeverageNeedEquity() {
        var book = new ExposureBook("p", ExposureBook.Settings.DEFAULT);
        book.applyPosition("A", 10, 10, 0, 10, BookFixture.T0);
        var m = new LimitMeasures(book).current();
        assertThat(m.value(limit("P leverage", 1))).isNaN();
        assertThat(m.value(limit("P drawdown", 1))).isNaN();
        book.setReportedEquity(1000, BookFixture.T0 + 1);
        book.setReportedEquity(900, BookFixture.T0 + 2);
        assertThat(m.current().value(limit("P leverage", 1))).isCloseTo(100.0 / 900, within(1e-12));
        assertThat(m.current().value(limit("P drawdown", 1))).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void test_value_dailyLossRestartsOnANewUtcDay() {
        ExposureBook book = BookFixture.book();
        book.applyPrice("A", 47, BookFixture.T0 + 86_400_000_000_000L);
        // the new day starts from the P&L at A = 48 (the roll happens before the new price is applied)
        assertThat(new LimitMeasures(book).current().value(limit("P daily_loss", 1))).isCloseTo(100, within(1e-9));
    }

    @Test
    void test_value_bucketNamedAndUnknown() {
        var m = new LimitMeasures(BookFixture.book()).current();
        var gbp = new LimitDefinition("c", LimitType.CURRENCY_EXPOSURE, 1, 0.8, 1, true, LimitScope.PORTFOLIO, "p1",
                null, null, "GBP", 0.99, 1);
        assertThat(m.value(gbp)).isCloseTo(2000.0 / 10800, within(1e-12));
        var jpy = new LimitDefinition("c", LimitType.COUNTRY_EXPOSURE, 1, 0.8, 1, true, LimitScope.PORTFOLIO, "p1",
                null, null, "JP", 0.99, 1);
        assertThat(m.value(jpy)).isZero();
    }

    /** At limit = value / 0.7 the utilisation is 70% (OK), / 0.9 90% (WARNING), / 1.25 125% (BREACH, HIGH). */
    private static void classifiesAtThresholds(String key, double value, LimitMeasures measures) {
        if (value <= 0) {
            return;
        }
        assertThat(LimitEvaluation.of(limit(key, value / 0.7), measures.value(limit(key, value / 0.7))).status())
                .isEqualTo(LimitStatus.OK);
        assertThat(LimitEvaluation.of(limit(key, value / 0.9), measures.value(limit(key, value / 0.9))).status())
                .isEqualTo(LimitStatus.WARNING);
        var breach = LimitEvaluation.of(limit(key, value / 1.25), measures.value(limit(key, value / 1.25)));
        assertThat(breach.status()).isEqualTo(LimitStatus.BREACH);
        assertThat(breach.utilisationPct()).isCloseTo(125, within(1e-9));
        assertThat(breach.severity()).isEqualTo(io.nautilus.core.model.Severity.HIGH);
    }

    /** "P type" = portfolio p1, "G type" = global, "Y type" = symbol A, "S type" = sector Tech. */
    static LimitDefinition limit(String key, double value) {
        LimitType type = WireNames.parse(LimitType.class, "limit_type", key.substring(2));
        double v = type == LimitType.CORRELATION ? Math.min(1, value) : value;
        return switch (key.charAt(0)) {
            case 'P' -> LimitDefinition.of("l", type, v, LimitScope.PORTFOLIO, "p1", null, null);
            case 'G' -> LimitDefinition.of("l", type, v, LimitScope.GLOBAL, null, null, null);
            case 'Y' -> LimitDefinition.of("l", type, v, LimitScope.SYMBOL, null, "A", null);
            case 'S' -> LimitDefinition.of("l", type, v, LimitScope.SECTOR, "p1", null, "Tech");
            default -> throw new IllegalArgumentException(key);
        };
    }
}
