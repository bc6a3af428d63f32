package io.nautilus.engine.risk.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.Severity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitEvaluationTest {
    /**
     * Leverage limit 2.0, warning 0.8 and breach 1.0 (the seed's defaults) or breach 0.9: utilisation = value / 2,
     * severity on the seed's scale (>= 150% CRITICAL, >= 120% HIGH, >= 100% MEDIUM, >= warning WARNING), a breach
     * under 100% (breach threshold 0.9) is MEDIUM.
     */
    @ParameterizedTest
    @CsvSource({"1.0,1.0,50,OK,", "1.6,1.0,80,WARNING,WARNING", "1.99,1.0,99.5,WARNING,WARNING",
            "2.0,1.0,100,BREACH,MEDIUM", "2.4,1.0,120,BREACH,HIGH", "3.0,1.0,150,BREACH,CRITICAL",
            "1.8,0.9,90,BREACH,MEDIUM", "1.7,0.9,85,WARNING,WARNING"})
    void test_of_classifiesOnTheSeedScale(double value, double breach, double pct, LimitStatus status,
                                          Severity severity) {
        var limit = LimitDefinition.of("lev", LimitType.LEVERAGE, 2.0, LimitScope.GLOBAL, null, null, null)
                .withThresholds(0.8, breach);
        LimitEvaluation e = LimitEvaluation.of(limit, value);
        assertThat(e.utilisationPct()).isCloseTo(pct, within(1e-9));
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.severity()).isEqualTo(severity);
    }
}
