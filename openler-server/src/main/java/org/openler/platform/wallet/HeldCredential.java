package org.openler.platform.wallet;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A credential in a learner's wallet, as listed: the columns kept beside its exact bytes. The bytes themselves are
 * read with {@link Wallet#document}.
 */
public record HeldCredential(
        UUID id,
        Source source,
        Format format,
        String name,
        String issuerName,
        String issuerId,
        @Nullable Instant validFrom,
        @Nullable Instant validUntil,
        @Nullable String holderDid,
        boolean hidden,
        int position,
        Instant addedAt) {

    /** How the credential entered the wallet. */
    public enum Source {
        CLAIMED,
        IMPORTED
    }

    /** How the credential is secured: an embedded Data Integrity proof, or a compact VC-JWT. */
    public enum Format {
        DATA_INTEGRITY,
        VC_JWT
    }

    public Optional<Instant> validUntilIfAny() {
        return Optional.ofNullable(validUntil);
    }
}
