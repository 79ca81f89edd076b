package org.openler.platform.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.support.DemoBesideTheSuite;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * A commit on the demo's H2 database is on disk when it returns: H2 by default writes committed changes up to 500 ms
 * later, and a kill -9 in that window lost what the server had already acknowledged (an import, an issued
 * credential). A child JVM opens the database with the demo's own JDBC URL, commits one row and halts at once (as
 * SIGKILL would); the row must be there afterwards.
 */
@DemoBesideTheSuite
class H2CommitSurvivesKillIT {

    @TempDir
    Path dir;

    @Test
    void aRowCommittedJustBeforeTheProcessIsKilledIsStillThere() throws Exception {
        String url = demoUrl(dir);
        for (int row = 1; row <= 3; row++) {
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            CommitThenHalt.class.getName(),
                            url,
                            Integer.toString(row))
                    .redirectErrorStream(true)
                    .start();
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String output = new String(child.getInputStream().readAllBytes());
            assertThat(child.exitValue()).as(output).isEqualTo(9);
        }
        try (Connection c = DriverManager.getConnection(url, "openler", "");
                ResultSet rows = c.createStatement().executeQuery("select count(*) from committed")) {
            rows.next();
            assertThat(rows.getInt(1))
                    .as("every committed row survives the kill")
                    .isEqualTo(3);
        }
    }

    /** The demo profile's JDBC URL with the data directory filled in. */
    private static String demoUrl(Path dataDir) throws IOException {
        List<PropertySource<?>> sources =
                new YamlPropertySourceLoader().load("demo", new ClassPathResource("application-demo.yml"));
        String url = (String) sources.getFirst().getProperty("spring.datasource.url");
        assertThat(url).isNotNull();
        return url.replace("${openler.data-dir}", dataDir.toString());
    }

    /** The child: commit a row (autocommit), then halt with no shutdown hook, as SIGKILL does. */
    public static final class CommitThenHalt {
        public static void main(String[] args) throws Exception {
            Connection c = DriverManager.getConnection(args[0], "openler", "");
            c.createStatement().execute("create table if not exists committed (id integer primary key)");
            Thread.sleep(1_500); // let H2's background writer store the table first
            c.createStatement().execute("insert into committed values (" + Integer.parseInt(args[1]) + ")");
            Runtime.getRuntime().halt(9);
        }
    }
}
