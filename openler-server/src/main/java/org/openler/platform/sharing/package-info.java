/**
 * Consented sharing: a learner shares selected held credentials with a named party, for a stated purpose, until a
 * date. The share is a link (and its QR code) that opens a presentation signed by the learner's holder key for each
 * access (a fresh challenge, this server's domain), with each credential's checks in plain words for the employer.
 * Every open and download is recorded and shown to the learner, who may revoke the share at any time. A share may be
 * aimed at a job or an occupation: its reader then sees the fit of the shared credentials, and of nothing else, to it
 * (matching's {@link org.openler.platform.matching.SharedFits}).
 */
@ApplicationModule(
        allowedDependencies = {
            "kernel",
            "keys",
            "matching",
            "organizations",
            "privacy",
            "problems",
            "verification",
            "wallet",
            "web"
        })
@NullMarked
package org.openler.platform.sharing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
