package org.openler.platform.wallet;

import java.time.Instant;
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

    /**
     * How the credential is secured: an embedded Data Integrity proof, a compact VC-JWT, an SD-JWT VC, or an Open
     * Badges 2.0 assertion — hosted (JSON, verified where its issuer hosts it) or signed (a compact JWS). The last two
     * are not W3C verifiable credentials: they cannot go into a presentation.
     */
    public enum Format {
        DATA_INTEGRITY,
        VC_JWT,
        SD_JWT,
        OB2,
        OB2_SIGNED;

        /** Whether this is an Open Badges 2.0 assertion (not a verifiable credential). */
        public boolean openBadges2() {
            return this == OB2 || this == OB2_SIGNED;
        }

        /** The media type the held bytes are served as. */
        public String mediaType() {
            return switch (this) {
                case DATA_INTEGRITY -> "application/json";
                case VC_JWT -> "application/vc+jwt";
                case SD_JWT -> "application/dc+sd-jwt";
                case OB2 -> "application/ld+json";
                case OB2_SIGNED -> "application/jose";
            };
        }

        /** The extension of a downloaded file. */
        public String fileExtension() {
            return switch (this) {
                case DATA_INTEGRITY -> ".json";
                case VC_JWT -> ".jwt";
                case SD_JWT -> ".sd-jwt";
                case OB2 -> ".json";
                case OB2_SIGNED -> ".jws";
            };
        }
    }
}
