package io.nautilus.engine.risk;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoMap;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.EngineKey;

/** Dagger module contributing the {@link RiskEngine} under {@link EngineId#RISK}. */
@Module
public interface RiskModule {
    @Binds
    @IntoMap
    @EngineKey(EngineId.RISK)
    Engine bindRisk(RiskEngine engine);
}
