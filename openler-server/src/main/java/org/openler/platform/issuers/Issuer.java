package org.openler.platform.issuers;

import org.openler.platform.kernel.OrganizationId;
import org.openler.standards.did.Did;

/**
 * An organization as the issuer of credentials: who it is on this platform (its id, its slug in every URL, its name as
 * credentials show it) and its did:web, which names the host the request came to. The one value the issuing modules
 * exchange; {@link Issuers} makes it.
 */
public record Issuer(OrganizationId organization, String slug, String name, Did did) {}
