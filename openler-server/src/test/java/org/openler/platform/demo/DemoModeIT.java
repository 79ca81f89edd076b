package org.openler.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.OpenLerApplication;
import org.openler.platform.support.DemoBesideTheSuite;
import org.openler.platform.support.WebClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ./openler demo: the embedded H2 file database, seeded once, kept across restarts, served with the same migrations.
 * One first start on an empty folder is checked for what each part of the demo seeds (its people and client, Demo
 * University's registry entries, Andre's skills profile and resume), then one restart on the same folder for what must
 * be there once, not twice, and not lost (the registry's search index is rebuilt from the database).
 *
 * <p>These were three classes (this one, DemoRegistryIT and DemoProfileIT), each with its own first start and restart;
 * every demo start loads the bundled ontology in the background, so one pair of starts instead of three took about a
 * minute off the suite (docs/resilience.md). The methods run in order: the restart comes last. The synthetic talent
 * candidates are off ({@code openler.demo.talent-candidates=0}): they are seeded once the ontology is in, and their
 * accounts and self-asserted skills would race the exact counts here; {@code DemoCandidatesIT} checks them.
 */
@DemoBesideTheSuite
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoModeIT {

    /** Static: JUnit fills an instance field only before each test, after {@code @BeforeAll} has started the demo. */
    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext demo;

    @BeforeAll
    void firstStartOnAnEmptyFolder() {
        demo = start();
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    /** First, before Demo Community College (seeded once the ontology is in) publishes its training too. */
    @Test
    @Order(1)
    void theDemoPublishesDemoUniversitysCredentialsToTheRegistry() {
        WebClient web = new WebClient(base(demo));
        assertThat(web.page("/registry").body())
                .contains(DemoRegistryEntries.CATALOGUE.size() + " credentials")
                .contains("Welding Fundamentals Certificate", "Demo University");
        assertThat(web.get("/api/v1/registry/search?q=nursing", "application/json")
                        .body())
                .contains("Certified Nursing Assistant");
    }

    @Test
    @Order(2)
    void demoModeSeedsItsPeopleAndClient() {
        String base = base(demo);
        JdbcClient jdbc = demo.getBean(JdbcClient.class);

        assertThat(jdbc.sql("select slug from organization order by slug")
                        .query(String.class)
                        .list())
                .containsExactly("demo-employer", "demo-university");
        assertThat(jdbc.sql("select count(*) from account where kind = 'LEARNER'")
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        WebClient andre = new WebClient(base);
        andre.signIn("andre@demo.openler.org", DemoData.PASSWORD);
        assertThat(andre.page("/wallet").body())
                .as("the demo learner's credential is in the wallet, and it verifies on H2 too")
                .contains("Welding Fundamentals")
                .contains("status-verified");
        assertThat(WebClient.clientToken(base, DemoData.ISSUER_CLIENT_ID, DemoData.ISSUER_CLIENT_SECRET))
                .isNotBlank();
        assertThat(new WebClient(base).page("/demo/outbox").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from achievement")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from issued_credential")
                        .query(Long.class)
                        .single())
                .as("one each, an SD-JWT VC for Marcus, and one more for Izzy left to claim")
                .isEqualTo(6);
        assertThat(jdbc.sql("select recipient_email from issued_credential group by recipient_email, achievement_id"
                                + " having count(*) > 1")
                        .query(String.class)
                        .list())
                .as("no learner holds or is offered two credentials that look the same")
                .isEmpty();
        assertThat(jdbc.sql("select count(distinct account_id) from wallet_credential")
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(jdbc.sql("select recipient_email from wallet_claim where claimed_at is null")
                        .query(String.class)
                        .list())
                .containsExactly("izzy@demo.openler.org");
        String outbox = new WebClient(base).page("/demo/outbox?lang=en").body();
        List<String> claimLinks = new ArrayList<>();
        Matcher link = Pattern.compile("/wallet/claim/[A-Za-z0-9_-]+").matcher(outbox);
        while (link.find()) {
            claimLinks.add(link.group());
        }
        assertThat(claimLinks)
                .as("only the claim mail of the credential left to claim: the placed ones were withdrawn")
                .hasSize(1);
        assertThat(outbox)
                .as("the claim mail names the credential waiting")
                .contains("Demo University issued you a verifiable credential &quot;Welding Fundamentals&quot;");
        WebClient izzy = new WebClient(base);
        izzy.signIn("izzy@demo.openler.org", DemoData.PASSWORD);
        String claimPath = claimLinks.get(0);
        assertThat(izzy.page(claimPath + "?lang=en").body()).doesNotContain("claim-closed");
        HttpResponse<String> claimed = izzy.submit(claimPath, claimPath, Map.of());
        assertThat(claimed.statusCode()).isEqualTo(302);
        assertThat(izzy.page("/wallet?lang=en").body())
                .as("the demo's claim link from the outbox claims")
                .contains("Welding Fundamentals");
        assertThat(jdbc.sql("select count(*) from wallet_claim where claimed_at is null")
                        .query(Long.class)
                        .single())
                .isZero();
        WebClient claire = new WebClient(base);
        claire.signIn("claire@demo.openler.org", DemoData.PASSWORD);
        assertThat(claire.page("/privacy").body())
                .as("the privacy center on H2: Claire's correction request to Demo University")
                .contains("Correction requests you sent: 1");
        assertThat(claire.get("/privacy/export", "application/json").body())
                .contains("https://openler.org/personal-data-bundle")
                .contains("Dubois, with an s");
        assertThat(jdbc.sql("select count(*) from privacy_preference where discoverable = true")
                        .query(Long.class)
                        .single())
                .as("only Marcus opted in to discovery")
                .isEqualTo(1);
        WebClient marcus = new WebClient(base);
        marcus.signIn("marcus@demo.openler.org", DemoData.PASSWORD);
        assertThat(marcus.page("/wallet/shares?lang=en").body())
                .as("Marcus's share with the demo employer, seen once")
                .contains("Demo Employer HR")
                .contains("status-active")
                .contains("1, the last at");
        String token = demo.getBean(DemoShares.class).token().orElseThrow();
        assertThat(token).as("a random share token, not a fixed one").hasSizeGreaterThanOrEqualTo(43);
        assertThat(new WebClient(base)
                        .page("/share/demo-marcus-shares-with-demo-employer?lang=en")
                        .statusCode())
                .as("the old fixed link leads nowhere")
                .isEqualTo(404);
        assertThat(new WebClient(base).page("/share/" + token + "?lang=en").body())
                .as("the share link opens on H2, the presentation signed by Marcus's key")
                // Demo University's stand-in, or his retail credential once Demo Community College has placed it
                .containsPattern("Issued by Demo (University|Community College), an organization registered on"
                        + " this platform.")
                .contains("The holder signed this presentation just now");
    }

    @Test
    @Order(3)
    void theFirstDemoLearnerHasASkillsProfileAndResume() {
        WebClient andre = new WebClient(base(demo));
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

    @Test
    @Order(4)
    void aRestartKeepsEverythingOnceAndSearchFindsTheCredentialsAgain() {
        demo.close();
        demo = null;
        assertThat(Files.exists(dataDir.resolve("db/openler.mv.db"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("master.key"))).isTrue();

        try (ConfigurableApplicationContext again = start("--openler.skills.load-bundled=false")) {
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from organization where slug in ('demo-university', 'demo-employer')")
                            .query(Long.class)
                            .single())
                    .as("Demo University and Demo Employer, each once")
                    .isEqualTo(2);
            assertThat(jdbc.sql(
                                    "select count(*) from organization where slug not in ('demo-university', 'demo-employer')")
                            .query(Long.class)
                            .single())
                    .as("at most Demo Community College besides (DemoMatching seeds it once the crosswalk is stored)")
                    .isBetween(0L, 1L);
            assertThat(jdbc.sql("select count(*) from machine_client")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from credential_share where revoked_at is null and party = ?")
                            .param(DemoShares.PARTY)
                            .query(Long.class)
                            .single())
                    .as("one demo share of Marcus's open: the start's stand-in ends when his retail credential"
                            + " arrives and a share of that one replaces it")
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from wallet_credential")
                            .query(Long.class)
                            .single())
                    .as("Demo University's 5 and the one Izzy claimed from the outbox, plus Demo Community College's 4"
                            + " once DemoMatching has seeded and Andre's WLD 110 credit once DemoArticulation has;"
                            + " never twice")
                    .isIn(6L, 10L, 11L);
            assertThat(jdbc.sql("select count(*) from wallet_credential where format = 'SD_JWT'")
                            .query(Long.class)
                            .single())
                    .as("Marcus's SD-JWT VC, held once across restarts")
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from correction_request")
                            .query(Long.class)
                            .single())
                    .as("the demo's correction request is seeded once")
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from issued_credential")
                            .query(Long.class)
                            .single())
                    .as("Demo University's 6, plus Demo Community College's 4 once DemoMatching has seeded and"
                            + " Andre's WLD 110 credit once DemoArticulation has; never twice")
                    .isIn(6L, 10L, 11L);

            // Andre's profile, seeded once
            assertThat(jdbc.sql("select count(*) from profile_skill")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from profile_experience")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            // Demo University's registry entries, published once, and found by the index rebuilt from the database
            assertThat(
                            jdbc.sql( // Demo University's own: Demo Community College publishes training too
                                            // (DemoMatching)
                                            "select count(*) from registry_entry e join organization o on o.id ="
                                                    + " e.organization_id where o.slug = 'demo-university'")
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

    /**
     * The demo as shipped (its ontology loading in the background), but without the synthetic talent candidates. A
     * restart passes {@code --openler.skills.load-bundled=false}: it checks what the demo seeded, and one that went on
     * loading the ontology would, when closed, wait for the framework it had begun (ESCO, the largest).
     */
    private ConfigurableApplicationContext start(String... more) {
        List<String> arguments = new ArrayList<>(
                List.of("--server.port=0", "--openler.data-dir=" + dataDir, "--openler.demo.talent-candidates=0"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(OpenLerApplication.class)
                .profiles("demo")
                .run(arguments.toArray(String[]::new));
    }
}
