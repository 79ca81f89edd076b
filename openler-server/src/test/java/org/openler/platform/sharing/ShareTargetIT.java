package org.openler.platform.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.jobs.Job;
import org.openler.platform.jobs.JobContent;
import org.openler.platform.jobs.JobRequirement;
import org.openler.platform.jobs.Jobs;
import org.openler.platform.organizations.Organization;
import org.openler.platform.skills.load.BundledFrameworks;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A share aimed at a job: its reader sees the fit of the shared credentials, and of nothing else the learner holds,
 * worked out by the matching engine when they look. A learner holds two credentials, each aligned to a different
 * requirement of the job, and shares one: the score, the evidence and the gaps know only that one. An ended share
 * shows nothing; a bad target is refused, as problem+json on the API and on the form.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareTargetIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WELDERS = "51-4121.00";

    @LocalServerPort
    int port;

    @Autowired
    BundledFrameworks bundled;

    @Autowired
    WalletKit wallet;

    @Autowired
    Jobs jobs;

    private final String mark = Fixtures.unique("fit");
    private final URI weldingSkill = URI.create("https://example.org/skills/" + mark + "/welding");
    private final URI blueprintSkill = URI.create("https://example.org/skills/" + mark + "/blueprints");
    private final String weldingBadge = "Shared Welding Badge " + mark;
    private final String blueprintBadge = "Unshared Blueprint Badge " + mark;

    private Fixtures.Org employer;
    private Job job;
    private Account learner;
    private WebClient web;
    private UUID welding;
    private UUID blueprint;

    @BeforeAll
    void aJobAndALearnerWithTwoCredentials() {
        bundled.loadAll();
        employer = wallet.fixturesForTests().organization(Organization.Kind.EMPLOYER);
        job = openJob("Night welder " + mark);
        learner = wallet.fixturesForTests().learner();
        web = WalletKit.signedIn(port, learner);
        welding = issueAndClaim(weldingBadge, weldingSkill, "Use welding equipment " + mark);
        blueprint = issueAndClaim(blueprintBadge, blueprintSkill, "Read blueprints " + mark);
    }

    @Test
    void theReaderSeesTheFitOfTheSharedCredentialOnly() {
        // the learner's own match counts both credentials: every requirement is met
        JsonNode own = json(web.get("/me/matches?job=" + job.id(), "application/json"), 200);
        assertThat(own.path("score").asInt()).isEqualTo(100);

        ShareKit.Made made = share(List.of(welding), "job:" + job.id(), 201);
        assertThat(made.answer().path("share").path("target").path("title").asString())
                .isEqualTo(job.title());
        WebClient reader = WebClient.on(port);

        HttpResponse<String> page = reader.get(made.path() + "?lang=en", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Fit to " + job.title())
                .contains("60 % match")
                .contains("verified by the shared credential &quot;" + weldingBadge + "&quot;")
                .contains("Read blueprints " + mark + " (0 % covered)")
                .doesNotContain(blueprintBadge)
                .doesNotContain("closed since");

        JsonNode fit = json(reader.get(made.path() + "/fit", "application/json"), 200);
        assertThat(fit.path("kind").asString()).isEqualTo("job");
        assertThat(fit.path("fit").path("score").asInt()).isEqualTo(60);
        assertThat(fit.path("fit").path("closed").asBoolean()).isFalse();
        assertThat(fit.path("fit").path("met")).hasSize(1);
        JsonNode met = fit.path("fit").path("met").get(0);
        assertThat(met.path("credential").asString()).isEqualTo(weldingBadge);
        assertThat(met.path("credentialId").asString()).isEqualTo(welding.toString());
        assertThat(met.path("kind").asString()).isEqualTo("verified");
        assertThat(fit.path("fit").path("gaps")).hasSize(1);
        assertThat(fit.path("fit").path("gaps").get(0).path("skill").asString()).isEqualTo("Read blueprints " + mark);
        assertThat(fit.toString()).doesNotContain(blueprintBadge).doesNotContain(blueprint.toString());

        // the page and the fit are each an access, recorded as before
        JsonNode detail = json(web.get("/api/v1/shares/" + made.id(), "application/json"), 200);
        assertThat(detail.path("accessLog")).hasSize(2);
        assertThat(detail.path("share").path("target").path("key").asString()).isEqualTo("job:" + job.id());

        // and the learner's list says what the share is aimed at
        HttpResponse<String> list = web.page("/wallet/shares?lang=en");
        assertThat(list.body()).contains(job.title());

        HttpResponse<String> spanish = reader.get(made.path() + "?lang=es", "text/html");
        assertThat(spanish.body()).contains("Adecuación a " + job.title()).contains("60 % de coincidencia");
    }

    @Test
    void sharingBothCredentialsMeetsTheWholeJob() {
        ShareKit.Made made = share(List.of(welding, blueprint), "job:" + job.id(), 201);

        JsonNode fit = json(WebClient.on(port).get(made.path() + "/fit", "application/json"), 200);

        assertThat(fit.path("fit").path("score").asInt()).isEqualTo(100);
        assertThat(fit.path("fit").path("gaps")).isEmpty();
    }

    @Test
    void aJobClosedSinceIsSaidToBeClosedAndItsFitStillShown() {
        Job closing = openJob("Welder, day shift " + mark);
        ShareKit.Made made = share(List.of(welding), "job:" + closing.id(), 201);
        jobs.close(employer.organization().id(), closing.id());

        HttpResponse<String> page = WebClient.on(port).get(made.path() + "?lang=en", "text/html");

        assertThat(page.body()).contains("closed since the share was made").contains("60 % match");
        assertThat(json(WebClient.on(port).get(made.path() + "/fit", "application/json"), 200)
                        .path("fit")
                        .path("closed")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aRevokedShareShowsNoFitAtAll() {
        ShareKit.Made made = share(List.of(welding), "job:" + job.id(), 201);
        HttpResponse<String> revoked = ShareKit.postJson(web, "/api/v1/shares/" + made.id() + "/revoke", "");
        assertThat(revoked.statusCode()).isEqualTo(200);

        HttpResponse<String> page = WebClient.on(port).get(made.path() + "?lang=en", "text/html");
        HttpResponse<String> fit = WebClient.on(port).get(made.path() + "/fit", "application/json");

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).doesNotContain("Fit to").doesNotContain(weldingBadge);
        assertThat(fit.statusCode()).isEqualTo(410);
        assertThat(fit.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(fit.body()).doesNotContain("score");
    }

    @Test
    void aShareWithoutATargetHasNoFit() {
        ShareKit.Made made = ShareKit.share(web, List.of(welding), "Acme " + mark);

        assertThat(made.answer().path("share").path("target").isNull()).isTrue();
        assertThat(WebClient.on(port).get(made.path() + "?lang=en", "text/html").body())
                .doesNotContain("Fit to");
        assertThat(WebClient.on(port)
                        .get(made.path() + "/fit", "application/json")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anOccupationIsATargetToo() {
        ShareKit.Made made = share(List.of(welding), "occupation:" + WELDERS, 201);

        JsonNode fit = json(WebClient.on(port).get(made.path() + "/fit", "application/json"), 200);

        assertThat(fit.path("kind").asString()).isEqualTo("occupation");
        assertThat(fit.path("ref").asString()).isEqualTo(WELDERS);
        assertThat(fit.path("fit").path("title").asString()).startsWith("Welders");
        assertThat(fit.path("fit").path("gaps")).isNotEmpty();
    }

    @Test
    void badTargetsAreRefusedAndNoShareIsMade() {
        Job closed = openJob("Closed welder " + mark);
        jobs.close(employer.organization().id(), closed.id());
        int before = json(web.get("/api/v1/shares", "application/json"), 200).size();

        for (String target : List.of(
                "job:" + UUID.randomUUID(),
                "job:not-a-uuid",
                "job:" + closed.id(),
                "occupation:99-9999.00",
                "occupation:welding",
                "banana")) {
            HttpResponse<String> refused = ShareKit.postJson(web, "/api/v1/shares", body(List.of(welding), target));
            assertThat(refused.statusCode()).as(target + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.path("type").asString()).endsWith("/invalid-input");
            assertThat(problem.toString()).as(target).contains("\"target\"");
        }

        Map<String, String> form = new LinkedHashMap<>();
        form.put("credential", welding.toString());
        form.put("party", "Acme " + mark);
        form.put("purpose", "Hiring");
        form.put("target", "job:" + closed.id());
        HttpResponse<String> page = web.submit("/wallet/shares?lang=en", "/wallet/shares?lang=en", form);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("is closed: choose one of the open jobs")
                .contains("aria-invalid=\"true\"");

        assertThat(json(web.get("/api/v1/shares", "application/json"), 200).size())
                .isEqualTo(before);
    }

    @Test
    void theShareFormOffersTheOpenJobs() {
        HttpResponse<String> page = web.page("/wallet/shares?lang=en");

        assertThat(page.body()).contains("value=\"job:" + job.id() + "\"").contains("(no target)");
    }

    // --- helpers ---

    private Job openJob(String title) {
        return jobs.create(
                employer.organization().id(),
                new JobContent(
                        title,
                        WELDERS,
                        Optional.empty(),
                        "Welds at night.",
                        List.of(
                                new JobRequirement(
                                        weldingSkill, "Use welding equipment " + mark, 0.6, true, 1, "employer"),
                                new JobRequirement(
                                        blueprintSkill, "Read blueprints " + mark, 0.4, true, 1, "employer")),
                        List.of(),
                        0,
                        JobContent.Education.NONE,
                        "Mobile, AL",
                        JobContent.Remote.ONSITE,
                        Optional.empty()));
    }

    private UUID issueAndClaim(String name, URI skill, String label) {
        return wallet.issuedAndClaimed(
                wallet.provider(name, List.of(WalletKit.competency(skill, label))), learner, web);
    }

    private ShareKit.Made share(List<UUID> credentials, String target, int status) {
        HttpResponse<String> created = ShareKit.postJson(web, "/api/v1/shares", body(credentials, target));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(status);
        JsonNode answer = JSON.readTree(created.body());
        return new ShareKit.Made(
                UUID.fromString(answer.path("share").path("id").asString()),
                URI.create(answer.path("url").asString()).getPath(),
                answer);
    }

    private String body(List<UUID> credentials, String target) {
        String ids = String.join(
                ",", credentials.stream().map(id -> "\"" + id + "\"").toList());
        return "{\"credentials\": [" + ids + "], \"party\": \"Acme " + mark + "\", \"purpose\": \"Hiring\","
                + " \"target\": \"" + target + "\"}";
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
