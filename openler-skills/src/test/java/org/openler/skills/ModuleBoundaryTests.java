package org.openler.skills;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * "Free of Spring and of the database" is a build boundary: the module's pom bans the dependencies (enforcer), these
 * tests check the classes and the class path.
 */
class ModuleBoundaryTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openler.skills");

    @Test
    void theModuleHasClassesToCheck() {
        assertThat(CLASSES.containPackage("org.openler.skills.sources")).isTrue();
        assertThat(CLASSES.containPackage("org.openler.skills.suggest")).isTrue();
    }

    @Test
    void skillsLibraryUsesNoSpringNoDatabaseAndNoServerClass() {
        noClasses()
                .that()
                .resideInAPackage("org.openler.skills..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "java.sql..",
                        "javax.sql..",
                        "jakarta.servlet..",
                        "org.openler.platform..")
                .check(CLASSES);
    }

    @Test
    void springAndJdbcDriversAreNotEvenOnTheClassPath() {
        for (String name : new String[] {
            "org.springframework.context.ApplicationContext",
            "org.springframework.jdbc.core.JdbcTemplate",
            "org.postgresql.Driver",
            "org.h2.Driver",
            "org.openler.platform.OpenLerApplication"
        }) {
            assertThatThrownBy(() -> Class.forName(name)).as(name).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.openler.skills.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() {
        CLASSES.getPackage("org.openler.skills").getSubpackagesInTree().forEach(p -> {
            if (!p.getClasses().isEmpty() && !p.isAnnotatedWith(NullMarked.class)) {
                throw new AssertionError("Package " + p.getName() + " is not @NullMarked");
            }
        });
    }
}
