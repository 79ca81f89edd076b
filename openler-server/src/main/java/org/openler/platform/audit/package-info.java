/**
 * Security and accountability events, recorded as ids, never personal data: sign-in and sign-out, accounts,
 * organizations, invitations and roles, machine clients and their secrets, issuer keys, issuance, claims, imports,
 * offers and status changes of credentials, data-rights actions, correction requests, and sign-in locks.
 */
@ApplicationModule(allowedDependencies = {"kernel"})
@NullMarked
package org.openler.platform.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
