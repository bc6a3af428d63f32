package io.nautilus.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * nautilus-api is pure: an embedded user who calls the indicators, covariance, GARCH or the records gets no web
 * server, database driver or logging library on the class path. Checked twice: the module's own dependency list
 * (nothing outside test scope; the parent adds only test-scoped JUnit and AssertJ) and its compiled classes (they
 * use only the JDK and the module's own packages).
 */
class PureApiTest {
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    @Test
    void test_pom_hasNoDependencyOutsideTestScope() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String deps = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
        Matcher m = DEPENDENCY.matcher(deps);
        List<String> compile = new ArrayList<>();
        int count = 0;
        while (m.find()) {
            count++;
            if (!m.group(1).contains("<scope>test</scope>")) {
                compile.add(m.group(1).trim());
            }
        }
        assertThat(count).as("the pom was read").isPositive();
        assertThat(compile).as("dependencies of nautilus-api outside test scope").isEmpty();
    }

    @Test
    void test_classes_useOnlyTheJdkAndThemselves() {
        JavaClasses api = new ClassFileImporter().importPath(Path.of("target/classes"));
        assertThat(api.size()).as("classes of nautilus-api").isGreaterThan(50);
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.nautilus.core.model..",
                "io.nautilus.core.quant..", "io.nautilus.core.bus..", "io.nautilus.core.time..", "io.nautilus.core.text..")
                .check(api);
    }
}
