package org.openler.platform.corrections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditEvent;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.privacy.Access;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.wallet.HeldCredentialId;
import org.openler.platform.wallet.Wallet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Correction requests, scoped by the person on one side and by the organization on the other. Public for the demo,
 * which seeds one; pages are this package's own.
 */
@Service
public class CorrectionRequests {

    static final int MAX_TEXT = 4000;
    static final int MAX_LISTED = 200;

    private static final String SELECT = "select r.id, r.organization_id, o.name, r.wallet_credential_id,"
            + " r.credential_name, r.message, r.state, r.reply, r.created_at, r.answered_at, a.display_name"
            + " from correction_request r join organization o on o.id = r.organization_id"
            + " join account a on a.id = r.account_id";

    private final JdbcClient jdbc;
    private final Wallet wallet;
    private final AuditLog audit;
    private final Clock clock;

    CorrectionRequests(JdbcClient jdbc, Wallet wallet, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.wallet = wallet;
        this.audit = audit;
        this.clock = clock;
    }

    /** Asks the issuer of one of the person's credentials (issued on this platform) to correct it. */
    @Transactional
    public UUID request(Actor.Person person, HeldCredentialId heldCredential, String message) {
        String text = text(message, "message", "Say what is wrong, in up to " + MAX_TEXT + " characters.");
        Wallet.IssuedHere held = wallet.issuedHere(person.accountId()).stream()
                .filter(h -> h.id().equals(heldCredential.value()))
                .findFirst()
                .orElseThrow(() -> PlatformException.invalid(
                        "credential", "Choose one of your credentials issued by an organization on OpenLER."));
        UUID id = UUID.randomUUID();
        insert(id, person.accountId(), held.organization(), held.id(), held.name(), text, "OPEN", null, null);
        audit.record(
                AuditEvent.success(AuditAction.CORRECTION_REQUESTED, person, held.organization(), "correction:" + id));
        return id;
    }

    void insert(
            UUID id,
            AccountId owner,
            OrganizationId organization,
            @Nullable UUID walletCredential,
            String credentialName,
            String message,
            String state,
            @Nullable String reply,
            @Nullable Instant answeredAt) {
        jdbc.sql("insert into correction_request (id, account_id, organization_id, wallet_credential_id,"
                        + " credential_name, message, state, reply, created_at, answered_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        owner.value(),
                        organization.value(),
                        walletCredential,
                        credentialName,
                        message,
                        state,
                        reply,
                        Timestamp.from(clock.instant()),
                        answeredAt == null ? null : Timestamp.from(answeredAt))
                .update();
    }

    /** How many requests the person sent (for seeding once). */
    public long count(AccountId owner) {
        return jdbc.sql("select count(*) from correction_request where account_id = ?")
                .param(owner.value())
                .query(Long.class)
                .single();
    }

    List<CorrectionRequest> mine(AccountId owner) {
        return jdbc.sql(SELECT + " where r.account_id = ? order by r.created_at desc limit " + MAX_LISTED)
                .param(owner.value())
                .query(CorrectionRequests::row)
                .list();
    }

    /**
     * The requests addressed to the organization, as its staff read them: each read is recorded, so the person sees
     * on their privacy center that the organization read their request, and when.
     */
    @Transactional
    List<CorrectionRequest> toOrganization(OrganizationId organization) {
        List<CorrectionRequest> listed = jdbc.sql(
                        SELECT + " where r.organization_id = ? order by r.state = 'OPEN' desc, r.created_at desc"
                                + " limit " + MAX_LISTED)
                .param(organization.value())
                .query(CorrectionRequests::row)
                .list();
        Timestamp now = Timestamp.from(clock.instant());
        for (CorrectionRequest request : listed) {
            jdbc.sql("insert into correction_access (request_id, organization_id, accessed_at) values (?, ?, ?)")
                    .params(request.id(), organization.value(), now)
                    .update();
        }
        return listed;
    }

    /** Who read the person's requests, and who answered them, newest first. */
    List<Access> accesses(AccountId owner) {
        List<Access> all =
                new ArrayList<>(jdbc.sql("select a.accessed_at, o.name, r.credential_name from correction_access a"
                                + " join correction_request r on r.id = a.request_id"
                                + " join organization o on o.id = a.organization_id"
                                + " where r.account_id = ? order by a.accessed_at desc limit " + MAX_LISTED)
                        .param(owner.value())
                        .query((rs, n) -> new Access(
                                rs.getTimestamp(1).toInstant(),
                                rs.getString(2),
                                "Read your correction request about " + rs.getString(3)))
                        .list());
        for (CorrectionRequest request : mine(owner)) {
            if (request.answeredAt() != null) {
                all.add(new Access(
                        request.answeredAt(),
                        request.organizationName(),
                        "Answered your correction request about " + request.credentialName()));
            }
        }
        all.sort(Comparator.comparing(Access::at).reversed());
        return all;
    }

    /** The organization answers a request addressed to it, once. Another organization's request is "not found". */
    @Transactional
    void answer(OrganizationId organization, UUID request, CorrectionRequest.State outcome, String reply, Actor by) {
        if (outcome == CorrectionRequest.State.OPEN) {
            throw PlatformException.invalid("outcome", "Choose resolved or declined.");
        }
        String text = text(reply, "reply", "Write a reply to the person, in up to " + MAX_TEXT + " characters.");
        int changed = jdbc.sql("update correction_request set state = ?, reply = ?, answered_at = ?"
                        + " where organization_id = ? and id = ? and state = 'OPEN'")
                .params(outcome.name(), text, Timestamp.from(clock.instant()), organization.value(), request)
                .update();
        if (changed != 1) {
            boolean exists = jdbc.sql("select count(*) from correction_request where organization_id = ? and id = ?")
                            .params(organization.value(), request)
                            .query(Integer.class)
                            .single()
                    == 1;
            throw exists
                    ? PlatformException.conflict("This request was answered already.")
                    : PlatformException.notFound("The correction request");
        }
        audit.record(AuditEvent.success(AuditAction.CORRECTION_ANSWERED, by, organization, "correction:" + request)
                .withDetail(outcome.name()));
    }

    private static String text(String value, String field, String message) {
        String clean = value.strip();
        if (clean.isEmpty() || clean.length() > MAX_TEXT) {
            throw PlatformException.invalid(field, message);
        }
        return clean;
    }

    private static CorrectionRequest row(ResultSet rs, int n) throws SQLException {
        return new CorrectionRequest(
                rs.getObject(1, UUID.class),
                new OrganizationId(rs.getObject(2, UUID.class)),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                rs.getString(6),
                CorrectionRequest.State.valueOf(rs.getString(7)),
                rs.getString(8),
                rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                rs.getString(11));
    }
}
