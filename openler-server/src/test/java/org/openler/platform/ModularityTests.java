package org.openler.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages form a graph without cycles, and no feature reaches into another's internals. */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(OpenLerApplication.class);

    @Test
    void featureModulesDependOnEachOtherOnlyThroughTheirPublicFaces() {
        MODULES.verify();
    }

    @Test
    void theSharedKernelDependsOnNoFeature() {
        ApplicationModule kernel = MODULES.getModuleByName("kernel").orElseThrow();

        assertThat(kernel.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getDisplayName))
                .isEmpty();
    }
}
