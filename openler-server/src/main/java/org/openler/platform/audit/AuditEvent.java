package org.openler.platform.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;

/** A security event to record. {@code actor} and {@code subject} are ids such as {@code account:<uuid>}. */
public record AuditEvent(
        AuditAction action,
        String actor,
        @Nullable OrganizationId organization,
        @Nullable String subject,
        Outcome outcome,
        @Nullable String detail) {

    public enum Outcome {
        SUCCESS,
        FAILURE
    }

    public static AuditEvent success(
            AuditAction action, Actor actor, @Nullable OrganizationId organization, @Nullable String subject) {
        return new AuditEvent(action, actor.auditName(), organization, subject, Outcome.SUCCESS, null);
    }

    public AuditEvent withDetail(String detail) {
        return new AuditEvent(action, actor, organization, subject, outcome, detail);
    }

    /** An event as read back. */
    public record Recorded(
            Instant occurredAt,
            String action,
            String actor,
            @Nullable String subject,
            String outcome,
            @Nullable String detail) {}
}
