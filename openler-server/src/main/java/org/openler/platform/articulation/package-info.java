/**
 * The articulation index (issue 17): which certificates, badges, assessments and military training count for how much
 * college credit, where. A provider records credit rules ({@link org.openler.platform.articulation.ArticulationRules}:
 * a source in the registry or an achievement of a named issuer, conditions, target courses, versioned, only the owning
 * organization changes them), publishes them as CTDL {@code ceterms:TransferValueProfile} and CSV, and the public
 * statewide index ({@link org.openler.platform.articulation.ArticulationIndex}) answers by credential, college, course
 * and skill. A learner asks for credit with one click ({@link org.openler.platform.articulation.CreditRequests}),
 * sharing only the credentials a rule needs; the college verifies and approves (automatic rules approve themselves)
 * and issues an Open Badges 3.0 credential per course, logged in the public transparency log. Training plans count
 * the credit through the matching feature's {@code HeldCredit} seam. docs/articulation.md explains the model.
 */
@ApplicationModule(
        allowedDependencies = {
            "accounts",
            "issuers",
            "issuing",
            "kernel",
            "matching",
            "organizations",
            "privacy",
            "problems",
            "registry",
            "sharing",
            "skills",
            "status",
            "transparency",
            "verification",
            "wallet",
            "web"
        })
@NullMarked
package org.openler.platform.articulation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
