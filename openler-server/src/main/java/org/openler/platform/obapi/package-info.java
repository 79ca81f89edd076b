/**
 * The 1EdTech Open Badges 3.0 REST API with the learner's wallet as the "host": other applications discover it
 * (Service Description Document), get the learner's consent through the platform's OAuth 2.0 authorization server,
 * and then read and add the learner's credentials and profile with scoped bearer tokens.
 */
@NullMarked
package org.openler.platform.obapi;

import org.jspecify.annotations.NullMarked;
