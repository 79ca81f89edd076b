package org.openler.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages form a graph without cycles, and no feature reaches into another's internals. */
class ModularityTests {

    @Test
    void featureModulesDependOnEachOtherOnlyThroughTheirPublicFaces() {
        ApplicationModules.of(OpenLerApplication.class).verify();
    }
}
