package org.openler.platform.organizations;

import java.time.Instant;
import org.openler.platform.kernel.OrganizationId;

/** A provider or employer. The slug names it in URLs and DIDs ({@code did:web:<host>:orgs:<slug>}). */
public record Organization(OrganizationId id, String slug, String name, Kind kind, Instant createdAt) {

    public enum Kind {
        PROVIDER,
        EMPLOYER
    }
}
