package org.openler.standards;

import java.util.Objects;

/**
 * The one error this module throws. {@link Code} is closed so that callers (the server's problem+json mapping) can
 * switch over it exhaustively; the message is the precise, human-readable reason.
 */
public final class StandardsException extends RuntimeException {

    /** What went wrong, as a stable, closed vocabulary. */
    public enum Code {
        /** The input is not JSON, or not the JSON shape that was expected. */
        MALFORMED_JSON,
        /** An object repeats a key; parsers disagree on which value wins, so we refuse it. */
        DUPLICATE_KEY,
        /** Nesting is deeper than the configured limit. */
        TOO_DEEP,
        /** The body is larger than the configured limit. */
        TOO_LARGE,
        /** A JSON-LD context that is not bundled and pinned was requested. */
        CONTEXT_NOT_ALLOWED,
        /** A bundled context does not match its pinned digest. */
        CONTEXT_INTEGRITY,
        /** JSON-LD expansion or canonicalization failed (invalid value, ...). */
        JSON_LD,
        /**
         * JSON-LD expansion or the conversion to RDF would drop part of the document (an undefined term or type, a
         * relative @id, ...), so a signature would not cover it: Data Integrity's DATA_LOSS_DETECTION_ERROR.
         */
        DATA_LOSS,
        /** A key, multibase or multicodec value cannot be decoded. */
        INVALID_KEY,
        /** A DID is syntactically wrong or uses an unsupported method. */
        INVALID_DID,
        /** A DID could not be resolved (host not allowed, not found, malformed document). */
        DID_NOT_RESOLVED,
        /** A proof is missing, malformed, or its parameters are not acceptable. */
        INVALID_PROOF,
        /** An algorithm or cryptosuite that is not on the allow-list. */
        ALGORITHM_NOT_ALLOWED,
        /** A status list or status entry is malformed or cannot be obtained. */
        INVALID_STATUS,
        /** A credential breaks a structural rule of VC DM 2.0, OB 3.0 or CLR 2.0. */
        INVALID_CREDENTIAL,
        /** A value given to a builder is not acceptable. */
        INVALID_ARGUMENT
    }

    private final Code code;

    public StandardsException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code);
    }

    public StandardsException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code);
    }

    public Code code() {
        return code;
    }
}
