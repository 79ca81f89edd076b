package org.openler.platform.issuing;

import java.util.Optional;

/**
 * The proof formats OpenLER issues: a Data Integrity proof ({@code eddsa-rdfc-2022}) embedded in the JSON
 * credential, or an Open Badges 3.0 §8.2 VC-JWT (a compact JWS, ES256) whose {@code vc} claim carries the credential; or an SD-JWT VC whose claims the holder discloses one by one.
 */
public enum CredentialFormat {
    LDP("ldp"),
    JWT("jwt"),
    /** An SD-JWT VC (RFC 9901, draft-ietf-oauth-sd-jwt-vc): the subject's claims selectively disclosable. */
    SD_JWT("sd-jwt");

    private final String wireName;

    CredentialFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The name in requests, forms and the {@code issued_credential.format} column. */
    public String wireName() {
        return wireName;
    }

    /** The format a request names ({@code "ldp"} or {@code "jwt"}), if it names one of them. */
    public static Optional<CredentialFormat> named(String name) {
        for (CredentialFormat format : values()) {
            if (format.wireName.equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * The format of stored credential bytes: a JSON credential starts with a brace, a compact JWS with its base64url
     * header ({@code eyJ…}) and never with one; an SD-JWT is a compact JWS followed by {@code ~}-separated disclosures.
     */
    public static CredentialFormat of(String document) {
        return document.startsWith("{") ? LDP : document.contains("~") ? SD_JWT : JWT;
    }
}
