package org.openler.platform.articulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openler.platform.kernel.OrganizationId;
import org.openler.platform.web.Uploads;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The articulation import jobs' table ({@code V52}): submitting a file, reading a job's progress, and the worker's
 * claim, start, per-rule progress and end. A job's progress row is updated in the transaction that saves each rule
 * ({@link RuleImportWorker}), so what it says is done is exactly what is saved.
 */
@Component
class RuleImportJobs {

    /** Row errors a job keeps (the rest are counted). */
    static final int MAX_ERRORS = 1000;

    enum Format {
        CSV,
        CTDL
    }

    enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    /** A job as the college sees it: rules done of the total, and the refused rows so far. */
    record Status(
            UUID id,
            String format,
            String state,
            @Nullable Integer total,
            int done,
            int created,
            int updated,
            int errorCount,
            List<RuleImport.RowError> errors,
            @Nullable String failure,
            Instant submittedAt,
            @Nullable Instant finishedAt) {

        public boolean finished() {
            return state.equals("done") || state.equals("failed");
        }

        public int percent() {
            return total == null || total == 0 ? (finished() ? 100 : 0) : (int) (100L * done / total);
        }
    }

    /** A claimed job: what the worker needs to continue it. */
    record Claimed(
            UUID id,
            OrganizationId organization,
            Format format,
            byte[] body,
            @Nullable Integer total,
            int done) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    RuleImportJobs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A job, and whether this submission made it (false: the same submission key made it before). */
    record Submitted(Status status, boolean created) {}

    /** A new job for the file, or the job this submission key already made (re-sending makes no second job). */
    Submitted submit(OrganizationId college, Format format, byte[] body, String submittedBy, Optional<String> key) {
        Optional<String> submission = Uploads.submissionKey(key);
        if (submission.isPresent()) {
            Optional<Status> earlier = bySubmissionKey(college, submission.get());
            if (earlier.isPresent()) {
                return new Submitted(earlier.get(), false);
            }
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("insert into articulation_import (id, organization_id, submitted_by, submitted_at, format, body,"
                            + " submission_key) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            college.value(),
                            submittedBy,
                            Timestamp.from(clock.instant()),
                            format.name(),
                            body,
                            submission.orElse(null))
                    .update();
        } catch (DuplicateKeyException sameKeyAtOnce) {
            return new Submitted(
                    bySubmissionKey(college, submission.orElseThrow()).orElseThrow(), false);
        }
        return new Submitted(status(college, id).orElseThrow(), true);
    }

    private Optional<Status> bySubmissionKey(OrganizationId college, String key) {
        return jdbc.sql(SELECT + " where organization_id = ? and submission_key = ?")
                .params(college.value(), key)
                .query(RuleImportJobs::status)
                .optional();
    }

    Optional<Status> status(OrganizationId college, UUID id) {
        return jdbc.sql(SELECT + " where organization_id = ? and id = ?")
                .params(college.value(), id)
                .query(RuleImportJobs::status)
                .optional();
    }

    List<Status> recent(OrganizationId college, int limit) {
        return jdbc.sql(SELECT + " where organization_id = ? order by submitted_at desc limit ?")
                .params(college.value(), limit)
                .query(RuleImportJobs::status)
                .list();
    }

    /**
     * Takes the oldest waiting job, or a running one whose worker stopped beating (it died): claims never overlap,
     * since the row is locked and skipped by other workers while it is being claimed.
     */
    @Transactional
    Optional<Claimed> claim(String worker, Duration stale) {
        Instant now = clock.instant();
        Timestamp expired = Timestamp.from(now.minus(stale));
        // select-for-update, then update, then read back: the portable form (H2, which the demo runs on, has neither
        // UPDATE ... RETURNING nor a locking subquery; the bulk jobs claim the same way)
        Optional<UUID> id = jdbc.sql("select id from articulation_import where state = 'QUEUED'"
                        + " or (state = 'RUNNING' and heartbeat_at < ?) order by submitted_at limit 1"
                        + " for update skip locked")
                .param(expired)
                .query(UUID.class)
                .optional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        int claimed = jdbc.sql("update articulation_import set state = 'RUNNING', claimed_by = ?, heartbeat_at = ?"
                        + " where id = ? and (state = 'QUEUED' or (state = 'RUNNING' and heartbeat_at < ?))")
                .params(worker, Timestamp.from(now), id.get(), expired)
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select id, organization_id, format, body, total, done from articulation_import where id = ?")
                .param(id.get())
                .query((rs, n) -> new Claimed(
                        rs.getObject(1, UUID.class),
                        new OrganizationId(rs.getObject(2, UUID.class)),
                        Format.valueOf(rs.getString(3)),
                        rs.getBytes(4),
                        (Integer) rs.getObject(5),
                        rs.getInt(6)))
                .optional();
    }

