package org.openler.platform.corrections;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.OrganizationId;

/** A request to correct a held credential, as both sides see it (the organization sees no e-mail address). */
record CorrectionRequest(
        UUID id,
        OrganizationId organization,
        String organizationName,
        @Nullable UUID walletCredentialId,
        String credentialName,
        String message,
        State state,
        @Nullable String reply,
        Instant createdAt,
        @Nullable Instant answeredAt,
        String requesterName) {

    enum State {
        OPEN,
        RESOLVED,
        DECLINED
    }
}
