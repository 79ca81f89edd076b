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
 * The demo on H2: Andre's skills profile (a verified skill from his welding credential, two skills in his own words)
 * and resume (one experience; the PDF and LER-RS render), seeded once and not again after a restart.
 */
class DemoProfileIT {

    @TempDir
    Path dataDir;

    @Test
    void theFirstDemoLearnerHasASkillsProfileAndResumeSeededOnce() {
        try (ConfigurableApplicationContext demo = start()) {
            String base = "http://localhost:" + demo.getBean(Environment.class).getProperty("local.server.port");
            WebClient andre = new WebClient(base);
            andre.signIn("andre@demo.openler.org", DemoData.PASSWORD);

            String skills = andre.page("/wallet/skills").body();
            assertThat(skills)
                    .contains("use welding equipment", "data-provenance=\"verified\"", "Welding Fundamentals")
                    .contains("Reading welding blueprints and symbols", "Leading a small workshop crew");
            assertThat(andre.page("/wallet/resume").body()).contains("Welding apprentice", "Jackson Metalworks");
            assertThat(andre.get("/api/v1/profile/resume", "application/json").body())
                    .contains("\"educationAndLearnings\"", "\"self-asserted\"", "Jackson Metalworks");
            assertThat(andre.get("/wallet/resume/pdf", "application/pdf").statusCode())
                    .isEqualTo(200);
        }
        try (ConfigurableApplicationContext again = start()) {
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from profile_skill")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from profile_experience")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OpenLerApplication.class)
                .profiles("demo")
                .run("--server.port=0", "--openler.data-dir=" + dataDir);
    }
}
