/**
 * The learner's data rights: what OpenLER holds about a person and who accessed it, an export bundle another OpenLER
 * can import, correction, opting out of discovery, the consent log, and account deletion. Each feature that keeps
 * personal data contributes its part through {@link org.openler.platform.privacy.PersonalData}, so privacy never reads
 * another feature's tables and every feature's data is covered by the same four operations. It depends only on the
 * accounts, organizations, audit, outbox and identity (signed-in sessions) it needs for the account's own section;
 * wallet, issuing, registry, corrections and the others implement its interfaces, so the dependency points one way.
 */
@ApplicationModule(
        allowedDependencies = {"accounts", "audit", "kernel", "organizations", "outbox", "problems", "security"})
@NullMarked
package org.openler.platform.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
