/**
 * The 1EdTech Open Badges 3.0 API with the learner's wallet as the "host": the Service Description Document other
 * applications discover, OAuth 2.0 Dynamic Client Registration (RFC 7591), and the consent page of the platform's
 * authorization server (authorization code with PKCE, Open Badges scopes only). The resource endpoints that would read
 * and add the learner's credentials and profile with those tokens are not built yet.
 */
@ApplicationModule(allowedDependencies = {"accounts", "audit", "kernel", "privacy", "problems", "security", "wallet"})
@NullMarked
package org.openler.platform.obapi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
