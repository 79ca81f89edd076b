package org.openler.platform.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.Instances;
import org.openler.platform.support.WebClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two server instances on one PostgreSQL work through one bulk job at the same time: each row is issued by one of
 * them, no credential twice, no status index twice, and both took part.
 */
class BulkTwoInstancesIT {

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        Instances.stop(first, second);
    }

    static ConfigurableApplicationContext start() {
        return Instances.start("--openler.bulk.batch-size=4", "--openler.bulk.poll-interval=100ms");
    }

    static String base(ConfigurableApplicationContext context) {
        return Instances.base(context);
    }

    @Test
    void twoInstancesShareOneJobWithoutADuplicateCredentialOrStatusIndex() throws Exception {
        Fixtures fixtures = first.getBean(Fixtures.class);
        Fixtures.Org provider = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(provider);
        BulkClient onFirst = new BulkClient(
                base(first),
                provider.slug(),
                WebClient.clientToken(base(first), client.client().clientId(), client.secret()));
        String achievement = onFirst.createAchievement("Crane Operation");
        int rows = 400;
        StringBuilder csv = new StringBuilder("achievement_id,recipient_email\n");
        for (int i = 0; i < rows; i++) {
            csv.append(achievement).append(",crane").append(i).append("@example.org\n");
        }

        String job = BulkClient.JSON
                .readTree(onFirst.submit(csv.toString(), null).body())
                .path("id")
                .asString();
        long started = System.nanoTime();
        JsonNode finished = onFirst.at(base(second)).awaitCompletion(job, Duration.ofMinutes(4));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Two instances: %d rows in %.1f s (%.0f credentials/s)%n", rows, seconds, rows / seconds);

        assertThat(finished.path("done").asInt()).isEqualTo(rows);
        assertThat(finished.path("failed").asInt()).isZero();
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        UUID organization = provider.organization().id().value();
        for (String sql : List.of(
                "select count(*) from issued_credential where organization_id = ?",
                "select count(distinct idempotency_key) from issued_credential where organization_id = ?",
                "select count(*) from (select distinct status_list_id, status_index from issued_credential"
                        + " where organization_id = ?) d",
                "select count(*) from (select distinct suspension_list_id, suspension_index from issued_credential"
                        + " where organization_id = ?) d",
                "select count(*) from status_allocation a join status_list l on l.id = a.status_list_id"
                        + " where l.organization_id = ? and l.purpose = 'revocation'",
                "select count(*) from status_allocation a join status_list l on l.id = a.status_list_id"
                        + " where l.organization_id = ? and l.purpose = 'suspension'",
                "select count(distinct r.credential_id) from bulk_row r join bulk_job j on j.id = r.job_id"
                        + " where j.organization_id = ? and r.state = 'DONE'")) {
            assertThat(jdbc.sql(sql).param(organization).query(Long.class).single())
                    .as(sql)
                    .isEqualTo(rows);
        }
        List<String> workers = jdbc.sql("select distinct claimed_by from bulk_row where job_id = ?")
                .param(UUID.fromString(job))
                .query(String.class)
                .list();
        assertThat(workers)
                .as("both instances claimed rows")
                .contains(
                        first.getBean(BulkWorker.class).name(),
                        second.getBean(BulkWorker.class).name());
    }
}
