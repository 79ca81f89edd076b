package org.openler.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * V63 moves the jobs of each {@code Idempotency-Key} out of V62's comma-separated column into rows, in order. Run on
 * an in-memory H2 in PostgreSQL mode (the demo's database; the ITs run every migration on PostgreSQL), with the two
 * real scripts and stand-ins for the tables they reference.
 */
class JobSubmissionMigrationTests {

    static final String ORG = "00000000-0000-0000-0000-00000000000a";

    static String job(int n) {
        return "10000000-0000-0000-0000-%012d".formatted(n);
    }

    @Test
    void everyKeysJobsBecomeRowsInThePostingsOrderAndTheOldColumnGoes() throws SQLException {
        try (Connection db = DriverManager.getConnection(
                        "jdbc:h2:mem:v63;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
                Statement sql = db.createStatement()) {
            sql.execute("create table organization (id uuid primary key)");
            sql.execute("create table job (id uuid primary key)");
            ScriptUtils.executeSqlScript(db, new ClassPathResource("db/migration/V62__job_submission.sql"));
            sql.execute("insert into organization values ('" + ORG + "')");
            List<String> twenty = new ArrayList<>();
            for (int n = 1; n <= 22; n++) {
                sql.execute("insert into job values ('" + job(n) + "')");
                if (n > 2) {
                    twenty.add(job(n));
                }
            }
            submission(sql, "one", job(1));
            submission(sql, "two", job(2) + "," + job(1));
            submission(sql, "twenty", String.join(",", twenty.reversed()));

            ScriptUtils.executeSqlScript(db, new ClassPathResource("db/migration/V63__job_submission_jobs.sql"));

            assertThat(jobs(sql, "one")).containsExactly(job(1));
            assertThat(jobs(sql, "two")).as("the posting's order, not the ids'").containsExactly(job(2), job(1));
            assertThat(jobs(sql, "twenty"))
                    .as("as many as one posting makes (HrOpenPositions.MAX_PROFILES)")
                    .hasSize(HrOpenPositions.MAX_PROFILES)
                    .containsExactlyElementsOf(twenty.reversed());
            try (ResultSet columns = db.getMetaData().getColumns(null, null, "job_submission", "job_ids")) {
                assertThat(columns.next()).as("job_ids is dropped").isFalse();
            }
        }
    }

    private static void submission(Statement sql, String key, String jobIds) throws SQLException {
        sql.execute(
                "insert into job_submission (organization_id, submission_key, request_sha256, job_ids, submitted_at)"
                        + " values ('" + ORG + "', '" + key + "', 'x', '" + jobIds + "', current_timestamp)");
    }

    private static List<String> jobs(Statement sql, String key) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(
                "select job_id from job_submission_job where submission_key = '" + key + "' order by ordinal")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
