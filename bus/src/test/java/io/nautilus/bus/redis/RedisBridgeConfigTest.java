package io.nautilus.bus.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.core.engine.EngineConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RedisBridgeConfigTest {
    @Test
    void test_from_readsEngineSettings() {
        var cfg = RedisBridgeConfig.from("rediss://bob:s3cret@redis.example:6380/0", new EngineConfig(Map.of(
                "redis.prefix", "prod", "redis.maxlen", "5000", "redis.export", "md.>, order.>",
                "redis.spill-dir", "/tmp/x", "redis.max-deliveries", "3", "redis.claim-idle-ms", "60000",
                "redis.group-start", "$")));
        assertThat(cfg.prefix()).isEqualTo("prod");
        assertThat(cfg.maxLen()).isEqualTo(5000);
        assertThat(cfg.exportPatterns()).containsExactly("md.>", "order.>");
        assertThat(cfg.spillDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(cfg.maxDeliveries()).isEqualTo(3);
        assertThat(cfg.claimMinIdle()).isEqualTo(Duration.ofMinutes(1));
        assertThat(cfg.groupStart()).isEqualTo("$");
        assertThat(cfg.batchSize()).isEqualTo(RedisBridgeConfig.DEFAULT_BATCH_SIZE);
        assertThat(cfg.redactedUri()).isEqualTo("rediss://bob:***@redis.example:6380/0");
    }

    @Test
    void test_new_rejectsBadValuesNamingTheField() {
        assertThatThrownBy(() -> RedisBridgeConfig.of("http://x")).hasMessageContaining("uri must start with redis://");
        assertThatThrownBy(() -> RedisBridgeConfig.custom("redis://x").prefix("a:b").build()).hasMessageContaining("prefix");
        assertThatThrownBy(() -> RedisBridgeConfig.custom("redis://x").maxLen(0).build()).hasMessageContaining("maxLen must be > 0");
        assertThatThrownBy(() -> RedisBridgeConfig.custom("redis://x").groupStart("1").build()).hasMessageContaining("groupStart");
        assertThatThrownBy(() -> RedisBridgeConfig.custom("redis://x").exportPatterns(List.of("md.>.x")).build())
                .hasMessageContaining("'>' must be the last token");
        assertThatThrownBy(() -> RedisBridgeConfig.custom("redis://x").readBlock(Duration.ofSeconds(3)).build())
                .hasMessageContaining("commandTimeout must be at least twice readBlock");
    }
}
