/** Sign-up: a learner account, or a staff account with a new provider or employer, or one that accepts an invitation. */
@ApplicationModule(allowedDependencies = {"accounts", "kernel", "organizations", "problems"})
@NullMarked
package org.openler.platform.onboarding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
