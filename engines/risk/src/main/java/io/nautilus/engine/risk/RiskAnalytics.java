package io.nautilus.engine.risk;

import io.nautilus.core.engine.DomainFailure;
import io.nautilus.engine.risk.backtest.VarBacktest;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitEvaluation;
import io.nautilus.engine.risk.predict.BreachProbability;
import io.nautilus.engine.risk.predict.VolatilityForecast;
import io.nautilus.engine.risk.predict.VolatilityForecaster;
import io.nautilus.engine.risk.var.HistoricalVar;
import io.nautilus.engine.risk.var.VarCalculator;
import io.nautilus.engine.risk.var.VarMethod;
import io.nautilus.engine.risk.var.VarResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Heavy computations on a {@link RiskCommands.PortfolioSnapshot}, run on the compute pool: VaR of the portfolio,
 * a rolling backtest of historical VaR, and breach predictions. They use the same calculators as the stateless
 * routes. A snapshot without enough history raises {@link #insufficientData} (422 over HTTP). Stateless and
 * thread-safe.
 */
final class RiskAnalytics {
    /** Fewest scenarios of a backtest. */
    static final int MIN_BACKTEST_DAYS = 20;

    private RiskAnalytics() {
    }

    /** Not enough data for a computation (422 on {@code history} over HTTP); the message says what is missing. */
    static DomainFailure insufficientData(String message) {
        return DomainFailure.unprocessable("history", message);
    }

    /** The exposures of a snapshot in the column order of its returns; every open position must have history. */
    static double[] exposures(RiskCommands.PortfolioSnapshot s) {
        if (!s.known() || s.marketValues().isEmpty()) {
            throw insufficientData("portfolio " + s.portfolioId() + " has no open positions");
        }
        var missing = new ArrayList<String>();
        for (String symbol : s.marketValues().keySet()) {
            if (!s.returnSymbols().contains(symbol)) {
                missing.add(symbol);
            }
        }
        if (!missing.isEmpty()) {
            throw insufficientData("no daily history of " + missing + " long enough for VaR; post daily bars"
                    + " (md.bar.1d.<symbol>) or let the market data engine answer bar history requests");
        }
        double[] m = new double[s.returnSymbols().size()];
        for (int j = 0; j < m.length; j++) {
            m[j] = s.marketValues().getOrDefault(s.returnSymbols().get(j), 0.0);
        }
        return m;
    }

    static VarResult var(RiskCommands.PortfolioSnapshot s, VarCalculator calculator, VarMethod method,
                         double confidence, int horizonDays) {
        double[] m = exposures(s);
        try {
            return calculator.compute(method, s.returns(), m, confidence, horizonDays);
        } catch (IllegalArgumentException e) {
            throw insufficientData(e.getMessage());
        }
    }

    /** A calculator honouring request overrides of the Monte Carlo settings. */
    static VarCalculator calculator(RiskSettings settings, Integer simulations, Long seed) {
        return new VarCalculator(settings.varLambda(), simulations == null ? settings.varSimulations() : simulations,
                seed == null ? settings.varSeed() : seed);
    }

    /**
     * Rolling backtest of one-day historical VaR: for each day t after a window of {@code window} days, the VaR
     * from the window before t against the P&amp;L of the current positions on day t.
     */
    static VarBacktest.Result backtest(RiskCommands.PortfolioSnapshot s, double confidence, int window) {
        double[] m = exposures(s);
        double[][] r = s.returns();
        if (r.length < window + MIN_BACKTEST_DAYS) {
            throw insufficientData("a backtest needs " + (window + MIN_BACKTEST_DAYS) + " days of history, have "
                    + r.length);
        }
        int days = r.length - window;
        double[] pnl = HistoricalVar.scenarioPnl(Arrays.copyOfRange(r, window, r.length), m);
        double[] var = new double[days];
        for (int t = window; t < r.length; t++) {
            var[t - window] = HistoricalVar.DEFAULT.compute(Arrays.copyOfRange(r, t - window, t), m, confidence, 1).var();
        }
        return VarBacktest.run(pnl, var, 1.0 - confidence);
    }

    /**
     * Breach predictions: the portfolio's daily returns (P&amp;L of the current positions / gross) are forecast
     * with {@code model}; tomorrow's P&amp;L sigma is the return sigma times gross. For each daily_loss and
     * var_limit limit the threshold is the loss at its breach threshold; for drawdown the loss that takes the
     * drawdown there.
     */
    static RiskViews.PortfolioPrediction predict(RiskCommands.PortfolioSnapshot s, String model,
                                                 double alertProbability, double lambda) {
        double[] m = exposures(s);
        double gross = Arrays.stream(m).map(Math::abs).sum();
        if (!(gross > 0)) {
            throw insufficientData("portfolio " + s.portfolioId() + " has no market value");
        }
        double[] returns = HistoricalVar.scenarioPnl(s.returns(), m);
        for (int t = 0; t < returns.length; t++) {
            returns[t] /= gross;
        }
        VolatilityForecast f;
        try {
            f = model.equals("ewma") ? VolatilityForecaster.ewma(returns, lambda, 1)
                    : VolatilityForecaster.garch(returns, 1);
        } catch (IllegalArgumentException e) {
            throw insufficientData(e.getMessage());
        }
        double sigma = Math.sqrt(f.nextVariance()) * gross;
        var views = new ArrayList<RiskViews.PredictionView>();
        for (LimitEvaluation ev : s.evaluations()) {
            LimitDefinition l = ev.limit();
            double threshold = switch (l.type()) {
                case DAILY_LOSS, VAR_LIMIT -> l.limitValue() * l.breachThreshold();
                case DRAWDOWN -> s.peakEquity() > 0
                        ? BreachProbability.drawdownHeadroom(l.limitValue() * l.breachThreshold(), s.peakEquity(), s.equity())
                        : Double.NaN;
                default -> Double.NaN;
            };
            if (Double.isNaN(threshold) || l.scope() == io.nautilus.engine.risk.limit.LimitScope.SYMBOL
                    || l.scope() == io.nautilus.engine.risk.limit.LimitScope.SECTOR) {
                continue;
            }
            double p = BreachProbability.exceedance(threshold, sigma);
            views.add(new RiskViews.PredictionView(l.limitId(), l.type().wireName(), threshold, sigma, p,
                    p >= alertProbability));
        }
        return new RiskViews.PortfolioPrediction(s.portfolioId(), f.model(), RiskViews.iso(s.tsNanos()), sigma, views);
    }

    /** The VaR table of a report: every method at 95% and 99%, one day; methods lacking data are left out. */
    static List<VarResult> varTable(RiskCommands.PortfolioSnapshot s, VarCalculator calculator) {
        var out = new ArrayList<VarResult>();
        for (VarMethod method : VarMethod.values()) {
            for (double c : new double[] {0.95, 0.99}) {
                try {
                    out.add(var(s, calculator, method, c, 1));
                } catch (DomainFailure e) {
                    // reported as absent: this method cannot be computed on this history
                }
            }
        }
        return out;
    }
}
