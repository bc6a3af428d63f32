package io.nautilus.engine.portfolio;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoMap;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.EngineKey;

/** Dagger wiring of the Portfolio engine into the launcher's engine map. */
@Module
public interface PortfolioModule {
    @Binds
    @IntoMap
    @EngineKey(EngineId.PORTFOLIO)
    Engine bind(PortfolioEngine engine);
}
