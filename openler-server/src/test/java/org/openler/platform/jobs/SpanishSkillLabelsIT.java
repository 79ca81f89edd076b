package org.openler.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.organizations.Organization;
import org.openler.platform.skills.LabelSearch;
import org.openler.platform.skills.load.BundledFrameworks;
import org.openler.platform.skills.suggest.SkillSuggestions;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Spanish pages show ESCO's Spanish label of a skill and English pages the English one, over real HTTP with the
 * bundled frameworks: the chips of a credential in the wallet and on the achievement's public page, the skills
 * search, a job's requirements and description, and the learner's match explained (page and JSON API, which follows
 * Accept-Language). An O*NET occupation takes its exact ESCO counterpart's Spanish label; one without keeps its title.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpanishSkillLabelsIT {

    static final String WELDING = "http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc";
    static final String ENGLISH = "use welding equipment";
    static final String SPANISH = "utilizar equipos de soldadura";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BundledFrameworks bundled;

    @Autowired
    LabelSearch search;

    @Autowired
    SkillSuggestions suggestions;

    @Autowired
    WalletKit wallet;

    @Autowired
    Achievements achievements;

    String jobId;
    WebClient learner;
    UUID walletCredential;
    String achievementPage;

    @BeforeAll
    void aWeldingJobAndALearnerWithAWeldingCredential() throws InterruptedException {
        bundled.loadAll();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!(search.ready() && suggestions.status().ready())) {
            assertThat(Instant.now()).as("the ontology is searchable").isBefore(deadline);
            Thread.sleep(500);
        }
        String base = "http://localhost:" + port;
        Fixtures.Org employer = fixtures.organization(Organization.Kind.EMPLOYER);
        var client = fixtures.client(employer);
        JobsApiClient api = new JobsApiClient(
                base,
                employer.slug(),
                WebClient.clientToken(base, client.client().clientId(), client.secret()));
        ObjectNode body = JobsApiClient.JSON.createObjectNode();
        body.put("title", "Welder – fabrication shop");
        body.put("occupation", "51-4121.00");
        body.putArray("requirements")
                .addObject()
                .put("skill", WELDING)
                .put("weight", 0.9)
                .put("required", true)
                .put("level", 3)
                .put("source", "esco");
        JsonNode created = api.create(body.toString());
        jobId = created.path("id").asString();
        assertThat(created.path("requirements").get(0).path("label").asString())
                .as("the API's label stays English")
                .isEqualTo(ENGLISH);

        Fixtures.Org provider = wallet.fixturesForTests().organization(Organization.Kind.PROVIDER);
        AchievementDefinition achievement = achievements.create(
                provider.organization().id(),
                new Achievements.Draft(
                        "Welding Fundamentals",
                        "Welding.",
                        "Passed.",
                        "Certificate",
                        "",
                        List.of(new AchievementDefinition.Alignment(URI.create(WELDING), ENGLISH))),
                Fixtures.person(provider.admin()));
        achievementPage = "/orgs/" + provider.slug() + "/achievements/" + achievement.id();
        Account account = wallet.fixturesForTests().learner();
        learner = WalletKit.signedIn(port, account);
        wallet.issue(
                new WalletKit.Provider(provider, achievement), account.email().value());
        walletCredential = WalletKit.walletId(
                WalletKit.claim(learner, wallet.claimToken(account.email().value())));
    }

    private static String html(WebClient web, String path) {
        HttpResponse<String> response = web.page(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** The part of a page from the element with this id to the end of its list or table. */
    private static String section(String page, String id, String end) {
        int from = page.indexOf("id=\"" + id + "\"");
        assertThat(from).as(id).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }

    @Test
    void aCredentialsSkillChipsAreInSpanishOnTheSpanishWalletPageAndInEnglishOnTheEnglishOne() {
        String path = "/wallet/credentials/" + walletCredential;
        assertThat(section(html(learner, path + "?lang=es"), "content-skills", "</ul>"))
                .contains(SPANISH)
                .doesNotContain(ENGLISH);
        assertThat(section(html(learner, path + "?lang=en"), "content-skills", "</ul>"))
                .contains(ENGLISH)
                .doesNotContain(SPANISH);
        WebClient anyone = WebClient.on(port);
        assertThat(section(html(anyone, achievementPage + "?lang=es"), "achievement-skills", "</ul>"))
                .contains(SPANISH);
        assertThat(section(html(anyone, achievementPage + "?lang=en"), "achievement-skills", "</ul>"))
                .contains(ENGLISH);
    }

    @Test
    void theSkillsSearchListsTheSpanishLabelOnTheSpanishPage() {
        WebClient anyone = WebClient.on(port);
        String q = "/skills/search?type=competency&q=" + URLEncoder.encode(ENGLISH, StandardCharsets.UTF_8);
        assertThat(section(html(anyone, q + "&lang=es"), "results", "</ol>"))
                .contains(">" + SPANISH + "<")
                .doesNotContain(">" + ENGLISH + "<");
        assertThat(section(html(anyone, q + "&lang=en"), "results", "</ol>"))
                .contains(">" + ENGLISH + "<")
                .doesNotContain(">" + SPANISH + "<");
    }

    @Test
    void aJobsRequirementsAndItsSpanishDescriptionNameTheSkillInSpanish() {
        WebClient anyone = WebClient.on(port);
        String es = html(anyone, "/jobs/" + jobId + "?lang=es");
        assertThat(section(es, "skills", "</table>")).contains(SPANISH).doesNotContain(ENGLISH);
        assertThat(es).as("the description in Spanish").contains("Necesita: " + SPANISH);
        String en = html(anyone, "/jobs/" + jobId + "?lang=en");
        assertThat(section(en, "skills", "</table>")).contains(ENGLISH).doesNotContain(SPANISH);
    }

    @Test
    void theLearnersMatchExplainsTheRequirementWithItsSpanishLabelOnPageAndApi() throws Exception {
        String path = "/me/matches?job=" + jobId;
        String es = html(learner, path + "&lang=es");
        assertThat(section(es, "requirements", "</table>"))
                .contains(SPANISH, "Welding Fundamentals")
                .doesNotContain(ENGLISH);
        String en = html(learner, path + "&lang=en");
        assertThat(section(en, "requirements", "</table>")).contains(ENGLISH).doesNotContain(SPANISH);

        // the learner's session without the language cookie the pages above set: Accept-Language decides
        String session = Arrays.stream(
                        learner.cookieHeader(learner.base() + path).split("; "))
                .filter(c -> !c.startsWith("openler-lang="))
                .collect(Collectors.joining("; "));
        HttpRequest spanish = HttpRequest.newBuilder(URI.create(learner.base() + path))
                .header("Accept", "application/json")
                .header("Accept-Language", "es")
                .header("Cookie", session)
                .GET()
                .build();
        HttpResponse<String> answer;
        try (HttpClient plain = HttpClient.newHttpClient()) {
            answer = plain.send(spanish, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode json = JobsApiClient.JSON.readTree(answer.body());
        assertThat(json.path("requirements").get(0).path("label").asString()).isEqualTo(SPANISH);
        assertThat(json.path("requirements").get(0).path("met").asBoolean()).isTrue();
    }

    @Test
    void anOnetOccupationIsNamedInSpanishOnlyThroughAnExactCrosswalkMatch() {
        assertThat(html(learner, "/me/matches?occupation=29-1141.00&lang=es"))
                .contains("Mi coincidencia: enfermero responsable de cuidados generales");
        assertThat(html(learner, "/me/matches?occupation=29-1141.00&lang=en")).contains("My match: Registered Nurses");
        assertThat(html(learner, "/me/matches?occupation=15-1252.00&lang=es"))
                .contains("Mi coincidencia: Software Developers");
    }
}
