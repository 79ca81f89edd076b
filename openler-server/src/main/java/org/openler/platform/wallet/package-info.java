/**
 * The learner's wallet: the holder key (did:key) kept for each learner, claiming credentials issued here to the
 * learner's e-mail address, importing credentials issued elsewhere (verified as they enter), and curating what is
 * held (hide, order, collections). Every query is scoped by the signed-in learner's account id.
 */
@ApplicationModule(
        allowedDependencies = {
            "accounts",
            "audit",
            "issuing",
            "kernel",
            "keys",
            "organizations",
            "outbox",
            "privacy",
            "problems",
            "status",
            "verification"
        })
@NullMarked
package org.openler.platform.wallet;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
