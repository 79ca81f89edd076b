/**
 * One error vocabulary for the platform: {@link org.openler.platform.problems.PlatformException} with a closed
 * {@link org.openler.platform.problems.Problem} enum, rendered as RFC 9457 {@code application/problem+json} for
 * programs and as a readable page for people.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.openler.platform.problems;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
