package org.openler.standards.status;

import java.util.Optional;

/** The status purposes we issue and check. */
public enum StatusPurpose {
    REVOCATION("revocation"),
    SUSPENSION("suspension");

    private final String value;

    StatusPurpose(String value) {
        this.value = value;
    }

    /** The JSON value, e.g. {@code revocation}. */
    public String value() {
        return value;
    }

    public static Optional<StatusPurpose> of(String value) {
        for (StatusPurpose purpose : values()) {
            if (purpose.value.equals(value)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
