/**
 * Health the platform reports beyond Spring Boot's own: readiness fails when the database cannot take a write (an H2
 * database closed under the application once kept answering reads of its pool's health check while every write
 * failed, and readiness stayed up).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.openler.platform.health;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
