package org.openler.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.OpenLerApplication;
import org.openler.platform.support.WebClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo mode (H2 in PostgreSQL mode, the same migrations) publishes Demo University's credentials of value once, so the
 * registry's search page shows real ones; a restart neither duplicates them nor loses them from search, whose index
 * is rebuilt from the database.
 */
class DemoRegistryIT {

    @TempDir
    Path dataDir;

    @Test
    void theDemoPublishesDemoUniversitysCredentialsOnceAndSearchFindsThemAfterARestart() {
        try (ConfigurableApplicationContext demo = start()) {
            WebClient web = new WebClient(base(demo));
            assertThat(web.page("/registry").body())
                    .contains(DemoRegistryEntries.CATALOGUE.size() + " credentials")
                    .contains("Welding Fundamentals Certificate", "Demo University");
            assertThat(web.get("/api/v1/registry/search?q=nursing", "application/json")
                            .body())
                    .contains("Certified Nursing Assistant");
        }
        try (ConfigurableApplicationContext again = start()) {
            assertThat(again.getBean(JdbcClient.class)
                            // Demo University's own: Demo Community College publishes training too (DemoMatching)
                            .sql("select count(*) from registry_entry e join organization o on o.id = e.organization_id"
                                    + " where o.slug = 'demo-university'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(DemoRegistryEntries.CATALOGUE.size());
            assertThat(new WebClient(base(again))
                            .get("/api/v1/registry/search?q=welding&delivery=IN_PERSON", "application/json")
                            .body())
                    .contains("Welding Fundamentals Certificate");
        }
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getBean(Environment.class).getProperty("local.server.port");
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OpenLerApplication.class)
                .profiles("demo")
                .run("--server.port=0", "--openler.data-dir=" + dataDir);
    }
}
