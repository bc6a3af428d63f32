package io.nautilus.engine.portfolio;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.engine.DomainFailure;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.core.quant.stats.Returns;
import io.nautilus.core.time.Clock;
import io.nautilus.engine.portfolio.OptimizeRequests.OptimizeBody;
import io.nautilus.engine.portfolio.OptimizeRequests.OptimizeResponse;
import io.nautilus.engine.portfolio.optimize.Constraints;
import io.nautilus.engine.portfolio.optimize.InfeasibleConstraintsException;
import io.nautilus.engine.portfolio.optimize.OptimizationInput;
import io.nautilus.engine.portfolio.optimize.OptimizationMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The optimize routes: stateless {@code POST /optimize} and per-portfolio {@code POST /portfolios/{id}/optimize},
 * which takes its return history from the Market Data engine ({@code md.history.bars}) unless the body gives
 * returns or a covariance, and records every result in the portfolio's optimization history. Runs on the compute
 * pool ({@code EngineContext.offload}); reads the desk with ring calls ({@link DeskCalls}); bad input and too
 * little data are {@link DomainFailure}s. Thread-safe.
 */
final class PortfolioOptimizing {
    private final MessageBus bus;
    private final Clock clock;
    private final PortfolioStore store;
    private final DeskCalls desk;
    private final PortfolioSettings settings;

    PortfolioOptimizing(MessageBus bus, Clock clock, PortfolioStore store, DeskCalls desk, PortfolioSettings settings) {
        this.bus = bus;
        this.clock = clock;
        this.store = store;
        this.desk = desk;
        this.settings = settings;
    }

    private double riskFree(OptimizeBody b) {
        return b.riskFreeRate() != null ? b.riskFreeRate() : settings.riskFreeRate();
    }

    private double periodsPerYear(OptimizeBody b) {
        if (b.periodsPerYear() == null) {
            return settings.periodsPerYear();
        }
        double p = b.periodsPerYear();
        if (!(p > 0 && Double.isFinite(p))) {
            throw DomainFailure.invalid("periods_per_year", "must be a finite number > 0, got " + p);
        }
        return p;
    }

