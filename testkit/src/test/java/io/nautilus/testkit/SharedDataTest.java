package io.nautilus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SharedDataTest {

    @Test
    void test_dir_holdsTheReadme() {
        assertThat(SharedData.dir().resolve("README.md")).isRegularFile();
    }

    @Test
    void test_dir_missingPropertyDirectory_fallsBack() {
        SystemProperties.with(SharedData.PROPERTY, "/nonexistent/shared/data", () -> {
            assertThat(SharedData.candidates().getFirst()).isEqualTo(Path.of("/nonexistent/shared/data"));
            assertThat(SharedData.candidates().getLast()).isEqualTo(Path.of(SharedData.FALLBACK));
            assertThat(SharedData.dir().resolve("README.md")).isRegularFile();
        });
    }

    @Test
    void test_csv_euStockMarkets_matchesFileHead() {
        CsvColumns csv = SharedData.csv("eu_stock_markets_daily_close.csv");

        // README: 1,860 rows, columns t, dax, smi, cac, ftse; first row copied from the file.
        assertThat(csv.rows()).isEqualTo(1860);
        assertThat(csv.headers()).containsExactly("t", "dax", "smi", "cac", "ftse");
        assertThat(csv.column("t")[0]).isCloseTo(1991.496154, within(1e-12));
        assertThat(csv.column("dax")[0]).isCloseTo(1628.75, within(1e-12));
        assertThat(csv.column("ftse")[0]).isCloseTo(2443.6, within(1e-12));
        assertThat(csv.column("dax")[1]).isCloseTo(1613.63, within(1e-12));
    }

    @Test
    void test_csv_ttrc_textAndNumericColumns() {
        CsvColumns csv = SharedData.csv("ttrc_daily_ohlcv.csv");

        // README: 5,550 rows from 1985-01-02 to 2006-12-29; first row 3.18,3.18,3.08,3.08,1870906.
        assertThat(csv.rows()).isEqualTo(5550);
        assertThat(csv.text("date")[0]).isEqualTo("1985-01-02");
        assertThat(csv.text("date")[5549]).isEqualTo("2006-12-29");
        assertThat(csv.column("close")[0]).isCloseTo(3.08, within(1e-12));
        assertThat(csv.column("volume")[0]).isCloseTo(1_870_906.0, within(1e-9));
        assertThatThrownBy(() -> csv.column("date"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data row 1");
    }

    @Test
    void test_path_missingFile_namesTheDirectory() {
        assertThatThrownBy(() -> SharedData.path("no_such.csv"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no_such.csv");
    }
}
