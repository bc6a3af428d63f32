package io.nautilus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvColumnsTest {

    @TempDir
    Path dir;

    @Test
    void test_read_columnsByHeaderName() throws IOException {
        Path file = write("a,b\n1,-2.5\n\n3e2, 4\n");

        CsvColumns csv = CsvColumns.read(file);

        assertThat(csv.rows()).isEqualTo(2);
        assertThat(csv.column("a")).containsExactly(new double[] {1.0, 300.0}, within(0.0));
        assertThat(csv.column("b")).containsExactly(new double[] {-2.5, 4.0}, within(0.0));
    }

    @Test
    void test_read_raggedRow_rejected() throws IOException {
        Path file = write("a,b\n1,2\n3\n");

        assertThatThrownBy(() -> CsvColumns.read(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data row 2 has 1 cells");
    }

    @Test
    void test_column_unknownOrMissingValue_rejected() throws IOException {
        CsvColumns csv = CsvColumns.read(write("a,b\n1,\n"));

        assertThatThrownBy(() -> csv.column("c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("columns are [a, b]");
        assertThatThrownBy(() -> csv.column("b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("t.csv"), content);
    }
}