    OptimizeResponse stateless(OptimizeBody b) {
        if (b.method() == null || b.method().isBlank()) {
            throw DomainFailure.invalid("method", "is required");
        }
        OptimizationMethod method = OptimizeRequests.method(b.method(), null);
        if (b.returns() == null && b.covariance() == null) {
            throw DomainFailure.invalid("returns", "give returns ([period][asset]) or covariance (+ expected_returns)");
        }
        int n = b.returns() != null ? (b.returns().length > 0 ? b.returns()[0].length : 0) : b.covariance().length;
        List<String> assets = b.assets();
        if (assets == null) {
            assets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                assets.add("asset_" + (i + 1));
            }
        } else if (assets.size() != n || new LinkedHashSet<>(assets).size() != n) {
            throw DomainFailure.invalid("assets", "must name each of the " + n + " assets once");
        }
        return solve(method, b, assets, null);
    }

    OptimizeResponse forPortfolio(String portfolioId, OptimizeBody b) {
        Views.PortfolioView view = desk.ask(d -> d.view(portfolioId));
        OptimizationMethod method = OptimizeRequests.method(b.method(), view.optimizationMethod());
        List<String> assets = b.assets();
        if (assets == null) {
            var set = new LinkedHashSet<String>(view.symbols());
            view.positions().forEach(p -> set.add(p.symbol()));
            assets = List.copyOf(set);
        }
        if (assets.size() < 2) {
            throw DomainFailure.unprocessable("assets", "portfolio " + portfolioId + " needs at least 2 symbols (its"
                    + " symbols or positions) to optimize; has " + assets);
        }
        OptimizeBody body = b;
        if (b.constraints() != null && b.constraints().maxTurnover() != null && b.constraints().currentWeights() == null) {
            var current = new LinkedHashMap<String, Double>();
            for (String a : assets) {
                current.put(a, 0.0);
            }
            view.positions().forEach(p -> current.put(p.symbol(), p.weight()));
            var c = b.constraints();
            body = withConstraints(b, new OptimizeRequests.ConstraintsBody(c.longOnly(), c.minWeight(), c.maxWeight(),
                    c.minWeights(), c.maxWeights(), c.sectors(), c.sectorCaps(), c.maxTurnover(), current, c.budget()));
        }
        OptimizeResponse r = solve(method, body, assets, portfolioId);
        store.insertOptimization(r);
        return r;
    }

    private static OptimizeBody withConstraints(OptimizeBody b, OptimizeRequests.ConstraintsBody c) {
        return new OptimizeBody(b.method(), b.assets(), b.returns(), b.covariance(), b.expectedReturns(),
                b.covarianceMethod(), b.riskFreeRate(), b.periodsPerYear(), c, b.riskAversion(), b.targetReturn(),
                b.targetRisk(), b.views(), b.marketWeights(), b.tau(), b.riskBudgets(), b.lookback());
    }

    private OptimizeResponse solve(OptimizationMethod method, OptimizeBody b, List<String> assets, String portfolioId) {
        String covarianceMethod = b.covarianceMethod() == null ? "sample" : b.covarianceMethod();
        OptimizationInput input;
        int periods;
        if (b.returns() != null) {
            input = OptimizeRequests.inputFromReturns(b.returns(), covarianceMethod, periodsPerYear(b), riskFree(b));
            periods = b.returns().length;
        } else if (b.covariance() != null) {
            input = OptimizeRequests.inputFromCovariance(b, assets, riskFree(b));
            covarianceMethod = "given";
            periods = 0;
        } else {
            double[][] returns = history(assets, b.lookback());
            input = OptimizeRequests.inputFromReturns(returns, covarianceMethod, periodsPerYear(b), riskFree(b));
            periods = returns.length;
        }
        try {
            Constraints constraints = OptimizeRequests.constraints(b.constraints(), assets);
            var spec = OptimizeRequests.spec(method, b, assets);
            return OptimizeRequests.run("opt-" + UUID.randomUUID(), portfolioId, spec, input, constraints, assets,
                    covarianceMethod, periods, clock.nowNanos());
        } catch (InfeasibleConstraintsException e) {
            throw DomainFailure.unprocessable("constraints", e.getMessage());
        }
    }

    /** Simple returns of the assets' closes on the bar end times they all share, from the Market Data engine. */
    double[][] history(List<String> assets, Integer lookbackBox) {
        int lookback = lookbackBox != null ? lookbackBox : settings.historyLookback();
        int minPeriods = settings.historyMinPeriods();
        String interval = settings.historyInterval();
        if (lookback < PortfolioSettings.MIN_LOOKBACK || lookback > PortfolioSettings.MAX_LOOKBACK) {
            throw DomainFailure.invalid("lookback", "must be in [" + PortfolioSettings.MIN_LOOKBACK + ", "
                    + PortfolioSettings.MAX_LOOKBACK + "], got " + lookback);
        }
        var futures = new ArrayList<CompletableFuture<BarHistory>>();
        for (String a : assets) {
            futures.add(bus.request(BarHistoryRequest.TOPIC, new BarHistoryRequest(a, interval, 0, Long.MAX_VALUE,
                    lookback + 1), BarHistory.class, settings.requestTimeout()));
        }
        TreeMap<Long, double[]> closes = new TreeMap<>();
        for (int i = 0; i < assets.size(); i++) {
            BarHistory h;
            try {
                h = futures.get(i).get();
            } catch (Exception e) {
                throw DomainFailure.unprocessable("returns", "insufficient data: no " + interval + " bar history for "
                        + assets.get(i) + " (market data did not answer: " + e.getMessage() + "); pass returns in the body");
            }
            for (Bar bar : h.bars()) {
                closes.computeIfAbsent(bar.endNanos(), t -> filled(assets.size()))[i] = bar.close();
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (double[] row : closes.values()) {
            boolean complete = true;
            for (double v : row) {
                complete &= v > 0;
            }
            if (complete) {
                rows.add(row);
            }
        }
        int periods = rows.size() - 1;
        if (periods < minPeriods) {
            throw DomainFailure.unprocessable("returns", "insufficient data: " + Math.max(periods, 0) + " common "
                    + interval + " returns for " + assets + ", need at least " + minPeriods);
        }
        return Returns.simple(rows.toArray(new double[0][]));
    }

    private static double[] filled(int n) {
        return new double[n];
    }
}
