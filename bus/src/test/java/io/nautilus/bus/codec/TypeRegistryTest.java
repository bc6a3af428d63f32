package io.nautilus.bus.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.core.bus.DeadLetter;
import io.nautilus.core.bus.Reply;
import io.nautilus.core.model.Quote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class TypeRegistryTest {
    record Custom(int x) {
    }

    @Test
    void test_standard_coversEveryModelRecord() throws IOException {
        // independent reference: the record files of core/model on disk, each must have a wire name
        Path model = Path.of(System.getProperty("user.dir")).getParent().resolve("api/src/main/java/io/nautilus/core/model");
        long records;
        try (var files = Files.list(model)) {
            // value types that are never a message payload (a bar interval is a label and a length)
            var notMessages = java.util.Set.of("BarInterval.java");
            records = files.filter(f -> !notMessages.contains(f.getFileName().toString())).filter(f -> {
                try {
                    return Files.readString(f).contains("public record ");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).count();
        }
        long registeredModel = TypeRegistry.standard().names().stream()
                .map(n -> TypeRegistry.standard().typeOf(n))
                .filter(c -> c.getPackageName().equals("io.nautilus.core.model")).count();
        assertThat(registeredModel).isEqualTo(records).isEqualTo(18);
        assertThat(TypeRegistry.standard().nameOf(Quote.class)).isEqualTo("quote");
        assertThat(TypeRegistry.standard().nameOf(Reply.class)).isEqualTo("reply");
        assertThat(TypeRegistry.standard().nameOf(DeadLetter.class)).isEqualTo("dead_letter");
    }

    @Test
    void test_with_addsAndRejectsClashes() {
        TypeRegistry r = TypeRegistry.standard().with("custom", Custom.class);
        assertThat(r.typeOf("custom")).isEqualTo(Custom.class);
        assertThat(r.nameOf(Custom.class)).isEqualTo("custom");
        assertThat(TypeRegistry.standard().typeOf("custom")).isNull();
        assertThatThrownBy(() -> r.with("quote", Custom.class)).hasMessageContaining("registered already");
        assertThatThrownBy(() -> r.with("other", Custom.class)).hasMessageContaining("registered already as 'custom'");
        assertThatThrownBy(() -> r.with("Bad-Name", Integer.class)).hasMessageContaining("must match");
    }
}
