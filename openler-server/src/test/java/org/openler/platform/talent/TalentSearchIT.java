package org.openler.platform.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.organizations.Organization;
import org.openler.platform.skills.load.BundledFrameworks;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talent search end to end on the real PostgreSQL with the bundled frameworks: learners opt in (or not) and make a
 * skill of their own searchable; employers search over HTTP, invite a pseudonym, and read the answer. Each test picks
 * its own skill at random among ESCO's thousands, so its cohort is the only one holding it.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalentSearchIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    BundledFrameworks bundled;

    @Autowired
    WalletKit wallet;

    @Autowired
    TalentKit kit;

    @Autowired
    Achievements achievements;

    @Autowired
    TalentDiscovery discovery;

    @Autowired
    Pseudonyms pseudonyms;

    @Autowired
    TalentPersonalData personalData;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchLimits limits;

    Fixtures.Org employer;
    Fixtures.Org otherEmployer;
    WebClient employerWeb;
    WebClient otherEmployerWeb;

    @BeforeAll
    void theOntologyAndTwoEmployers() {
        bundled.loadAll();
        employer = wallet.fixturesForTests().organization(Organization.Kind.EMPLOYER);
        otherEmployer = wallet.fixturesForTests().organization(Organization.Kind.EMPLOYER);
        employerWeb = WalletKit.signedIn(port, employer.admin());
        otherEmployerWeb = WalletKit.signedIn(port, otherEmployer.admin());
    }

    @Test
    void fiveOptedInLearnersAreFoundByPseudonymAndTheOneWhoDidNotOptInIsReachableByNoRoute() {
        URI skill = kit.freshSkill();
        List<Account> cohort = cohort(5, skill);
        Account notOptedIn = kit.learnerWith(skill); // has the skill, never turned discovery on

        JsonNode result = search(employerWeb, employer, skill);

        assertThat(result.path("status").asString()).isEqualTo("ranked");
        assertThat(result.path("total").asInt()).isEqualTo(5);
        Set<String> found = pseudonymsIn(result);
        Set<String> expected = new HashSet<>();
        cohort.forEach(a -> expected.add(pseudonyms.of(employer.organization().id(), a.id())));
        assertThat(found).isEqualTo(expected);
        String hidden = pseudonyms.of(employer.organization().id(), notOptedIn.id());
        assertThat(found).doesNotContain(hidden);
        for (JsonNode candidate : result.path("candidates")) {
            // the candidate carries exactly these fields: nothing names, dates or points at the person
            assertThat(candidate.propertyNames()).containsExactlyInAnyOrder("pseudonym", "score", "requirements");
            assertThat(candidate.path("score").asInt())
                    .isEqualTo(50); // self-asserted counts half (MatchEngine.SELF_ASSERTED)
            JsonNode requirement = candidate.path("requirements").get(0);
            assertThat(requirement.path("skill").asString()).isEqualTo(skill.toString());
            assertThat(requirement.path("met").asBoolean()).isTrue();
            assertThat(requirement.path("evidence").asString()).isEqualTo("self-asserted");
        }
        for (Account a : cohort) {
            assertThat(result.toString()).doesNotContain(a.email().value()).doesNotContain(a.id().toString());
        }
        // an invitation by the guessed (correctly computed!) pseudonym of the learner who did not opt in names nobody
        HttpResponse<String> invite = invite(employerWeb, employer, hidden, "Come and work with us");
        assertProblem(invite, 410, "gone");
        assertThat(personalData.accesses(notOptedIn.id())).isEmpty();
    }

    @Test
    void aPseudonymIsStableForOneEmployerAndDiffersForAnother() {
        URI skill = kit.freshSkill();
        cohort(5, skill);

        Set<String> first = pseudonymsIn(search(employerWeb, employer, skill));
        Set<String> again = pseudonymsIn(search(employerWeb, employer, skill));
        Set<String> other = pseudonymsIn(search(otherEmployerWeb, otherEmployer, skill));

        assertThat(first).hasSize(5).isEqualTo(again);
        assertThat(other).hasSize(5).doesNotContainAnyElementsOf(first);
        // and the other employer cannot invite a pseudonym it was never shown
        assertProblem(invite(otherEmployerWeb, otherEmployer, first.iterator().next(), "Hello"), 410, "gone");
    }

    @Test
    void fourMatchingCandidatesAreTooFewAndNothingIsShownOrLogged() {
        URI skill = kit.freshSkill();
        List<Account> four = cohort(4, skill);

        JsonNode result = search(employerWeb, employer, skill);

        assertThat(result.path("status").asString()).isEqualTo("too-few-candidates");
        assertThat(result.path("candidates").size()).isZero();
        assertThat(result.path("total").asInt()).isZero();
        for (Account a : four) {
            assertThat(personalData.accesses(a.id())).isEmpty();
        }
    }

    @Test
    void everyAppearanceIsInTheLearnersAccessLogInPlainWords() {
        URI skill = kit.freshSkill();
        List<Account> cohort = cohort(5, skill);

        search(employerWeb, employer, skill);

        assertThat(personalData.accesses(cohort.getFirst().id()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.party()).isEqualTo(employer.organization().name());
                    assertThat(a.what())
                            .startsWith("An employer ("
                                    + employer.organization().name() + ") saw your anonymous profile in a search for");
                });
    }

    @Test
    void badQueriesAreRefusedWithAProblemAndAProviderCannotSearch() {
        URI skill = kit.freshSkill();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Map.of("uri", skill.toString(), "weight", 1.0));
        }
        assertProblem(post(employerWeb, employer, "/talent/search", Map.of("skills", many)), 400, "invalid-input");
        assertProblem(
                post(
                        employerWeb,
                        employer,
                        "/talent/search",
                        Map.of("skills", List.of(Map.of("uri", "https://example.org/no-such-skill", "weight", 1)))),
                400,
                "invalid-input");
        assertProblem(
                post(
                        employerWeb,
                        employer,
                        "/talent/search",
                        Map.of("skills", List.of(Map.of("uri", skill.toString(), "weight", -0.5)))),
                400,
                "invalid-input");
        assertProblem(
                post(
                        employerWeb,
                        employer,
                        "/talent/search",
                        Map.of("skills", List.of(Map.of("uri", skill.toString())), "size", 51)),
                400,
                "invalid-input");
        assertProblem(post(employerWeb, employer, "/talent/search", Map.of("skills", List.of())), 400, "invalid-input");

        Fixtures.Org provider = wallet.fixturesForTests().organization(Organization.Kind.PROVIDER);
        WebClient providerWeb = WalletKit.signedIn(port, provider.admin());
        assertProblem(
                post(
                        providerWeb,
                        provider,
                        "/talent/search",
                        Map.of("skills", List.of(Map.of("uri", skill.toString())))),
                403,
                "forbidden");
    }

    @Test
    void acceptingCreatesAShareForTheEmployerAndOnlyThenRevealsTheName() {
        URI skill = kit.freshSkill();
        List<Account> cohort = cohort(5, skill);
        Account chosen = cohort.getFirst();
        WebClient learnerWeb = WalletKit.signedIn(port, chosen);
        UUID credential = credentialFor(chosen, learnerWeb);
        search(employerWeb, employer, skill);
        String pseudonym = pseudonyms.of(employer.organization().id(), chosen.id());

        HttpResponse<String> invited = invite(employerWeb, employer, pseudonym, "We would like you to apply.");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        JsonNode pending = JSON.readTree(invited.body());
        assertThat(pending.path("answer").asString()).isEqualTo("pending");
        assertThat(pending.path("name").isNull()).isTrue();
        String id = pending.path("id").asString();

        JsonNode received = json(learnerWeb.get("/me/invitations", "application/json"));
        assertThat(received.get(0).path("employer").asString())
                .isEqualTo(employer.organization().name());
        assertThat(received.get(0).path("message").asString()).isEqualTo("We would like you to apply.");

        HttpResponse<String> accepted = learnerPost(
                learnerWeb, "/me/invitations/" + id + "/accept", Map.of("credentials", List.of(credential.toString())));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).path("state").asString()).isEqualTo("ACCEPTED");

        JsonNode revealed =
                json(employerWeb.get("/orgs/" + employer.slug() + "/talent/invitations/" + id, "application/json"));
        assertThat(revealed.path("answer").asString()).isEqualTo("accepted");
        assertThat(revealed.path("name").asString()).isEqualTo(chosen.displayName());
        assertThat(revealed.path("credentials").get(0).asString()).isEqualTo("Talent Test Certificate");
        String share = revealed.path("share").asString();
        assertThat(share).contains("/share/");
        // the share is the sharing feature's own: party = the employer, purpose = the application
        Integer shares = jdbc.sql("select count(*) from credential_share where account_id = ? and party = ?"
                        + " and purpose like 'Application%'")
                .params(chosen.id().value(), employer.organization().name())
                .query(Integer.class)
                .single();
        assertThat(shares).isEqualTo(1);
        HttpResponse<String> opened =
                WebClient.on(port).get(share.substring(share.indexOf("/share/")), "application/json");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    }

    @Test
    void decliningTellsTheEmployerOnlyNotInterested() {
        URI skill = kit.freshSkill();
        List<Account> cohort = cohort(5, skill);
        Account chosen = cohort.get(1);
        WebClient learnerWeb = WalletKit.signedIn(port, chosen);
        search(employerWeb, employer, skill);
        String id = JSON.readTree(invite(
                                employerWeb,
                                employer,
                                pseudonyms.of(employer.organization().id(), chosen.id()),
                                "Apply?")
                        .body())
                .path("id")
                .asString();

        HttpResponse<String> declined = learnerPost(learnerWeb, "/me/invitations/" + id + "/decline", Map.of());
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);

        JsonNode view =
                json(employerWeb.get("/orgs/" + employer.slug() + "/talent/invitations/" + id, "application/json"));
        assertThat(view.path("answer").asString()).isEqualTo("not-interested");
        assertThat(view.path("name").isNull()).isTrue();
        assertThat(view.path("share").isNull()).isTrue();
        assertThat(view.path("credentials").size()).isZero();
        assertThat(view.toString())
                .doesNotContain(chosen.displayName())
                .doesNotContain(chosen.email().value());
    }

    @Test
    void optingOutVoidsPendingInvitationsAndLeavesTheResultsAtOnce() {
        URI skill = kit.freshSkill();
        List<Account> cohort = cohort(6, skill);
        Account leaving = cohort.getFirst();
        WebClient learnerWeb = WalletKit.signedIn(port, leaving);
        search(employerWeb, employer, skill);
        String pseudonym = pseudonyms.of(employer.organization().id(), leaving.id());
        String id = JSON.readTree(
                        invite(employerWeb, employer, pseudonym, "Apply?").body())
                .path("id")
                .asString();

        HttpResponse<String> off = learnerPut(learnerWeb, "/me/discovery", Map.of("mode", "off"));
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(JSON.readTree(off.body()).path("mode").asString()).isEqualTo("off");

        assertThat(json(learnerWeb.get("/me/invitations", "application/json"))
                        .get(0)
                        .path("state")
                        .asString())
                .isEqualTo("VOID");
        assertThat(json(employerWeb.get("/orgs/" + employer.slug() + "/talent/invitations/" + id, "application/json"))
                        .path("answer")
                        .asString())
                .isEqualTo("not-interested");
        assertProblem(invite(employerWeb, employer, pseudonym, "Again?"), 410, "gone");
        Set<String> now = pseudonymsIn(search(employerWeb, employer, skill));
        assertThat(now).hasSize(5).doesNotContain(pseudonym);
        HttpResponse<String> late = learnerPost(learnerWeb, "/me/invitations/" + id + "/accept", Map.of());
        assertProblem(late, 409, "conflict");
    }

    @Test
    void theLearnerSetsDiscoveryThroughTheApiAndOnlyTheirOwnCredentialsCanBeSearchable() {
        Account learner = wallet.fixturesForTests().learner();
        WebClient web = WalletKit.signedIn(port, learner);
        URI skill = kit.freshSkill();

        HttpResponse<String> set =
                learnerPut(web, "/me/discovery", Map.of("mode", "anonymous", "skills", List.of(skill.toString())));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode view = json(web.get("/me/discovery", "application/json"));
        assertThat(view.path("mode").asString()).isEqualTo("anonymous");
        assertThat(view.path("skills").get(0).asString()).isEqualTo(skill.toString());

        assertProblem(
                learnerPut(
                        web,
                        "/me/discovery",
                        Map.of(
                                "mode",
                                "anonymous",
                                "credentials",
                                List.of(UUID.randomUUID().toString()))),
                400,
                "invalid-input");
        assertProblem(learnerPut(web, "/me/discovery", Map.of("mode", "everyone")), 400, "invalid-input");
    }

    @Test
    void theLearnersPageSetsDiscoveryInEnglishAndSpanishAndAnswersAnInvitation() {
        URI skill = kit.freshSkill();
        List<Account> cohort = cohort(5, skill);
        Account learner = cohort.getFirst();
        WebClient web = WalletKit.signedIn(port, learner);

        assertThat(web.page("/me/talent").body()).contains("Who may find me");
        assertThat(web.page("/me/talent?lang=es").body()).contains("Quién puede encontrarme");
        HttpResponse<String> saved = web.submit(
                "/me/talent", "/me/talent/discovery", Map.of("mode", "anonymous", "skill", skill.toString()));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(discovery.read(learner.id()).mode()).isEqualTo(DiscoveryMode.ANONYMOUS);
        assertThat(discovery.read(learner.id()).skills()).containsExactly(skill);

        search(employerWeb, employer, skill);
        String id = JSON.readTree(invite(
                                employerWeb,
                                employer,
                                pseudonyms.of(employer.organization().id(), learner.id()),
                                "Apply?")
                        .body())
                .path("id")
                .asString();
        assertThat(web.page("/me/talent").body())
                .contains(employer.organization().name());
        HttpResponse<String> declined = web.submit("/me/talent", "/me/talent/invitations/" + id + "/decline", Map.of());
        assertThat(declined.statusCode()).isEqualTo(302);
        assertThat(json(employerWeb.get("/orgs/" + employer.slug() + "/talent/invitations/" + id, "application/json"))
                        .path("answer")
                        .asString())
                .isEqualTo("not-interested");
    }

    @Test
    void aVerifiedCredentialCountsOnlyOnceTheLearnerMadeItSearchable() {
        URI skill = kit.freshSkill();
        WalletKit.Provider college = kit.providerTeaching("Aligned Certificate", skill);
        List<Account> learners = new ArrayList<>();
        List<UUID> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Account learner = wallet.fixturesForTests().learner();
            held.add(wallet.issuedAndClaimed(college, learner, WalletKit.signedIn(port, learner)));
            // opted in, but the credential is not among what a search may read
            discovery.write(learner.id(), new DiscoverySetting(DiscoveryMode.ANONYMOUS, List.of(), List.of()));
            learners.add(learner);
        }
        assertThat(search(employerWeb, employer, skill).path("status").asString())
                .isEqualTo("too-few-candidates");

        for (int i = 0; i < 5; i++) {
            discovery.write(
                    learners.get(i).id(),
                    new DiscoverySetting(DiscoveryMode.ANONYMOUS, List.of(held.get(i)), List.of()));
        }
        JsonNode result = search(employerWeb, employer, skill);

        assertThat(result.path("status").asString()).isEqualTo("ranked");
        for (JsonNode candidate : result.path("candidates")) {
            assertThat(candidate.path("score").asInt()).isEqualTo(100);
            assertThat(candidate.path("requirements").get(0).path("evidence").asString())
                    .isEqualTo("verified");
        }
        assertThat(result.toString())
                .doesNotContain("Aligned Certificate")
                .doesNotContain(held.getFirst().toString());
    }

    @Test
    void anEmployerOverItsSearchesPerMinuteGets429WithRetryAfterAndAnotherEmployerIsNotHeldBack() {
        URI skill = kit.freshSkill();
        cohort(5, skill);
        int before = limits.perMinute();
        limits.limit(2);
        try {
            assertThat(search(employerWeb, employer, skill).path("status").asString())
                    .isEqualTo("ranked");
            search(employerWeb, employer, skill);
            HttpResponse<String> third = post(
                    employerWeb,
                    employer,
                    "/talent/search",
                    Map.of("skills", List.of(Map.of("uri", skill.toString(), "weight", 0.8))));

            assertProblem(third, 429, "too-many-requests");
            long retryAfter =
                    Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 61L);
            assertThat(search(otherEmployerWeb, otherEmployer, skill)
                            .path("status")
                            .asString())
                    .isEqualTo("ranked");
            // the page says so in words instead of failing
            employerWeb.page("/orgs/" + employer.slug() + "/talent?lang=en");
            HttpResponse<String> page = employerWeb.submit(
                    "/orgs/" + employer.slug() + "/talent",
                    "/orgs/" + employer.slug() + "/talent/find",
                    Map.of("skill", skill.toString()));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Too many searches in the last minute");
        } finally {
            limits.limit(before);
        }
    }

    @Test
    void theEmployersPageSearchesBySkillShowsAnonymousCardsAndInvitesInEnglishAndSpanish() {
        URI skill = kit.freshSkill();
        List<Account> cohort = cohort(5, skill);
        String talent = "/orgs/" + employer.slug() + "/talent";

        assertThat(employerWeb.page(talent + "?lang=es").body()).contains("Buscar por habilidades");
        assertThat(employerWeb.page(talent + "?lang=en&skill=" + skill).body()).contains("Search by skills");
        HttpResponse<String> found = employerWeb.submit(talent, talent + "/find", Map.of("skill", skill.toString()));
        assertThat(found.statusCode()).isEqualTo(200);
        // the results section alone (the page also lists this shared employer's invitations and links by name)
        String body = found.body()
                .substring(
                        found.body().indexOf("id=\"results\""), found.body().indexOf("aria-labelledby=\"employees\""));
        assertThat(body)
                .contains("5 candidates, best match first.")
                .contains("50% match")
                .contains("self-asserted");
        for (Account a : cohort) {
            assertThat(body)
                    .contains(pseudonyms.of(employer.organization().id(), a.id()))
                    .doesNotContain(a.displayName())
                    .doesNotContain(a.email().value())
                    .doesNotContain(a.id().toString());
        }
        String pseudonym =
                pseudonyms.of(employer.organization().id(), cohort.get(2).id());
        HttpResponse<String> invited = employerWeb.submit(
                talent, talent + "/invite", Map.of("pseudonym", pseudonym, "message", "Apply with us"));
        assertThat(invited.statusCode()).isEqualTo(302);
        assertThat(employerWeb.page(talent).body()).contains(pseudonym).contains("Waiting for an answer");
        // a pseudonym never shown to this employer invites nobody, and the page says why
        HttpResponse<String> guessed =
                employerWeb.submit(talent, talent + "/invite", Map.of("pseudonym", "c-0000000000", "message", "Hello"));
        assertThat(guessed.statusCode()).isEqualTo(302);
        assertThat(personalData.accesses(cohort.get(2).id())).isNotEmpty();
    }

    @Test
    void anEmployerFindsItsLinkedConsentingEmployeesByNameAndNobodyElse() {
        URI skill = kit.freshSkill();
        Account linked = kit.learnerWith(skill);
        Account invitedOnly = kit.learnerWith(skill);
        Account discoveryOff = kit.learnerWith(skill);
        Account stranger = kit.learnerWith(skill);
        for (Account a : List.of(linked, invitedOnly, stranger)) {
            discovery.write(a.id(), new DiscoverySetting(DiscoveryMode.INTERNAL, List.of(), List.of(skill)));
        }
        Map<Account, String> links = new java.util.HashMap<>();
        for (Account a : List.of(linked, invitedOnly, discoveryOff)) {
            HttpResponse<String> link = post(
                    employerWeb,
                    employer,
                    "/talent/employees",
                    Map.of("email", a.email().value()));
            assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
            links.put(a, JSON.readTree(link.body()).path("id").asString());
        }
        // someone else cannot accept an invitation to another address
        WebClient strangerWeb = WalletKit.signedIn(port, stranger);
        strangerWeb.submit("/me/talent", "/me/talent/employers/" + links.get(linked) + "/accept", Map.of());
        for (Account a : List.of(linked, discoveryOff)) {
            WebClient web = WalletKit.signedIn(port, a);
            assertThat(web.page("/me/talent").body())
                    .contains(employer.organization().name());
            HttpResponse<String> accepted =
                    web.submit("/me/talent", "/me/talent/employers/" + links.get(a) + "/accept", Map.of());
            assertThat(accepted.statusCode()).isEqualTo(302);
        }

        JsonNode found = internal(employerWeb, employer, skill);

        assertThat(found.path("total").asInt()).isEqualTo(1);
        JsonNode employee = found.path("employees").get(0);
        assertThat(employee.path("name").asString()).isEqualTo(linked.displayName());
        assertThat(employee.path("score").asInt()).isEqualTo(50);
        assertThat(employee.path("requirements").get(0).path("evidence").asString())
                .isEqualTo("self-asserted");
        assertThat(internal(otherEmployerWeb, otherEmployer, skill)
                        .path("total")
                        .asInt())
                .isZero();
        JsonNode list = json(employerWeb.get("/orgs/" + employer.slug() + "/talent/employees", "application/json"));
        Set<String> states = new HashSet<>();
        list.forEach(l -> {
            if (links.containsValue(l.path("id").asString())) {
                states.add(l.path("email").asString() + "=" + l.path("state").asString());
            }
        });
        assertThat(states)
                .containsExactlyInAnyOrder(
                        linked.email().value() + "=LINKED",
                        invitedOnly.email().value() + "=INVITED",
                        discoveryOff.email().value() + "=LINKED");

        // the employee ends the link: gone from the next search at once
        WebClient linkedWeb = WalletKit.signedIn(port, linked);
        linkedWeb.submit("/me/talent", "/me/talent/employers/" + links.get(linked) + "/end", Map.of());
        assertThat(internal(employerWeb, employer, skill).path("total").asInt()).isZero();
        // and internal-only discovery never appears in an anonymous search
        assertThat(search(employerWeb, employer, skill).path("status").asString())
                .isEqualTo("too-few-candidates");
    }

    // --- helpers

    JsonNode internal(WebClient web, Fixtures.Org org, URI skill) {
        return json(web.get(
                "/orgs/" + org.slug() + "/talent/internal?skill="
                        + java.net.URLEncoder.encode(skill.toString(), java.nio.charset.StandardCharsets.UTF_8),
                "application/json"));
    }

    List<Account> cohort(int size, URI skill) {
        List<Account> cohort = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            cohort.add(kit.optedIn(skill));
        }
        return cohort;
    }

    UUID credentialFor(Account learner, WebClient web) {
        Fixtures.Org org = wallet.fixturesForTests().organization(Organization.Kind.PROVIDER);
        AchievementDefinition achievement = achievements.create(
                org.organization().id(),
                new Achievements.Draft(
                        "Talent Test Certificate", "Does the thing.", "Passed.", "Certificate", "", List.of()),
                Fixtures.person(org.admin()));
        wallet.issue(new WalletKit.Provider(org, achievement), learner.email().value());
        return WalletKit.walletId(
                WalletKit.claim(web, wallet.claimToken(learner.email().value())));
    }

    JsonNode search(WebClient web, Fixtures.Org org, URI skill) {
        HttpResponse<String> response = post(
                web, org, "/talent/search", Map.of("skills", List.of(Map.of("uri", skill.toString(), "weight", 0.8))));
        return json(response);
    }

    HttpResponse<String> invite(WebClient web, Fixtures.Org org, String pseudonym, String message) {
        return post(web, org, "/talent/invitations", Map.of("pseudonym", pseudonym, "message", message));
    }

    static Set<String> pseudonymsIn(JsonNode result) {
        Set<String> found = new HashSet<>();
        result.path("candidates").forEach(c -> found.add(c.path("pseudonym").asString()));
        return found;
    }

    static HttpResponse<String> post(WebClient web, Fixtures.Org org, String path, Object body) {
        String orgPath = "/orgs/" + org.slug();
        return sendJson(web, "POST", orgPath + path, orgPath, body);
    }

    static HttpResponse<String> learnerPost(WebClient web, String path, Object body) {
        return sendJson(web, "POST", path, "/wallet", body);
    }

    static HttpResponse<String> learnerPut(WebClient web, String path, Object body) {
        return sendJson(web, "PUT", path, "/wallet", body);
    }

    /** The body as JSON, sent in the signed-in session with the CSRF token of a page it may open. */
    private static HttpResponse<String> sendJson(
            WebClient web, String method, String path, String csrfPage, Object body) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", web.csrfToken(csrfPage))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("type").asString()).endsWith("/" + slug);
    }
}
