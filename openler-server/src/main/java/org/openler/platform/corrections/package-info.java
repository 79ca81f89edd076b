/**
 * Correction requests: a person asks the organization that issued one of their credentials to correct it, the
 * organization's staff see the request on their pages and answer it (resolved or declined, with a reply the person
 * reads). Each side sees only its own: the person's requests by their account id, the organization's by its id.
 */
@ApplicationModule(allowedDependencies = {"audit", "kernel", "organizations", "privacy", "problems", "wallet"})
@NullMarked
package org.openler.platform.corrections;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
