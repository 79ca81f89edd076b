package org.openler.platform.issuing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.issuers.IssuerIdentity;
import org.openler.platform.issuing.Issuance.To;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.status.CredentialId;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.status.StatusLists;
import org.openler.platform.transparency.LogEvent;
import org.openler.platform.transparency.TransparencyLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The store of issued credentials ({@code issued_credential}): each credential's exact signed bytes with the columns
 * for querying beside them, found again by id or idempotency key, and the provider's list of what it issued. Storing
 * a credential appends it to the transparency log and publishes {@link CredentialIssued}, both in the issuing
 * transaction.
 */
@Repository
public class IssuedCredentials {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransparencyLog transparencyLog;

    IssuedCredentials(JdbcClient jdbc, ApplicationEventPublisher events, TransparencyLog transparencyLog) {
        this.jdbc = jdbc;
        this.events = events;
        this.transparencyLog = transparencyLog;
    }

    /** A signed credential and the columns stored beside its exact bytes for querying. */
    record Stored(
            CredentialId id,
            OrganizationId organization,
            @Nullable UUID achievementId,
            Optional<To> recipient,
            String document,
            IssuerIdentity issuer,
            StatusLists.Slot revocation,
            Optional<StatusLists.Slot> suspension,
            Instant issuedAt,
            Optional<Instant> validUntil,
            Optional<String> idempotencyKey) {}

    /**
     * Stores a signed credential's exact bytes with the columns for querying beside them. A duplicate idempotency
     * key throws {@link IdempotentReplay}, which rolls the caller's transaction (and its status indexes) back.
     */
    void store(Stored credential, Actor by) {
        try {
            jdbc.sql(
                            "insert into issued_credential (id, organization_id, achievement_id, recipient_email, recipient_did,"
                                    + " document, status_list_id, status_index, suspension_list_id, suspension_index,"
                                    + " issuer, issued_at, valid_until, idempotency_key, issued_by)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            credential.id().value(),
                            credential.organization().value(),
                            credential.achievementId(),
                            credential.recipient().orElse(null) instanceof To.Email e
                                    ? e.address().strip().toLowerCase()
                                    : null,
                            credential.recipient().orElse(null) instanceof To.DidSubject d ? d.did() : null,
                            credential.document(),
                            credential.revocation().listId(),
                            credential.revocation().entry().index(),
                            credential
                                    .suspension()
                                    .map(StatusLists.Slot::listId)
                                    .orElse(null),
                            credential
                                    .suspension()
                                    .map(slot -> slot.entry().index())
                                    .orElse(null),
                            credential.issuer().column(),
                            Timestamp.from(credential.issuedAt()),
                            credential.validUntil().map(Timestamp::from).orElse(null),
                            credential.idempotencyKey().orElse(null),
                            by.auditName())
                    .update();
        } catch (DuplicateKeyException raced) {
            // Another request with the same idempotency key committed first: this transaction (and the status
            // indexes it drew) rolls back, and the caller is answered with the first one. Without a key, the clash is
            // the credential's own id (a VC-API caller's urn:uuid issued at the same moment): a conflict.
            if (credential.idempotencyKey().isEmpty()) {
                throw new PlatformException(Problem.CONFLICT, "A credential with this id was issued already.");
            }
            throw new IdempotentReplay(credential.idempotencyKey().get(), raced);
        }
        // In this transaction: the public log's entry commits or rolls back with the credential.
        transparencyLog.append(new LogEvent.CredentialIssued(credential.id().value(), credential.document()));
        // After the insert, outside the try: a listener's own duplicate key must not pass for an idempotent replay.
        events.publishEvent(new CredentialIssued(
                credential.id(),
                credential.organization(),
                credential.recipient().orElse(null) instanceof To.Email email
                        ? Optional.of(email.address().strip().toLowerCase())
                        : Optional.empty()));
    }

    /** Thrown inside the transaction so it rolls back; the API then answers with the earlier credential. */
    public static final class IdempotentReplay extends RuntimeException {
        private final String key;

        IdempotentReplay(String key, Throwable cause) {
            super("replayed idempotency key", cause);
            this.key = key;
        }

        /** The idempotency key whose first request won. */
        public String key() {
            return key;
        }
    }

    /** The credential issued under this idempotency key, as a replay. */
    public Optional<Issuance.Issued> byIdempotencyKey(OrganizationId organization, String key) {
        return jdbc.sql("select id, document from issued_credential where organization_id = ? and idempotency_key = ?")
                .params(organization.value(), key)
                .query((rs, n) ->
                        new Issuance.Issued(new CredentialId(rs.getObject(1, UUID.class)), rs.getString(2), true))
                .optional();
    }

    /** True when a credential with this id was issued here, by any organization. */
    boolean exists(CredentialId id) {
        return jdbc.sql("select count(*) from issued_credential where id = ?")
                        .param(id.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<String> document(OrganizationId organization, CredentialId id) {
        return jdbc.sql("select document from issued_credential where organization_id = ? and id = ?")
                .params(organization.value(), id.value())
                .query(String.class)
                .optional();
    }

    /** A row of the provider's list of issued credentials. */
    public record Summary(
            CredentialId id,
            String achievement,
            @Nullable String recipient,
            CredentialStatus status,
            Instant issuedAt) {}

    private static final String SUMMARY = "select c.id, a.name, coalesce(c.recipient_email, c.recipient_did),"
            + " c.status, c.issued_at from issued_credential c left join achievement a on a.id = c.achievement_id";

    public List<Summary> list(OrganizationId organization, int limit) {
        return jdbc.sql(SUMMARY + " where c.organization_id = ? order by c.issued_at desc limit ?")
                .params(organization.value(), limit)
                .query(IssuedCredentials::summary)
                .list();
    }

    /** One row of the provider's list: for the page that confirms a revocation. */
    public Optional<Summary> summary(OrganizationId organization, CredentialId id) {
        return jdbc.sql(SUMMARY + " where c.organization_id = ? and c.id = ?")
                .params(organization.value(), id.value())
                .query(IssuedCredentials::summary)
                .optional();
    }

    private static Summary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Summary(
                new CredentialId(rs.getObject(1, UUID.class)),
                // A ClrCredential bundles several achievements, so it has no single achievement row.
                rs.getString(2) == null ? "Comprehensive Learner Record" : rs.getString(2),
                rs.getString(3),
                CredentialStatus.ofColumn(rs.getString(4)),
                rs.getTimestamp(5).toInstant());
    }
}
