package org.openler.standards.verify;

import java.net.URI;

/**
 * Stable problem types the server renders in problem+json: VC Data Model 2.0 §7.1 for data and cryptography, Bitstring
 * Status List v1.0 for status retrieval, and two of our own for a revoked or suspended credential.
 */
public enum ProblemType {
    PARSING_ERROR("https://www.w3.org/TR/vc-data-model#PARSING_ERROR"),
    CRYPTOGRAPHIC_SECURITY_ERROR("https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR"),
    MALFORMED_VALUE_ERROR("https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR"),
    RANGE_ERROR("https://www.w3.org/TR/vc-data-model#RANGE_ERROR"),
    /**
     * Data Integrity §4: JSON-LD processing would drop part of the document (an undefined term or type, a relative
     * {@code @id}, ...), so the proof does not cover it.
     */
    DATA_LOSS_DETECTION_ERROR("https://w3id.org/security#DATA_LOSS_DETECTION_ERROR"),
    /** Bitstring Status List v1.0 §3.2: the status list could not be obtained. */
    STATUS_RETRIEVAL_ERROR("https://www.w3.org/ns/credentials/status-list#STATUS_RETRIEVAL_ERROR"),
    /** Bitstring Status List v1.0 §3.2: the status list is invalid or its proof does not verify. */
    STATUS_VERIFICATION_ERROR("https://www.w3.org/ns/credentials/status-list#STATUS_VERIFICATION_ERROR"),
    /** Not an error of the data: the issuer revoked the credential. */
    CREDENTIAL_REVOKED("https://openler.org/problems/credential-revoked"),
    /** Not an error of the data: the issuer suspended the credential. */
    CREDENTIAL_SUSPENDED("https://openler.org/problems/credential-suspended");

    private final URI uri;

    ProblemType(String uri) {
        this.uri = URI.create(uri);
    }

    public URI uri() {
        return uri;
    }
}
