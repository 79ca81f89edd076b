package org.openler.platform.audit;

/** The security events the platform records. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    ACCOUNT_CREATED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    ORGANIZATION_CREATED,
    INVITATION_SENT,
    INVITATION_ACCEPTED,
    ROLE_CHANGED,
    MEMBER_REMOVED,
    CLIENT_CREATED,
    CLIENT_SECRET_ROTATED,
    CLIENT_DELETED
}
