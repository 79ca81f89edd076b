package org.openler.platform.articulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The import worker's claim runs on H2, the demo's database, as on PostgreSQL: it once used {@code UPDATE ...
 * RETURNING} around a locking subquery, which H2 refuses, so the demo's import jobs never ran. The table here is the
 * V52 table's columns that the claim reads and writes.
 */
class RuleImportClaimOnH2Tests {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aWaitingJobIsClaimedOnceAndADeadWorkersJobIsTakenOverOnH2() throws Exception {
        Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("demo") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "openler", "");
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        jdbc.sql("create table articulation_import (id uuid primary key, organization_id uuid not null,"
                        + " submitted_at timestamp with time zone not null, format varchar(4) not null,"
                        + " body bytea not null, state varchar(8) not null default 'QUEUED', total integer,"
                        + " done integer not null default 0, claimed_by varchar(100),"
                        + " heartbeat_at timestamp with time zone)")
                .update();
        UUID waiting = UUID.randomUUID();
        UUID abandoned = UUID.randomUUID();
        jdbc.sql("insert into articulation_import (id, organization_id, submitted_at, format, body)"
                        + " values (?, ?, ?, 'CSV', ?)")
                .params(waiting, UUID.randomUUID(), Timestamp.from(NOW.minusSeconds(30)), new byte[] {1})
                .update();
        jdbc.sql("insert into articulation_import (id, organization_id, submitted_at, format, body, state, done,"
                        + " claimed_by, heartbeat_at) values (?, ?, ?, 'CTDL', ?, 'RUNNING', 7, 'dead', ?)")
                .params(
                        abandoned,
                        UUID.randomUUID(),
                        Timestamp.from(NOW.minusSeconds(600)),
                        new byte[] {2},
                        Timestamp.from(NOW.minusSeconds(300)))
                .update();
        RuleImportJobs jobs = new RuleImportJobs(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

        var first = jobs.claim("worker-a", Duration.ofSeconds(60)).orElseThrow();
        assertThat(first.id())
                .as("the oldest: the dead worker's job, taken over")
                .isEqualTo(abandoned);
        assertThat(first.done())
                .as("it continues where the dead worker committed")
                .isEqualTo(7);
        var second = jobs.claim("worker-b", Duration.ofSeconds(60)).orElseThrow();
        assertThat(second.id()).isEqualTo(waiting);
        assertThat(jobs.claim("worker-c", Duration.ofSeconds(60)))
                .as("both are held by live workers now")
                .isEmpty();
        assertThat(jdbc.sql("select claimed_by from articulation_import where id = ?")
                        .param(waiting)
                        .query(String.class)
                        .single())
                .isEqualTo("worker-b");
    }
}
