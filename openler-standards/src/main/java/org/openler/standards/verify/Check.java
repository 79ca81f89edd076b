package org.openler.standards.verify;

/** The checks a verification reports, in the order they run. */
public enum Check {
    /** Strict JSON: size, depth, duplicate keys. */
    PARSING,
    /** VC DM 2.0 / OB 3.0 / CLR 2.0 structure. */
    STRUCTURE,
    /** Every @context is bundled and pinned. */
    CONTEXTS,
    /** The Data Integrity proof (or JWT signature). */
    PROOF,
    /** The issuer DID resolves and controls the signing key. */
    ISSUER,
    /** Bitstring Status List: not revoked, not suspended. */
    STATUS,
    /** validFrom / validUntil against the verifier's clock. */
    VALIDITY_PERIOD,
    /** A credential embedded in a presentation. */
    EMBEDDED_CREDENTIAL,
    /** Optional, run by a verifier that keeps a transparency log: the credential's issuance is in the public log. */
    TRANSPARENCY_LOG
}
