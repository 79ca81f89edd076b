package org.openler.platform.articulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.articulation.CreditRequests.CreditRequest;
import org.openler.platform.articulation.CreditRequests.Status;
import org.openler.platform.kernel.AccountId;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.problems.PlatformException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reading credit requests: the learner's own, the college's queue (with the learner's name: they asked this college),
 * and the row a decision locks. Each request is shown under the rule version it was made under.
 */
@Component
class CreditRequestReads {

    private final JdbcClient jdbc;

    CreditRequestReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CreditRequest> mine(AccountId learner) {
        return jdbc.sql(SELECT + " where q.account_id = ? order by q.requested_at desc")
                .param(learner.value())
                .query(this::view)
                .list();
    }

    public List<CreditRequest> queue(OrganizationId college, Optional<Status> status) {
        return jdbc
                .sql(SELECT + " where q.organization_id = ?" + (status.isPresent() ? " and q.status = ?" : "")
                        + " order by q.requested_at")
                .params(
                        status.isPresent()
                                ? List.of(college.value(), status.get().name())
                                : List.of(college.value()))
                .query(this::view)
                .list()
                .stream()
                .map(r -> withLearner(college, r))
                .toList();
    }

    /** One request of the college's queue, with the learner's name (they asked this college for credit). */
    public CreditRequest inQueue(OrganizationId college, UUID id) {
        return jdbc.sql(SELECT + " where q.organization_id = ? and q.id = ?")
                .params(college.value(), id)
                .query(this::view)
                .optional()
                .map(r -> withLearner(college, r))
                .orElseThrow(() -> PlatformException.notFound("The credit request"));
    }

    private CreditRequest withLearner(OrganizationId college, CreditRequest r) {
        String name = jdbc.sql("select a.display_name from articulation_request q join account a on a.id = q.account_id"
                        + " where q.id = ?")
                .param(r.id())
                .query(String.class)
                .optional()
                .orElse("");
        return new CreditRequest(
                r.id(),
                r.rule(),
                r.ruleVersion(),
                r.college(),
                r.collegeName(),
                r.sourceName(),
                r.courses(),
                r.credits(),
                r.status(),
                r.verified(),
                r.verification(),
                r.reason(),
                r.credentials(),
                r.awarded(),
                r.requestedAt(),
                r.decidedAt(),
                name);
    }

    public CreditRequest get(UUID id) {
        return jdbc.sql(SELECT + " where q.id = ?")
                .param(id)
                .query(this::view)
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The credit request"));
    }

    public CreditRequest mine(AccountId learner, UUID id) {
        return jdbc.sql(SELECT + " where q.id = ? and q.account_id = ?")
                .params(id, learner.value())
                .query(this::view)
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The credit request"));
    }

    Optional<CreditRequest> byRule(AccountId learner, UUID rule) {
        return jdbc.sql(SELECT + " where q.account_id = ? and q.rule_id = ?")
                .params(learner.value(), rule)
                .query(this::view)
                .optional();
    }

    record Row(
            UUID id,
            AccountId account,
            UUID rule,
            int ruleVersion,
            UUID credential,
            @Nullable UUID share,
            Status status,
            boolean verified) {}

    Row lock(OrganizationId college, UUID id) {
        return jdbc.sql("select id, account_id, rule_id, rule_version, credential_id, share_id, status, verified"
                        + " from articulation_request where id = ? and organization_id = ? for update")
                .params(id, college.value())
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        new AccountId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class),
                        rs.getInt(4),
                        rs.getObject(5, UUID.class),
                        rs.getObject(6, UUID.class),
                        Status.valueOf(rs.getString(7)),
                        rs.getBoolean(8)))
                .optional()
                .orElseThrow(() -> PlatformException.notFound("The credit request"));
    }

    private static final String SELECT = "select q.id, q.rule_id, q.rule_version, q.organization_id, q.status,"
            + " q.verified, q.verification, q.reason, q.credentials, q.requested_at, q.decided_at, v.document"
            + " from articulation_request q join articulation_rule_version v on v.rule_id = q.rule_id"
            + " and v.version = q.rule_version";

    private CreditRequest view(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        ArticulationRule rule = RuleDocuments.read(new OrganizationId(rs.getObject(4, UUID.class)), rs.getString(12));
        List<UUID> awarded = jdbc.sql(
                        "select credential_id from articulation_award where request_id = ? order by position")
                .param(id)
                .query(UUID.class)
                .list();
        List<String> credentials = new ArrayList<>();
        RuleDraft.JSON.readTree(rs.getString(9)).forEach(c -> credentials.add(c.asString()));
        Timestamp decided = rs.getTimestamp(11);
        return new CreditRequest(
                id,
                rs.getObject(2, UUID.class),
                rs.getInt(3),
                rule.collegeSlug(),
                rule.collegeName(),
                rule.source().name(),
                rule.courses(),
                rule.totalCredits(),
                Status.valueOf(rs.getString(5)),
                rs.getBoolean(6),
                rs.getString(7),
                rs.getString(8),
                credentials,
                awarded,
                rs.getTimestamp(10).toInstant(),
                decided == null ? null : decided.toInstant(),
                null);
    }
}
