package io.nautilus.engine.portfolio.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.Side;

import org.junit.jupiter.api.Test;

class PaperFillModelTest {
    private static final PaperFillModel MODEL = new PaperFillModel(10, 2, 0.01, 1.0);

    private static MarketPrices.Touch quoted() {
        var prices = new MarketPrices();
        prices.quote("AAPL", 99.0, 101.0, 500, 300);
        prices.trade("AAPL", 100.0);
        return prices.touch("AAPL");
    }

    @Test
    void test_price_buyAtAskPlusSlippage() {
        // 101 × (1 + 10/10 000) = 101.101
        assertThat(MODEL.price(Side.BUY, OrderType.MARKET, Double.NaN, quoted())).isCloseTo(101.101, within(1e-12));
    }

    @Test
    void test_price_sellAtBidMinusSlippage() {
        // 99 × (1 − 0.001) = 98.901
        assertThat(MODEL.price(Side.SELL, OrderType.MARKET, Double.NaN, quoted())).isCloseTo(98.901, within(1e-12));
    }

    @Test
    void test_price_lastTradeWithoutQuote() {
        var prices = new MarketPrices();
        prices.trade("MSFT", 50.0);
        // 50 × 1.001 = 50.05
        assertThat(MODEL.price(Side.BUY, OrderType.MARKET, Double.NaN, prices.touch("MSFT"))).isCloseTo(50.05, within(1e-12));
        assertThat(MODEL.price(Side.BUY, OrderType.MARKET, Double.NaN, prices.touch("NONE"))).isNaN();
    }

    @Test
    void test_price_limitRestsUntilMarketableAndIsCappedAtLimit() {
        assertThat(MODEL.price(Side.BUY, OrderType.LIMIT, 100.5, quoted())).isNaN();
        // ask 101 ≤ limit 101.05: fills at min(101.05, 101.101) = 101.05
        assertThat(MODEL.price(Side.BUY, OrderType.LIMIT, 101.05, quoted())).isCloseTo(101.05, within(1e-12));
        assertThat(MODEL.price(Side.SELL, OrderType.LIMIT, 99.5, quoted())).isNaN();
        // bid 99 ≥ limit 98: fills at max(98, 98.901) = 98.901
        assertThat(MODEL.price(Side.SELL, OrderType.LIMIT, 98.0, quoted())).isCloseTo(98.901, within(1e-12));
    }

    @Test
    void test_quantity_cappedBySizeAtTouch() {
        assertThat(MODEL.quantity(Side.BUY, 1000, quoted())).isEqualTo(300);
        assertThat(MODEL.quantity(Side.SELL, 200, quoted())).isEqualTo(200);
    }

    @Test
    void test_commission_perUnitPlusBpsWithMinimum() {
        // 100 × 0.01 + 2 × 100 × 101.101 / 10 000 = 1 + 2.02202 = 3.02202
        assertThat(MODEL.commission(100, 101.101)).isCloseTo(3.02202, within(1e-12));
        // 1 × 0.01 + 2 × 50 / 10 000 = 0.02 → minimum 1.0
        assertThat(MODEL.commission(1, 50)).isCloseTo(1.0, within(1e-12));
    }
}
