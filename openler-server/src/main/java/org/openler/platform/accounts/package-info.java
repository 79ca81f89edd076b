/**
 * People's accounts: creating and finding them, passwords (Argon2id), forgotten-password and password reset, the sign-
 * in pages and the signed-in person's own account as JSON ({@code /api/v1/me}). Sign-up itself is onboarding's; the
 * user kinds ({@code AccountKind}) are identity's.
 */
@ApplicationModule(allowedDependencies = {"audit", "kernel", "keys", "outbox", "problems", "security"})
@NullMarked
package org.openler.platform.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
