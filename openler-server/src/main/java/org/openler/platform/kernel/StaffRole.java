package org.openler.platform.kernel;

/** A staff member's role in an organization. Each role includes the rights of the ones below it. */
public enum StaffRole {
    VIEWER,
    ISSUER,
    ADMIN;

    public boolean includes(StaffRole other) {
        return compareTo(other) >= 0;
    }
}
