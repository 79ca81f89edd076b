package org.openler.standards;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ModuleGraphTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openler.standards");

    @Test
    void standardsLibraryDependsOnNoFrameworkDatabaseOrServer() {
        noClasses()
                .that()
                .resideInAPackage("org.openler.standards..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.servlet..",
                        "java.sql..",
                        "org.openler.platform..",
                        "org.openler.skills..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.openler.standards.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() {
        CLASSES.getPackage("org.openler.standards").getSubpackagesInTree().forEach(p -> {
            if (!p.getClasses().isEmpty() && !p.isAnnotatedWith(org.jspecify.annotations.NullMarked.class)) {
                throw new AssertionError("Package " + p.getName() + " is not @NullMarked");
            }
        });
    }
}
