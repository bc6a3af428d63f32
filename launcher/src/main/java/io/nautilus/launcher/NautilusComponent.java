package io.nautilus.launcher;

import dagger.Component;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineId;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The Dagger root: every engine module contributes its engine under its {@link EngineId}; the launcher
 * instantiates only the engines selected. An engine joins the build by adding its module here.
 */
@Singleton
@Component(modules = {
        EnginesModule.class,
        io.nautilus.engine.analytics.AnalyticsModule.class,
        io.nautilus.engine.portfolio.PortfolioModule.class,
        io.nautilus.engine.marketdata.MarketDataModule.class,
        io.nautilus.engine.risk.RiskModule.class,
        io.nautilus.engine.features.FeaturesModule.class,
})
public interface NautilusComponent {

    /** Every engine in this build, instantiated on {@code get()}. */
    Map<EngineId, Provider<Engine>> engines();

    /** The component of this build. */
    static NautilusComponent create() {
        return DaggerNautilusComponent.create();
    }
}
