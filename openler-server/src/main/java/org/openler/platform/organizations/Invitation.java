package org.openler.platform.organizations;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.kernel.StaffRole;

/** An invitation to join an organization's staff. The token is only ever in the e-mail. */
public record Invitation(
        UUID id,
        OrganizationId organization,
        String email,
        StaffRole role,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant acceptedAt) {

    public boolean isOpen(Instant now) {
        return acceptedAt == null && now.isBefore(expiresAt);
    }
}
