package io.nautilus.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of ARCHITECTURE.md section 2, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.nautilus");
    }

    @Test
    void test_engines_doNotDependOnEachOther() {
        SlicesRuleDefinition.slices().matching("io.nautilus.engine.(*)..").should().notDependOnEachOther()
                .check(classes);
    }

    @Test
    void test_engines_doNotDependOnLauncher() {
        noClasses().that().resideInAPackage("io.nautilus.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.nautilus.launcher..")
                .check(classes);
    }

    /** Engines talk through the bus API in core; the bus implementations (local rings, Redis bridge) are the host's. */
    @Test
    void test_engines_doNotDependOnBusImplementations() {
        noClasses().that().resideInAPackage("io.nautilus.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.nautilus.bus..")
                .check(classes);
    }

    @Test
    void test_core_dependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.nautilus.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nautilus.bus..", "io.nautilus.engine..",
                        "io.nautilus.launcher..", "io.nautilus.testkit..", "io.nautilus.bench..")
                .check(classes);
    }

    @Test
    void test_bus_dependsOnlyOnCore() {
        noClasses().that().resideInAPackage("io.nautilus.bus..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nautilus.engine..", "io.nautilus.launcher..",
                        "io.nautilus.testkit..", "io.nautilus.bench..")
                .check(classes);
    }

    /** Shared math (statistics, covariance, volatility, the indicator library) knows no bus, HTTP, store or clock. */
    @Test
    void test_quant_isPure() {
        noClasses().that().resideInAPackage("io.nautilus.core.quant..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nautilus.core.bus..", "io.nautilus.core.http..",
                        "io.nautilus.core.store..", "io.nautilus.core.engine..", "io.nautilus.core.time..",
                        "io.nautilus.core.metrics..", "io.javalin..", "java.sql..", "java.net..")
                .check(classes);
    }
}
