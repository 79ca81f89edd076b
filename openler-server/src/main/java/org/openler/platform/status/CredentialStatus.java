package org.openler.platform.status;

import java.util.Optional;

/**
 * The status of an issued credential, stored by name in {@code issued_credential.status}. Revocation is final;
 * suspension can be lifted (the credential is active again).
 */
public enum CredentialStatus {
    ACTIVE("active"),
    REVOKED("revoked"),
    SUSPENDED("suspended");

    private final String wireName;

    CredentialStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the VC-API status update ({@code "status": "revoked" | "suspended" | "active"}). */
    public String wireName() {
        return wireName;
    }

    /** The status a request names, if it names one. */
    public static Optional<CredentialStatus> named(String name) {
        for (CredentialStatus status : values()) {
            if (status.wireName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** The status stored in the {@code status} column. */
    public static CredentialStatus ofColumn(String column) {
        return valueOf(column);
    }
}
