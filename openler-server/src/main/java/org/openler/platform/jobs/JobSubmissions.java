package org.openler.platform.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openler.platform.kernel.JobId;
import org.openler.platform.kernel.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code Idempotency-Key}s of job postings (table {@code job_submission}): which jobs a key made and a fingerprint
 * of the request that made them. The key itself is read as every other submission key is
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
        return jdbc.sql("select job_ids, request_sha256 from job_submission where organization_id = ? and"
                        + " submission_key = ?")
                .params(organization.value(), key)
                .query((rs, n) -> new Submission(jobIds(rs.getString(1)), rs.getString(2)))
                .optional();
    }

    /** Records the key; a {@code DuplicateKeyException} when another request with it committed first. */
    void insert(OrganizationId organization, String key, String requestSha256, List<JobId> jobs, Instant now) {
        jdbc.sql("insert into job_submission (organization_id, submission_key, request_sha256, job_ids, submitted_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(
                        organization.value(),
                        key,
                        requestSha256,
                        String.join(
                                ",",
                                jobs.stream().map(j -> j.value().toString()).toList()),
                        Timestamp.from(now))
                .update();
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

    private static List<JobId> jobIds(String ids) {
        return Arrays.stream(ids.split(","))
                .map(id -> new JobId(UUID.fromString(id)))
                .toList();
    }
}
