package org.openler.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.support.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/** Readiness proves that the database takes a write, not only that a connection answers. */
@PlatformTest
class DatabaseWriteHealthIT {

    @Autowired
    HealthEndpointGroups groups;

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void readinessIncludesTheWriteCheckAndIsUpOnAWorkingDatabase() throws Exception {
        assertThat(groups.get("readiness").isMember("databaseWrite")).isTrue();
        HttpResponse<String> readiness = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(readiness.body())
                        .path("status")
                        .asString())
                .isEqualTo("UP");
    }

    @Test
    void theWriteCheckIsDownOnceH2HasClosedTheDatabaseUnderThePool() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("probe") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        Connection connection = DriverManager.getConnection(url, "openler", "");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table health_probe (id integer primary key, checked_at timestamp not null)")
                .update();
        jdbc.sql("insert into health_probe (id, checked_at) values (1, current_timestamp)")
                .update();
        var check =
                new DatabaseWriteHealthIndicator(jdbc, new DataSourceTransactionManager(dataSource), Clock.systemUTC());
        assertThat(check.health(false).getStatus()).isEqualTo(Status.UP);

        // what an interrupt inside H2's file I/O ends in: the database closes, the pooled connection stays
        jdbc.sql("shutdown").update();

        assertThat(check.health(false).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void theCheckLeavesNothingBehind(@Autowired DatabaseWriteHealthIndicator check, @Autowired JdbcClient jdbc) {
        Object before = jdbc.sql("select checked_at from health_probe where id = 1")
                .query()
                .singleValue();

        assertThat(check.health(false).getStatus()).isEqualTo(Status.UP);

        assertThat(jdbc.sql("select checked_at from health_probe where id = 1")
                        .query()
                        .singleValue())
                .as("the update was rolled back")
                .isEqualTo(before);
    }
}
