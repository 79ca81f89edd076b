package org.openler.platform.status;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.IssuedCredentialStatusChanged;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.transparency.LogEvent;
import org.openler.platform.transparency.TransparencyLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status of the credentials an organization issued: revocation (final), suspension and reinstatement, and what a
 * credential's status is now. A change is written to the credential's row, appended to the transparency log and
 * audited; the status lists that show it publish a fresh copy on their next fetch.
 */
@Service
public class CredentialStatuses {

    private final JdbcClient jdbc;
    private final StatusLists statusLists;
    private final AuditLog audit;
    private final TransparencyLog transparencyLog;

    private final ApplicationEventPublisher events;

    CredentialStatuses(
            JdbcClient jdbc,
            StatusLists statusLists,
            AuditLog audit,
            TransparencyLog transparencyLog,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.statusLists = statusLists;
        this.audit = audit;
        this.transparencyLog = transparencyLog;
    }

    /** The credential's status now, if the organization issued it. */
    public Optional<CredentialStatus> statusOf(OrganizationId organization, CredentialId credential) {
        return jdbc.sql("select status from issued_credential where organization_id = ? and id = ?")
                .params(organization.value(), credential.value())
                .query((rs, n) -> CredentialStatus.ofColumn(rs.getString(1)))
                .optional();
    }

    /**
     * Revokes (final), suspends or reinstates ({@link CredentialStatus#ACTIVE}) a credential; the status lists publish
     * the change on their next fetch. Repeating a change is harmless; a revoked credential stays revoked.
     */
    @Transactional
    public void change(OrganizationId organization, CredentialId credential, CredentialStatus target, Actor by) {
        record Current(
                CredentialStatus status,
                UUID revocationList,
                @Nullable UUID suspensionList) {}
        Current current = jdbc.sql("select status, status_list_id, suspension_list_id from issued_credential"
                        + " where organization_id = ? and id = ? for update")
                .params(organization.value(), credential.value())
                .query((rs, n) -> new Current(
                        CredentialStatus.ofColumn(rs.getString(1)),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class)))
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The credential"));
        if (target == current.status()) {
            return;
        }
        if (current.status() == CredentialStatus.REVOKED) {
            throw new PlatformException(Problem.CONFLICT, "The credential is revoked; revocation is final.");
        }
        if (target != CredentialStatus.REVOKED && current.suspensionList() == null) {
            throw new PlatformException(
                    Problem.UNPROCESSABLE,
                    "This credential was issued without a suspension entry, so it can only be revoked.");
        }
        jdbc.sql("update issued_credential set status = ? where id = ?")
                .params(target.name(), credential.value())
                .update();
        // A suspension bit is published from status SUSPENDED, a revocation bit from REVOKED: leaving or entering
        // either changes the lists that show it.
        transparencyLog.append(new LogEvent.CredentialStatusChanged(
                credential.value(),
                switch (target) {
                    case REVOKED -> LogEvent.StatusChange.REVOKED;
                    case SUSPENDED -> LogEvent.StatusChange.SUSPENDED;
                    case ACTIVE -> LogEvent.StatusChange.REINSTATED;
                }));
        // in this transaction: the talent index's outbox records the holders' change with it
        events.publishEvent(new IssuedCredentialStatusChanged(credential.value()));
        if (target == CredentialStatus.REVOKED) {
            statusLists.touch(current.revocationList());
        }
        if (current.suspensionList() != null
                && (target == CredentialStatus.SUSPENDED || current.status() == CredentialStatus.SUSPENDED)) {
            statusLists.touch(current.suspensionList());
        }
        audit.record(
                AuditEvent.success(AuditAction.CREDENTIAL_STATUS_CHANGED, by, organization, "credential:" + credential)
                        .withDetail(current.status() + "->" + target));
    }
}
