/**
 * The shared kernel: the small vocabulary every feature speaks, with no behaviour of its own worth a module. Ids
 * ({@link org.openler.platform.kernel.AccountId}, {@link org.openler.platform.kernel.OrganizationId}); the acting user
 * ({@link org.openler.platform.kernel.Actor}, read from the request by {@link org.openler.platform.kernel.Actors}, and
 * the signed-in {@link org.openler.platform.kernel.PersonPrincipal}); kinds and roles
 * ({@link org.openler.platform.kernel.AccountKind}, {@link org.openler.platform.kernel.StaffRole}); the route access
 * declaration every controller writes ({@link org.openler.platform.kernel.Access} with its
 * {@link org.openler.platform.kernel.Audience} and {@link org.openler.platform.kernel.Power}, enforced by the
 * {@code security} feature); and the platform's public URLs ({@link org.openler.platform.kernel.PlatformUrls},
 * {@link org.openler.platform.kernel.PublicUrl}).
 *
 * <p>An open module: every type here is the kernel's public face, and it depends on no feature (ModularityTests
 * checks both). What only enforces these rules, rather than naming them, lives in {@code security}.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.openler.platform.kernel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
