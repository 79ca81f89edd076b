package org.openler.platform.registry;

import java.time.Instant;
import org.openler.platform.kernel.OrganizationId;

/**
 * A provider's registry entry: its CTID, state, the draft being worked on (a CTDL document, read as fields) and how
 * many versions were published. {@code draftChanged} says the draft has edits not yet published.
 */
public record RegistryEntry(
        Ctid ctid,
        OrganizationId organization,
        Status status,
        CredentialOfValue draft,
        boolean draftChanged,
        int publishedVersion,
        boolean imported,
        Instant updatedAt,
        int version) {

    public enum Status {
        DRAFT,
        PUBLISHED,
        WITHDRAWN
    }
}
