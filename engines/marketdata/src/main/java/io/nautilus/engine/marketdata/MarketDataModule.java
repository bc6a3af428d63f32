package io.nautilus.engine.marketdata;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoMap;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.EngineKey;

/** Dagger wiring: contributes the {@link MarketDataEngine} under {@link EngineId#MARKETDATA}. */
@Module
public interface MarketDataModule {
    @Binds
    @IntoMap
    @EngineKey(EngineId.MARKETDATA)
    Engine marketData(MarketDataEngine engine);
}
