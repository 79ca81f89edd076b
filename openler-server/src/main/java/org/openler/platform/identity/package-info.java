/** One sign-on: the embedded OpenID provider, sign-in, the request's actor and route access rules. */
@NullMarked
package org.openler.platform.identity;

import org.jspecify.annotations.NullMarked;
