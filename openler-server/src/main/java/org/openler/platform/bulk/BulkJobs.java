package org.openler.platform.bulk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.kernel.Actor;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.status.CredentialId;
import org.openler.platform.web.Uploads;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk issuance jobs in the database: a job with one row per CSV line, claimed by workers of any instance in small
 * batches ({@code for update skip locked}), each row issued with its own idempotency key. A row's key is the CSV's,
 * or {@code bulk:<job>:<row>} when the CSV gives none, so a row re-run after a crash returns the credential its first
 * run made.
 */
@Service
class BulkJobs {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BulkProperties properties;
    private final Clock clock;
    private final Achievements achievements;

    BulkJobs(
            JdbcClient jdbc, JdbcTemplate template, BulkProperties properties, Clock clock, Achievements achievements) {
        this.achievements = achievements;
        this.jdbc = jdbc;
        this.template = template;
        this.properties = properties;
        this.clock = clock;
    }

    /** A job as the submitter sees it after the upload: new, or the one an earlier upload with the same key made. */
    record Submitted(UUID id, boolean created) {}

    /** Thrown inside the transaction when another upload with the same key committed first; the caller re-reads. */
    static final class SubmissionReplay extends RuntimeException {
        final String key;

        SubmissionReplay(String key, Throwable cause) {
            super("replayed bulk submission key", cause);
            this.key = key;
        }
    }

    @Transactional
    Submitted submit(OrganizationId organization, byte[] csv, Optional<String> submissionKey, Actor by) {
        Optional<String> key = Uploads.submissionKey(submissionKey);
        if (key.isPresent()) {
            Optional<UUID> earlier = bySubmissionKey(organization, key.get());
            if (earlier.isPresent()) {
                return new Submitted(earlier.get(), false);
            }
        }
        List<BulkCsv.Row> rows = BulkCsv.parse(csv, properties.maxRows());
        List<AchievementDefinition> defined = achievements.list(organization);
        if (rows.stream().anyMatch(r -> r.achievementName() != null)) {
            Map<UUID, String> names = new LinkedHashMap<>();
            defined.forEach(a -> names.put(a.id(), a.name()));
            rows = BulkCsv.named(rows, names);
        }
        Map<Integer, String> reasons = new HashMap<>();
        if (rows.stream().anyMatch(r -> r.results() != null)) {
            Map<UUID, AchievementDefinition> byId = new HashMap<>();
            defined.forEach(a -> byId.put(a.id(), a));
            rows = BulkCsv.checkResults(rows, byId, reasons);
        }
        UUID job = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("insert into bulk_job (id, organization_id, submitted_by, submitted_at, total, submission_key)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(job, organization.value(), by.auditName(), now, rows.size(), key.orElse(null))
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new SubmissionReplay(key.orElseThrow(), raced);
        }
        template.batchUpdate(
                "insert into bulk_row (id, job_id, row_number, queued_at, achievement_id, recipient_email,"
                        + " recipient_did, valid_until, idempotency_key, state, error_code, error, finished_at, results)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
                500,
                (statement, row) -> {
                    BulkRowError error = row.error().orElse(null);
                    statement.setObject(1, UUID.randomUUID());
                    statement.setObject(2, job);
                    statement.setInt(3, row.number());
                    statement.setTimestamp(4, now);
                    statement.setObject(5, row.achievementId());
                    statement.setString(6, row.email());
                    statement.setString(7, row.did());
                    statement.setTimestamp(8, row.validUntil() == null ? null : Timestamp.from(row.validUntil()));
                    statement.setString(
                            9, row.idempotencyKey() != null ? row.idempotencyKey() : derivedKey(job, row.number()));
                    statement.setString(10, error == null ? "PENDING" : "FAILED");
                    statement.setString(11, error == null ? null : error.code());
                    statement.setString(12, error == null ? null : reasons.getOrDefault(row.number(), error.reason()));
                    statement.setTimestamp(13, error == null ? null : now);
                    statement.setString(14, row.results());
                });
        return new Submitted(job, true);
    }

    /** The organization's achievements by id: their names, for rows that name theirs. */
    Map<UUID, String> names(OrganizationId organization) {
        Map<UUID, String> names = new LinkedHashMap<>();
        achievements.list(organization).forEach(a -> names.put(a.id(), a.name()));
        return names;
    }

    /** One of the organization's achievements, for its file to fill in. */
    Optional<AchievementDefinition> achievement(OrganizationId organization, UUID id) {
        return achievements.find(organization, id);
    }

    /** The idempotency key of a row whose CSV line gave none: stable across re-runs of the same job. */
    static String derivedKey(UUID job, int row) {
        return "bulk:" + job + ":" + row;
    }

    Optional<UUID> bySubmissionKey(OrganizationId organization, String key) {
        return jdbc.sql("select id from bulk_job where organization_id = ? and submission_key = ?")
                .params(organization.value(), key.strip())
                .query(UUID.class)
                .optional();
    }

    /** One row's outcome as reported: issued (with its credential) or failed (with a code and a reason). */
    record RowResult(
            int row,
            @Nullable UUID credentialId,
            @Nullable String code,
            @Nullable String reason) {}

    /** A job's progress. {@code issued} is filled only when asked for. */
    record Progress(
            UUID id,
            Instant submittedAt,
            int total,
            int done,
            int failed,
            List<RowResult> errors,
            List<RowResult> issued) {

        public int pending() {
            return total - done - failed;
        }

        public boolean finished() {
            return pending() == 0;
        }

        /** When it was submitted, for pages: {@code yyyy-MM-dd HH:mm:ss} in UTC. */
        public String submittedUtc() {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .withZone(ZoneOffset.UTC)
                    .format(submittedAt);
        }
    }

