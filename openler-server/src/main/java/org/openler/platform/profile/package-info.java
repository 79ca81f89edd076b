/**
 * The learner's skills profile and verified resume. Every skill says where it came from: verified (an alignment of a
 * held credential that verifies now), endorsed (an imported EndorsementCredential by a third party), or self-asserted
 * (the learner's own words, mapped to the ontology with the free-text mapper when they pick a match). Skills from
 * credentials are read from the wallet on every look, so a revoked credential's skills drop at once; only what the
 * learner says about themselves (self-asserted skills, experiences) is stored here. The resume shows experiences,
 * credentials and skills in the learner's order as a page, a PDF, and HR Open LER-RS JSON with the credentials
 * embedded. Every query is scoped by the signed-in learner's account id.
 */
@ApplicationModule(allowedDependencies = {"accounts", "kernel", "privacy", "problems", "skills", "wallet", "web"})
@NullMarked
package org.openler.platform.profile;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
