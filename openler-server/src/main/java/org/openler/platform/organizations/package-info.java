/** Providers and employers, their staff roles (admin, issuer, viewer) and invitations. */
@NullMarked
package org.openler.platform.organizations;

import org.jspecify.annotations.NullMarked;
