package org.openler.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.openler.platform.kernel.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records security events. Callers pass ids (see {@link org.openler.platform.kernel.Actor#auditName()}), never
 * e-mail addresses or names. Joins the caller's transaction, so an event is recorded exactly when its change commits.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        jdbc.sql("insert into audit_event (occurred_at, action, actor, organization_id, subject, outcome, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        Timestamp.from(clock.instant()),
                        event.action().name(),
                        truncate(event.actor(), 200),
                        event.organization() == null
                                ? null
                                : event.organization().value(),
                        event.subject() == null ? null : truncate(event.subject(), 200),
                        event.outcome().name(),
                        event.detail() == null ? null : truncate(event.detail(), 1000))
                .update();
    }

    /**
     * Replaces an actor's audit name with a pseudonym wherever it is the actor or the subject (the person deleted
     * their account). The events stay, so counts and an organization's trail stay whole, but name no one.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void pseudonymize(String auditName, String pseudonym) {
        jdbc.sql("update audit_event set actor = ? where actor = ?")
                .params(pseudonym, auditName)
                .update();
        jdbc.sql("update audit_event set subject = ? where subject = ?")
                .params(pseudonym, auditName)
                .update();
    }

    public List<AuditEvent.Recorded> forOrganization(OrganizationId organization, int limit) {
        return jdbc.sql("select occurred_at, action, actor, subject, outcome, detail from audit_event"
                        + " where organization_id = ? order by id desc limit ?")
                .params(organization.value(), limit)
                .query((rs, n) -> new AuditEvent.Recorded(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /** For tests and operators: how many events of this action an actor has. */
    public long count(AuditAction action, String actor) {
        return jdbc.sql("select count(*) from audit_event where action = ? and actor = ?")
                .params(action.name(), actor)
                .query(Long.class)
                .single();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
