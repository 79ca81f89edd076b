package org.openler.platform.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.JobId;
import org.openler.platform.kernel.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code Idempotency-Key}s of job postings (table {@code job_submission}): which jobs a key made (table
 * {@code job_submission_job}, in the posting's order) and a fingerprint of the request that made them. The key itself is read as every other submission key is
 * ({@code web.Uploads.submissionKey}); a race between two requests with one key is settled by the primary key.
 */
@Repository
class JobSubmissions {

    /** The jobs a key made, in the posting's order, and the fingerprint of the request that made them. */
    record Submission(List<JobId> jobs, String requestSha256) {}

    private final JdbcClient jdbc;

    JobSubmissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Submission> find(OrganizationId organization, String key) {
        // one statement, so the key and its jobs are read as of one moment (they are written in one transaction)
        List<Map.Entry<String, Optional<JobId>>> rows = jdbc.sql(
                        "select s.request_sha256, j.job_id from job_submission s left join job_submission_job j"
                                + " on j.organization_id = s.organization_id and j.submission_key = s.submission_key"
                                + " where s.organization_id = ? and s.submission_key = ? order by j.ordinal")
                .params(organization.value(), key)
                .query((rs, n) -> Map.entry(
                        rs.getString(1),
                        Optional.ofNullable(rs.getObject(2, UUID.class)).map(JobId::new)))
                .list();
        return rows.isEmpty()
                ? Optional.empty()
                : Optional.of(new Submission(
                        rows.stream().flatMap(r -> r.getValue().stream()).toList(),
                        rows.getFirst().getKey()));
    }

    /**
     * Records the key and its jobs (in the caller's transaction, so a key is never recorded without its jobs); a
     * {@code DuplicateKeyException} when another request with it committed first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void insert(OrganizationId organization, String key, String requestSha256, List<JobId> jobs, Instant now) {
        jdbc.sql("insert into job_submission (organization_id, submission_key, request_sha256, submitted_at)"
                        + " values (?, ?, ?, ?)")
                .params(organization.value(), key, requestSha256, Timestamp.from(now))
                .update();
        for (int i = 0; i < jobs.size(); i++) {
            jdbc.sql("insert into job_submission_job (organization_id, submission_key, ordinal, job_id)"
                            + " values (?, ?, ?, ?)")
                    .params(organization.value(), key, i, jobs.get(i).value())
                    .update();
        }
    }

    /** The SHA-256 of a request: its {@code ?format} and its JSON as parsed (spacing and escapes do not count). */
    static String fingerprint(String format, String json) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((format + "\n" + json).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