    /** The file was read: how many rules it holds, and the rows refused while reading it. */
    void start(UUID id, int total, List<RuleImport.RowError> early) {
        ArrayNode errors = RuleDraft.JSON.createArrayNode();
        early.stream().limit(MAX_ERRORS).forEach(e -> add(errors, e));
        jdbc.sql("update articulation_import set total = ?, errors = ?, error_count = ?, heartbeat_at = ?"
                        + " where id = ? and total is null")
                .params(total, errors.toString(), early.size(), Timestamp.from(clock.instant()), id)
                .update();
    }

    /**
     * Locks the job for one rule and says which unit comes next, if this worker still holds it (another worker that
     * took over a job believed dead makes this one stop).
     */
    Optional<Integer> next(UUID id, String worker) {
        return jdbc.sql("select done from articulation_import where id = ? and claimed_by = ? and state = 'RUNNING'"
                        + " for update")
                .params(id, worker)
                .query(Integer.class)
                .optional();
    }

    enum Outcome {
        CREATED,
        UPDATED,
        REFUSED
    }

    /** One more unit handled, in the transaction that saved it. */
    void advance(UUID id, Outcome outcome, RuleImport.@Nullable RowError error) {
        String errors = jdbc.sql("select errors from articulation_import where id = ?")
                .param(id)
                .query(String.class)
                .single();
        if (error != null) {
            ArrayNode list = (ArrayNode) RuleDraft.JSON.readTree(errors);
            if (list.size() < MAX_ERRORS) {
                add(list, error);
                errors = list.toString();
            }
        }
        jdbc.sql("update articulation_import set done = done + 1, created = created + ?, updated = updated + ?,"
                        + " error_count = error_count + ?, errors = ?, heartbeat_at = ? where id = ?")
                .params(
                        outcome == Outcome.CREATED ? 1 : 0,
                        outcome == Outcome.UPDATED ? 1 : 0,
                        error == null ? 0 : 1,
                        errors,
                        Timestamp.from(clock.instant()),
                        id)
                .update();
    }

    /** Every unit handled: done, and the file is no longer kept. */
    void finish(UUID id) {
        jdbc.sql("update articulation_import set state = 'DONE', finished_at = ?, body = ?, claimed_by = null"
                        + " where id = ?")
                .params(Timestamp.from(clock.instant()), new byte[0], id)
                .update();
    }

    /** The whole file refused (not CSV, not JSON, no header): nothing was saved. */
    void fail(UUID id, String why) {
        jdbc.sql("update articulation_import set state = 'FAILED', failure = ?, finished_at = ?, body = ?,"
                        + " claimed_by = null where id = ?")
                .params(ArticulationRules.cut(why, 500), Timestamp.from(clock.instant()), new byte[0], id)
                .update();
    }

    /** This worker stops (its time slice ended, or it shuts down): the job waits for the next, where it stands. */
    void release(UUID id, String worker) {
        jdbc.sql("update articulation_import set state = 'QUEUED', claimed_by = null where id = ? and claimed_by = ?"
                        + " and state = 'RUNNING'")
                .params(id, worker)
                .update();
    }

    private static void add(ArrayNode errors, RuleImport.RowError e) {
        errors.addObject().put("row", e.row()).put("code", e.code()).put("reason", e.reason());
    }

    private static final String SELECT = "select id, format, state, total, done, created, updated, error_count,"
            + " errors, failure, submitted_at, finished_at from articulation_import";

    private static Status status(ResultSet rs, int n) throws SQLException {
        List<RuleImport.RowError> errors = new ArrayList<>();
        for (JsonNode e : RuleDraft.JSON.readTree(rs.getString(9))) {
            errors.add(new RuleImport.RowError(
                    e.path("row").asInt(),
                    e.path("code").asString(""),
                    e.path("reason").asString("")));
        }
        Timestamp finished = rs.getTimestamp(12);
        return new Status(
                rs.getObject(1, UUID.class),
                rs.getString(2).toLowerCase(Locale.ROOT),
                rs.getString(3).toLowerCase(Locale.ROOT),
                (Integer) rs.getObject(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8),
                errors,
                rs.getString(10),
                rs.getTimestamp(11).toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