    Optional<Progress> progress(OrganizationId organization, UUID job, boolean withIssued) {
        record Head(Instant submittedAt, int total) {}
        Optional<Head> head = jdbc.sql("select submitted_at, total from bulk_job where organization_id = ? and id = ?")
                .params(organization.value(), job)
                .query((rs, n) -> new Head(rs.getTimestamp(1).toInstant(), rs.getInt(2)))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        int[] counts = new int[2];
        jdbc.sql("select state, count(*) from bulk_row where job_id = ? and state <> 'PENDING' group by state")
                .param(job)
                .query(rs -> {
                    counts["DONE".equals(rs.getString(1)) ? 0 : 1] = rs.getInt(2);
                });
        List<RowResult> errors = jdbc.sql("select row_number, error_code, error from bulk_row where job_id = ?"
                        + " and state = 'FAILED' order by row_number limit 5000")
                .param(job)
                .query((rs, n) -> new RowResult(rs.getInt(1), null, rs.getString(2), rs.getString(3)))
                .list();
        List<RowResult> issued = withIssued
                ? jdbc.sql("select row_number, credential_id from bulk_row where job_id = ? and state = 'DONE'"
                                + " order by row_number")
                        .param(job)
                        .query((rs, n) -> new RowResult(rs.getInt(1), rs.getObject(2, UUID.class), null, null))
                        .list()
                : List.of();
        return Optional.of(
                new Progress(job, head.get().submittedAt(), head.get().total(), counts[0], counts[1], errors, issued));
    }

    /** The organization's latest jobs, newest first, with their counts (no rows). */
    List<Progress> recent(OrganizationId organization, int limit) {
        return jdbc.sql("select j.id, j.submitted_at, j.total,"
                        + " coalesce(sum(case when r.state = 'DONE' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when r.state = 'FAILED' then 1 else 0 end), 0)"
                        + " from bulk_job j left join bulk_row r on r.job_id = j.id where j.organization_id = ?"
                        + " group by j.id, j.submitted_at, j.total order by j.submitted_at desc limit ?")
                .params(organization.value(), limit)
                .query((rs, n) -> new Progress(
                        rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        List.of(),
                        List.of()))
                .list();
    }

    /** A row a worker holds: everything needed to issue it, and the claim that proves it holds it. */
    record Claimed(
            UUID rowId,
            UUID claim,
            UUID jobId,
            int rowNumber,
            UUID organizationId,
            String submittedBy,
            UUID achievementId,
            @Nullable String email,
            @Nullable String did,
            @Nullable Instant validUntil,
            String idempotencyKey,
            int attempts,
            @Nullable String results) {}

    /**
     * Claims up to {@code limit} pending rows that nobody holds, or whose claim expired (a crashed worker's). The
     * rows are locked with {@code skip locked} while claimed, so concurrent workers on any instance take different
     * rows; the update re-checks the condition and the rows are read back by this claim's id, so only rows this
     * call really claimed are returned.
     */
    @Transactional
    List<Claimed> claim(String worker, int limit) {
        Instant now = clock.instant();
        Timestamp stale = Timestamp.from(now.minus(properties.claimTimeout()));
        List<UUID> ids = jdbc.sql("select id from bulk_row where state = 'PENDING' and (claimed_at is null or"
                        + " claimed_at < ?) order by queued_at, row_number limit ? for update skip locked")
                .params(stale, limit)
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID claim = UUID.randomUUID();
        jdbc.sql("update bulk_row set claim = :claim, claimed_by = :worker, claimed_at = :now, attempts = attempts + 1"
                        + " where id in (:ids) and state = 'PENDING' and (claimed_at is null or claimed_at < :stale)")
                .param("claim", claim)
                .param("worker", worker.length() > 100 ? worker.substring(0, 100) : worker)
                .param("now", Timestamp.from(now))
                .param("ids", ids)
                .param("stale", stale)
                .update();
        return new ArrayList<>(jdbc.sql("select r.id, r.job_id, r.row_number, j.organization_id, j.submitted_by,"
                        + " r.achievement_id, r.recipient_email, r.recipient_did, r.valid_until, r.idempotency_key,"
                        + " r.attempts, r.results from bulk_row r join bulk_job j on j.id = r.job_id where r.claim = ?"
                        + " order by r.row_number")
                .param(claim)
                .query((rs, n) -> new Claimed(
                        rs.getObject(1, UUID.class),
                        claim,
                        rs.getObject(2, UUID.class),
                        rs.getInt(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                        rs.getString(10),
                        rs.getInt(11),
                        rs.getString(12)))
                .list());
    }

    /** Records the row's credential; in the issuing transaction, so a row is DONE exactly when its credential is. */
    void done(Claimed row, CredentialId credential) {
        jdbc.sql("update bulk_row set state = 'DONE', credential_id = ?, finished_at = ?, error_code = null,"
                        + " error = null where id = ? and state = 'PENDING'")
                .params(credential.value(), Timestamp.from(clock.instant()), row.rowId())
                .update();
    }

    /** Gives a claimed row back untouched (a worker that stops), so that any worker may take it without waiting. */
    void release(Claimed row) {
        jdbc.sql("update bulk_row set claim = null, claimed_by = null, claimed_at = null where id = ? and claim = ?"
                        + " and state = 'PENDING'")
                .params(row.rowId(), row.claim())
                .update();
    }

    @Transactional
    void failed(Claimed row, BulkRowError error, String reason) {
        jdbc.sql("update bulk_row set state = 'FAILED', error_code = ?, error = ?, finished_at = ? where id = ?"
                        + " and state = 'PENDING'")
                .params(
                        error.code(),
                        reason.length() > 500 ? reason.substring(0, 500) : reason,
                        Timestamp.from(clock.instant()),
                        row.rowId())
                .update();
    }
}
