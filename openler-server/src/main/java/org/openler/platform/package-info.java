/**
 * The OpenLER platform server. One top-level package per feature, each a Spring Modulith application module that
 * declares in its own package-info which features it may depend on (docs/ARCHITECTURE.md lists them, and
 * ModularityTests checks both): the plumbing of every request ({@code problems}, {@code keys}, {@code kernel}, {@code security}, {@code
 * audit}, {@code outbox}, {@code web}, {@code health}, {@code lockout}); people and organizations ({@code accounts},
 * {@code organizations}, {@code clients}, {@code onboarding}); credentials ({@code issuing}, {@code verification},
 * {@code registry}, {@code transparency}, {@code skills}); the learner's record ({@code wallet}, {@code sharing},
 * {@code exchange}, {@code presentations}, {@code obapi}, {@code corrections}, {@code privacy}, {@code profile}); work
 * ({@code jobs}, {@code matching}, {@code talent}); and {@code demo}. Each exposes a small public face and keeps the
 * rest package-private.
 */
@NullMarked
package org.openler.platform;

import org.jspecify.annotations.NullMarked;
