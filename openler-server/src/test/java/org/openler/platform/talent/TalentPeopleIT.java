package org.openler.platform.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openler.platform.talent.TalentSearchIT.assertProblem;
import static org.openler.platform.talent.TalentSearchIT.json;
import static org.openler.platform.talent.TalentSearchIT.learnerPut;
import static org.openler.platform.talent.TalentSearchIT.post;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.organizations.Organization;
import org.openler.platform.outbox.MailOutbox;
import org.openler.platform.sharing.ShareId;
import org.openler.platform.sharing.Shares;
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
 * Issue 16's people side over HTTP on the real PostgreSQL: the employee-link e-mail and its link, credentials shared
 * with the employer in its internal search, the coarse location and availability (on the card, as filters, never
 * below five), the learner's preview card, and the links in the privacy bundle.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalentPeopleIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/talent/links/[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    BundledFrameworks bundled;

    @Autowired
    WalletKit wallet;

    @Autowired
    TalentKit kit;

    @Autowired
    TalentDiscovery discovery;

    @Autowired
    AccountService accounts;

    @Autowired
    MailOutbox outbox;

    @Autowired
    Shares shares;

    @Autowired
    JdbcClient jdbc;

    Fixtures.Org employer;
    WebClient employerWeb;

    @BeforeAll
    void theOntologyAndAnEmployer() {
        bundled.loadAll();
        employer = wallet.fixturesForTests().organization(Organization.Kind.EMPLOYER);
        employerWeb = WalletKit.signedIn(port, employer.admin());
    }

    @Test
    void aLinkInvitationIsEMailedAndTheLinkInTheQueuedMailLinksTheLearner() {
        String address = Fixtures.unique("employee") + "@example.org"; // nobody has an account with it yet

        HttpResponse<String> invited = post(employerWeb, employer, "/talent/employees", Map.of("email", address));

        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        MailOutbox.Message mail = outbox.to(address).getFirst();
        String name = employer.organization().name();
        assertThat(mail.subject())
                .as("no account, so no language chosen yet: English and Spanish both")
                .contains(name + " invites you to link as its employee")
                .contains(name + " te invita a vincularte");
        assertThat(mail.body()).contains("If you do not work for " + name).contains("Si no trabajas para " + name);
        String link = linkIn(mail);
        assertThat(outbox.to(address))
                .as("asking again answers the same invitation and sends nothing more")
                .hasSize(1);
        post(employerWeb, employer, "/talent/employees", Map.of("email", address));
        assertThat(outbox.to(address)).hasSize(1);

        assertThat(WebClient.on(port).page(link).body())
                .as("anyone with the link reads whose invitation it is, and is asked to sign in")
                .contains("Link with " + name)
                .contains("/login?continue=/talent/links/");
        // the person signs in with an account under another address: the link proves the invited address was theirs
        Account employee = wallet.fixturesForTests().learner();
        WebClient web = WalletKit.signedIn(port, employee);
        assertThat(web.page(link + "?lang=es").body()).contains("Vincularme con " + name);
        HttpResponse<String> linked = web.submit(link, link, Map.of("answer", "link"));
        assertThat(linked.statusCode()).isEqualTo(302);
        assertThat(linked.headers().firstValue("Location").orElse("")).contains("/me/talent");

        JsonNode links = json(employerWeb.get("/orgs/" + employer.slug() + "/talent/employees", "application/json"));
        assertThat(links.findValuesAsString("state")).contains("LINKED");
        assertThat(links.findValuesAsString("name")).contains(employee.displayName());
        assertThat(web.page("/me/talent").body()).contains(name);
        // the link works once; an unknown token names nothing
        assertThat(web.page(link + "?lang=en").body()).contains("This invitation was already answered.");
        assertThat(web.submit(link, link, Map.of("answer", "link")).statusCode())
                .isEqualTo(409);
        assertThat(WebClient.on(port).page("/talent/links/not-a-token").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theLinkMailIsInTheLanguageOfTheAccountWithThatAddress() {
        Account spanish = accounts.create(new AccountService.NewAccount(
                Fixtures.unique("empleada") + "@example.org",
                "Lucía Pérez",
                Fixtures.PASSWORD,
                AccountKind.LEARNER,
                "es"));
        Account english = wallet.fixturesForTests().learner();

        post(
                employerWeb,
                employer,
                "/talent/employees",
                Map.of("email", spanish.email().value()));
        post(
                employerWeb,
                employer,
                "/talent/employees",
                Map.of("email", english.email().value()));

        MailOutbox.Message toSpanish = outbox.to(spanish.email().value()).getFirst();
        assertThat(toSpanish.subject()).contains("te invita a vincularte").doesNotContain("invites you");
        MailOutbox.Message toEnglish = outbox.to(english.email().value()).getFirst();
        assertThat(toEnglish.subject()).contains("invites you to link").doesNotContain("te invita");
        // the one addressed declines through the link
        WebClient web = WalletKit.signedIn(port, english);
        String link = linkIn(toEnglish);
        assertThat(web.submit(link, link, Map.of("answer", "decline")).statusCode())
                .isEqualTo(302);
        assertThat(json(employerWeb.get("/orgs/" + employer.slug() + "/talent/employees", "application/json"))
                        .toString())
                .contains("\"email\":\"" + english.email().value() + "\",\"state\":\"DECLINED\"");
    }

    @Test
    void credentialsAnEmployeeSharesWithTheEmployerCountInItsInternalSearchUntilTheShareEnds() {
        URI skill = kit.freshSkill();
        WalletKit.Provider college = kit.providerTeaching("Shared Certificate", skill);
        Account employee = wallet.fixturesForTests().learner();
        WebClient web = WalletKit.signedIn(port, employee);
        UUID held = wallet.issuedAndClaimed(college, employee, web);
        // internal discovery, with nothing made searchable
        discovery.write(employee.id(), new DiscoverySetting(DiscoveryMode.INTERNAL, List.of(), List.of()));
        link(employee, web);
        assertThat(internal(skill).path("total").asInt()).isZero();

        // a share to someone else does not count; a share to this employer (recorded by its id) does
        shares.create(employee.id(), new Shares.NewShare(List.of(held), "Another Company", "Job", Optional.empty()));
        assertThat(internal(skill).path("total").asInt()).isZero();
        var share = shares.create(
                        employee.id(),
                        new Shares.NewShare(
                                List.of(held), employer.organization().name(), "My record at work", Optional.empty()),
                        employer.organization().id())
                .share();

        JsonNode found = internal(skill);
        assertThat(found.path("total").asInt()).isEqualTo(1);
        JsonNode one = found.path("employees").get(0);
        assertThat(one.path("name").asString()).isEqualTo(employee.displayName());
        assertThat(one.path("score").asInt()).isEqualTo(100);
        assertThat(one.path("requirements").get(0).path("evidence").asString()).isEqualTo("verified");
        assertThat(employerWeb
                        .submit(
                                "/orgs/" + employer.slug() + "/talent",
                                "/orgs/" + employer.slug() + "/talent/find",
                                Map.of("skill", skill.toString(), "scope", "internal"))
                        .body())
                .as("the page says the search reads shared credentials too")
                .contains("the credentials they share with you now")
                .contains(employee.displayName());

        shares.revoke(employee.id(), new ShareId(share.id()));
        assertThat(internal(skill).path("total").asInt())
                .as("the share ended: the credential no longer counts")
                .isZero();
        // and a share never makes anyone findable anonymously
        assertThat(search(skill, Map.of()).path("status").asString()).isEqualTo("too-few-candidates");
    }

    @Test
    void aShareToOneOfTwoOrganizationsOfOneNameCountsInThatOnesInternalSearchOnly() {
        URI skill = kit.freshSkill();
        WalletKit.Provider college = kit.providerTeaching("Twin Certificate", skill);
        Account employee = wallet.fixturesForTests().learner();
        WebClient web = WalletKit.signedIn(port, employee);
        UUID held = wallet.issuedAndClaimed(college, employee, web);
        discovery.write(employee.id(), new DiscoverySetting(DiscoveryMode.INTERNAL, List.of(), List.of()));
        // a second employer with the very same name, the employee linked to both
        Fixtures.Org twin = wallet.fixturesForTests().organization(Organization.Kind.EMPLOYER);
        String name = employer.organization().name();
        jdbc.sql("update organization set name = ? where id = ?")
                .params(name, twin.organization().id().value())
                .update();
        try {
            twins(skill, employee, web, held, twin, name);
        } finally {
            // the class's employer keeps a name of its own for the other tests
            jdbc.sql("update organization set name = ? where id = ?")
                    .params(twin.organization().name(), twin.organization().id().value())
                    .update();
        }
    }

    private void twins(URI skill, Account employee, WebClient web, UUID held, Fixtures.Org twin, String name) {
        WebClient twinWeb = WalletKit.signedIn(port, twin.admin());
        link(employee, web);
        link(employee, web, twinWeb, twin);

        // the name alone names two organizations: neither is taken for the party
        shares.create(employee.id(), new Shares.NewShare(List.of(held), name, "My record", Optional.empty()));
        assertThat(internal(skill).path("total").asInt()).isZero();
        assertThat(internal(twinWeb, twin, skill).path("total").asInt()).isZero();

        // a share to one of them by its id (as an accepted invitation makes it)
        shares.create(
                employee.id(),
                new Shares.NewShare(List.of(held), name, "My record at work", Optional.empty()),
                employer.organization().id());
        assertThat(internal(skill).path("total").asInt()).isEqualTo(1);
        assertThat(internal(skill).path("employees").get(0).path("score").asInt())
                .isEqualTo(100);
        assertThat(internal(twinWeb, twin, skill).path("total").asInt())
                .as("the other organization of that name sees nothing shared")
                .isZero();
    }

    @Test
    void locationAndAvailabilityAreOnTheCardAndFilterTheSearchButNeverBelowFive() {
        URI skill = kit.freshSkill();
        List<Account> texas = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            texas.add(candidate(skill, "US-TX", Availability.NOW));
        }
        candidate(skill, "US-CA", Availability.WITHIN_3_MONTHS);
        candidate(skill, "US-CA", Availability.NOT_LOOKING);
        Account unsaid = kit.learnerWith(skill);
        WebClient web = WalletKit.signedIn(port, unsaid);
        // through the API: the code in any case; anything not on the list, or not an availability, is a 400
        JsonNode view = json(learnerPut(
                web,
                "/me/discovery",
                Map.of("mode", "anonymous", "skills", List.of(skill.toString()), "location", "us-tx")));
        assertThat(view.path("location").asString()).isEqualTo("US-TX");
        assertThat(view.path("availability").isNull()).isTrue();
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("mode", "anonymous", "location", "78701"),
                Map.<String, Object>of("mode", "anonymous", "location", "Austin, TX"),
                Map.<String, Object>of("mode", "anonymous", "availability", "next tuesday"))) {
            assertProblem(learnerPut(web, "/me/discovery", bad), 400, "invalid-input");
        }

        JsonNode all = search(skill, Map.of());
        assertThat(all.path("total").asInt()).isEqualTo(8);
        assertThat(all.findValuesAsString("location")).contains("US-TX", "US-CA");
        assertThat(all.findValuesAsString("availability")).contains("now", "within-3-months", "not-looking");

        JsonNode inTexas = search(skill, Map.of("location", "US-TX"));
        assertThat(inTexas.path("status").asString()).isEqualTo("ranked");
        assertThat(inTexas.path("total").asInt()).isEqualTo(6);
        assertThat(search(skill, Map.of("availability", "now")).path("total").asInt())
                .isEqualTo(5);
        assertThat(search(skill, Map.of("availability", "within-3-months"))
                        .path("total")
                        .asInt())
                .as("available within 3 months includes those available now")
                .isEqualTo(6);
        JsonNode inCalifornia = search(skill, Map.of("location", "US-CA"));
        assertThat(inCalifornia.path("status").asString())
                .as("two people in California: a filter that singles out fewer than five answers nothing")
                .isEqualTo("too-few-candidates");
        assertThat(inCalifornia.path("candidates").size()).isZero();
        assertThat(search(skill, Map.of("location", "US-TX", "availability", "within-3-months"))
                        .path("total")
                        .asInt())
                .isEqualTo(5);
        assertThat(search(skill, Map.of("location", "US-TX", "availability", "now"))
                        .path("total")
                        .asInt())
                .isEqualTo(5);
        assertProblem(searchResponse(skill, Map.of("location", "Texas")), 400, "invalid-input");
        assertProblem(searchResponse(skill, Map.of("availability", "not-looking")), 400, "invalid-input");

        // the page: the filters, and the location's name on the card, in English and Spanish
        String talent = "/orgs/" + employer.slug() + "/talent";
        String page = employerWeb
                .submit(talent, talent + "/find", Map.of("skill", skill.toString(), "location", "US-TX"))
                .body();
        assertThat(page)
                .contains("6 candidates")
                .contains("Location</span>: <span>Texas</span>")
                .contains("Available now");
        assertThat(employerWeb
                        .submit(
                                talent,
                                talent + "/find?lang=es",
                                Map.of("skill", skill.toString(), "location", "US-CA"))
                        .body())
                .contains("id=\"too-few\"");
    }

    @Test
    void theLearnersPreviewIsTheCandidateCardAnEmployerSeesInEnglishAndSpanish() {
        URI skill = kit.freshSkill();
        Account learner = candidate(skill, "US-NY", Availability.WITHIN_3_MONTHS);
        WebClient web = WalletKit.signedIn(port, learner);
        String label = jdbc
                .sql("select label from skill_competency where uri = ?")
                .param(skill.toString())
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .orElse("");

        String english = web.page("/me/talent?lang=en").body();
        String preview = english.substring(
                english.indexOf("id=\"preview\""), english.indexOf("</section>", english.indexOf("id=\"preview\"")));
        assertThat(preview)
                .contains("class=\"card candidate preview\"")
                .contains("Candidate c-… (a different one at each employer)")
                .contains("Location</span>: <span>New York</span>")
                .contains("Available within 3 months")
                .contains("self-asserted")
                .doesNotContain(learner.displayName())
                .doesNotContain(learner.email().value())
                .as("no query, so no match: the card lists what a search may read")
                .doesNotContain("class=\"score\"");
        if (label.matches("[A-Za-z ,()-]+")) { // a label the page writes as it is (no escaped characters)
            assertThat(preview).contains(label);
        }
        assertThat(web.page("/me/talent?lang=es").body())
                .contains("Esto es exactamente lo que ve un empleador")
                .contains("Nueva York")
                .contains("Disponible en 3 meses");

        // the page's form sets both; a region not on the list is refused in words
        web.submit(
                "/me/talent",
                "/me/talent/discovery",
                Map.of("mode", "anonymous", "skill", skill.toString(), "location", "US-PR", "availability", "now"));
        assertThat(discovery.read(learner.id()).location()).contains("US-PR");
        assertThat(discovery.read(learner.id()).availability()).contains(Availability.NOW);
        HttpResponse<String> refused = web.submit(
                "/me/talent", "/me/talent/discovery", Map.of("mode", "anonymous", "location", "10 Downing Street"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(web.page("/me/talent").body()).contains("Choose a region from the list.");
        assertThat(discovery.read(learner.id()).location()).contains("US-PR");
    }

    @Test
    void employeeLinksAreInThePrivacyBundleAndItsSummaryAndAreNotImported() {
        Account employee = wallet.fixturesForTests().learner();
        WebClient web = WalletKit.signedIn(port, employee);
        discovery.write(
                employee.id(),
                new DiscoverySetting(
                        DiscoveryMode.INTERNAL,
                        List.of(),
                        List.of(),
                        Optional.of("US-OH"),
                        Optional.of(Availability.NOW)));
        link(employee, web);

        JsonNode bundle =
                JSON.readTree(web.get("/privacy/export", "application/json").body());

        JsonNode talent = bundle.path("sections").path("talent");
        assertThat(talent.path("location").asString()).isEqualTo("US-OH");
        assertThat(talent.path("availability").asString()).isEqualTo("now");
        assertThat(talent.path("employeeLinks").get(0).path("employer").asString())
                .isEqualTo(employer.organization().name());
        assertThat(talent.path("employeeLinks").get(0).path("state").asString()).isEqualTo("LINKED");
        assertThat(web.page("/privacy?lang=en").body()).contains("Employers you are linked with as an employee: 1");

        // restored into a new account, the link is not: the employer would otherwise find someone who never chose it
        Account fresh = wallet.fixturesForTests().learner();
        WebClient freshWeb = WalletKit.signedIn(port, fresh);
        HttpResponse<String> imported =
                freshWeb.submit("/privacy", "/privacy/import", Map.of("text", bundle.toString()));
        assertThat(imported.statusCode()).isIn(200, 302);
        assertThat(jdbc.sql("select count(*) from talent_employee where account_id = ?")
                        .param(fresh.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnansweredLinkInvitationToADeletedAccountsAddressGoesWithTheAccount() {
        Account leaving = wallet.fixturesForTests().learner();
        post(
                employerWeb,
                employer,
                "/talent/employees",
                Map.of("email", leaving.email().value()));
        WebClient web = WalletKit.signedIn(port, leaving);

        HttpResponse<String> deleted = web.submit(
                "/privacy",
                "/privacy/delete",
                Map.of("confirmEmail", leaving.email().value()));

        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from talent_employee where email = ?")
                        .param(leaving.email().value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(outbox.to(leaving.email().value())).isEmpty();
    }

    // --- helpers

    /** Invites the learner's address, takes the link from the queued mail and links through it. */
    void link(Account learner, WebClient web) {
        link(learner, web, employerWeb, employer);
    }

    void link(Account learner, WebClient web, WebClient orgWeb, Fixtures.Org org) {
        post(orgWeb, org, "/talent/employees", Map.of("email", learner.email().value()));
        String link = linkIn(outbox.to(learner.email().value()).getFirst());
        assertThat(web.submit(link, link, Map.of("answer", "link")).statusCode())
                .isEqualTo(302);
    }

    static String linkIn(MailOutbox.Message mail) {
        Matcher m = LINK.matcher(mail.body());
        assertThat(m.find()).as("a link in: " + mail.subject()).isTrue();
        return m.group(1);
    }

    JsonNode internal(URI skill) {
        return internal(employerWeb, employer, skill);
    }

    JsonNode internal(WebClient orgWeb, Fixtures.Org org, URI skill) {
        return json(orgWeb.get(
                "/orgs/" + org.slug() + "/talent/internal?skill="
                        + URLEncoder.encode(skill.toString(), StandardCharsets.UTF_8),
                "application/json"));
    }

    JsonNode search(URI skill, Map<String, Object> filters) {
        return json(searchResponse(skill, filters));
    }

    HttpResponse<String> searchResponse(URI skill, Map<String, Object> filters) {
        Map<String, Object> body = new HashMap<>(filters);
        body.put("skills", List.of(Map.of("uri", skill.toString(), "weight", 1.0)));
        return post(employerWeb, employer, "/talent/search", body);
    }

    Account candidate(URI skill, String location, Availability availability) {
        Account learner = kit.learnerWith(skill);
        discovery.write(
                learner.id(),
                new DiscoverySetting(
                        DiscoveryMode.ANONYMOUS,
                        List.of(),
                        List.of(skill),
                        Optional.of(location),
                        Optional.of(availability)));
        return learner;
    }
}
