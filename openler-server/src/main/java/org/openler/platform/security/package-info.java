/**
 * Sign-on and route security: the filter chains and the embedded OpenID provider
 * ({@link org.openler.platform.security.SecurityConfiguration}, its token signing keys, token customizer and bearer
 * token validators), the response headers every chain sends ({@link org.openler.platform.security.SecurityHeaders}),
 * sign-in through an external OpenID provider, the interceptor that enforces each route's
 * {@link org.openler.platform.kernel.Access} rule ({@link org.openler.platform.security.AccessRules}), the sign-in
 * guard's filter, ending a person's sessions ({@link org.openler.platform.security.SignedInSessions}), and the
 * learner scope with its row-level-security data source ({@link org.openler.platform.security.LearnerScope}).
 *
 * <p>Features that plug into it implement its interfaces: {@code organizations} the
 * {@link org.openler.platform.security.OrganizationDirectory}, {@code accounts} the
 * {@link org.openler.platform.security.ExternalAccounts}, {@code lockout} the
 * {@link org.openler.platform.security.SignInGuard}, {@code clients} a {@link org.openler.platform.security.TokenClaims};
 * so it depends on none of them, only on the kernel, the error vocabulary and the key sealer.
 */
@ApplicationModule(allowedDependencies = {"kernel", "keys", "problems"})
@NullMarked
package org.openler.platform.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
