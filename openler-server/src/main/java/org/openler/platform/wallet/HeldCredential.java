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

    /** How the credential is secured: an embedded Data Integrity proof, a compact VC-JWT, or an SD-JWT VC. */
    public enum Format {
        DATA_INTEGRITY,
        VC_JWT,
        SD_JWT;

        /** The media type the held bytes are served as. */
        public String mediaType() {
            return switch (this) {
                case DATA_INTEGRITY -> "application/json";
                case VC_JWT -> "application/vc+jwt";
                case SD_JWT -> "application/dc+sd-jwt";
            };
        }

        /** The extension of a downloaded file. */
        public String fileExtension() {
            return switch (this) {
                case DATA_INTEGRITY -> ".json";
                case VC_JWT -> ".jwt";
                case SD_JWT -> ".sd-jwt";
            };
        }
    }

    public Optional<Instant> validUntilIfAny() {
        return Optional.ofNullable(validUntil);
    }
}
