/**
 * The web's bones: layout model and language, strict JSON, request size limits, HTTPS, the landing and home pages
 * (with the counts features contribute through {@link org.openler.platform.web.LearnerHomeFacts}), QR codes, and the
 * one place exceptions become responses: the problems vocabulary rendered as RFC 9457 problem+json or an error page.
 * (Security headers are identity's.)
 */
@ApplicationModule(allowedDependencies = {"kernel", "organizations", "problems", "security"})
@NullMarked
package org.openler.platform.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
