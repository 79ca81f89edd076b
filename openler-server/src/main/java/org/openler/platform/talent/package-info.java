/**
 * Talent search (issue 16): learners who opt in can be found by employers through their skills without being named.
 * The learner's setting ({@link org.openler.platform.talent.TalentDiscovery}: off, anonymous to every employer, or
 * internal only) says whether, and which credentials and skills a search may read. An employer's search
 * ({@link org.openler.platform.talent.TalentSearch}) ranks opted-in learners with the matching engine over only that,
 * and answers pseudonyms (stable per employer, unlinkable across employers), scores and the requirements met with
 * the kind of evidence; never a name, an e-mail, a date, free text or a credential id, and nothing at all when fewer
 * than five candidates match. Every appearance goes into the learner's access log. An employer may invite a
 * pseudonym it was shown; only when the learner accepts does a share (the sharing feature) reveal who they are.
 * Internal talent ({@link org.openler.platform.talent.Employees}): an employer links employees by e-mail invitation,
 * which they accept and can end, and searches the linked ones with discovery on, by name. Searches are limited per
 * employer per minute ({@link org.openler.platform.talent.SearchLimits}: 429 with Retry-After). The employer's page is
 * {@code /orgs/{org}/talent}; in demo mode {@link org.openler.platform.talent.DemoCandidates} opts Izzy and synthetic
 * candidates in and links Marcus to Demo Employer.
 * docs/talent-search.md says what employers can and cannot see, and why.
 */
@ApplicationModule(
        allowedDependencies = {
            "accounts",
            "kernel",
            "keys",
            "matching",
            "organizations",
            "outbox",
            "privacy",
            "problems",
            "profile",
            "sharing",
            "skills",
            "wallet"
        })
@NullMarked
package org.openler.platform.talent;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
