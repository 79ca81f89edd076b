/**
 * OpenID for Verifiable Presentations 1.0: OpenLER as verifier (an employer's staff ask for credentials with a DCQL
 * query and see the verified answer in plain words) and OpenLER's wallet as wallet (the learner sees who asks what
 * and why, picks credentials and, for SD-JWT VCs, which claims to disclose, and consents). Every presentation a
 * learner makes is recorded for them.
 */
@ApplicationModule(
        allowedDependencies = {
            "issuing",
            "kernel",
            "keys",
            "organizations",
            "privacy",
            "problems",
            "verification",
            "wallet"
        })
@NullMarked
package org.openler.platform.presentations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
