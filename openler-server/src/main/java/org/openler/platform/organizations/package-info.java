/**
 * Providers and employers: organizations and their slugs, staff roles (admin, issuer, viewer), invitations, their
 * pages and API, and {@link org.openler.platform.organizations.OrganizationPowers}, the one table of what each kind of
 * organization may do, which the access check reads for every organization route.
 */
@ApplicationModule(allowedDependencies = {"accounts", "audit", "kernel", "keys", "outbox", "problems", "security"})
@NullMarked
package org.openler.platform.organizations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
