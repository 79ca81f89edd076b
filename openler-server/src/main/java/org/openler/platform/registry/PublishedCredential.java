package org.openler.platform.registry;

import java.net.URI;
import java.time.Instant;
import org.openler.platform.kernel.OrganizationId;

/**
 * A credential as the registry publishes it now: its CTID, owner, current version, the exact CTDL JSON-LD served at
 * {@link #url()}, and the same document read as fields. What other features (an achievement pointing at its registry
 * entry) may rely on.
 */
public record PublishedCredential(
        Ctid ctid,
        OrganizationId organization,
        int version,
        URI url,
        String document,
        CredentialOfValue credential,
        Instant publishedAt) {}
