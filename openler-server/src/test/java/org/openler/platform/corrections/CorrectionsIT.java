package org.openler.platform.corrections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A learner asks the issuer of a held credential to correct it; the issuer's staff see and answer it; the learner
 * reads the answer. Each side sees only its own: another learner and another organization find nothing.
 */
@PlatformTest
class CorrectionsIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WalletKit kit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theIssuerSeesAndAnswersTheRequestAndTheLearnerReadsTheReply() {
        Account learner = fixtures.learner();
        WalletKit.Provider provider = kit.provider("Celestial Navigation");
        WebClient web = signedIn(learner);
        UUID held = claim(web, provider, learner);

        HttpResponse<String> page = web.page("/privacy/corrections");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Celestial Navigation");
        HttpResponse<String> sent = web.submit(
                "/privacy/corrections",
                "/privacy/corrections",
                Map.of("credential", held.toString(), "message", "My surname is Ortega, not Ortiga."));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);

        String slug = provider.org().slug();
        Account viewer = fixtures.member(provider.org(), StaffRole.VIEWER);
        WebClient staff = signedIn(viewer);
        HttpResponse<String> list = staff.page("/orgs/" + slug + "/corrections");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("My surname is Ortega, not Ortiga.")
                .contains("Test LEARNER")
                .doesNotContain(learner.email().value());
        UUID request = requestId(learner);
        HttpResponse<String> viewerAnswers = post(
                staff,
                "/orgs/" + slug + "/corrections",
                "/orgs/" + slug + "/corrections/" + request + "/answer",
                Map.of("outcome", "resolved", "reply", "Fixed."));
        assertThat(viewerAnswers.statusCode())
                .as("a viewer may read, not answer")
                .isEqualTo(403);

        WebClient issuer = signedIn(fixtures.member(provider.org(), StaffRole.ISSUER));
        HttpResponse<String> answered = issuer.submit(
                "/orgs/" + slug + "/corrections",
                "/orgs/" + slug + "/corrections/" + request + "/answer",
                Map.of("outcome", "resolved", "reply", "We re-issued it with the right surname."));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(302);
        HttpResponse<String> again = post(
                issuer,
                "/orgs/" + slug + "/corrections",
                "/orgs/" + slug + "/corrections/" + request + "/answer",
                Map.of("outcome", "declined", "reply", "No."));
        assertThat(again.statusCode()).as("answered once").isEqualTo(409);

        assertThat(web.page("/privacy/corrections").body())
                .contains("We re-issued it with the right surname.")
                .contains("resolved");
        String center = web.page("/privacy").body();
        assertThat(center.substring(center.indexOf("id=\"accesses\"")))
                .as("the learner sees that the issuer read and answered the request")
                .contains(provider.org().organization().name())
                .contains("Read your correction request about Celestial Navigation")
                .contains("Answered your correction request about Celestial Navigation");
    }

    @Test
    void anotherOrganizationAndAnotherLearnerFindNothingOfTheRequest() {
        Account learner = fixtures.learner();
        WalletKit.Provider provider = kit.provider("Tidal Calculations");
        WebClient web = signedIn(learner);
        UUID held = claim(web, provider, learner);
        web.submit(
                "/privacy/corrections",
                "/privacy/corrections",
                Map.of("credential", held.toString(), "message", "The date is wrong."));
        UUID request = requestId(learner);

        Fixtures.Org other = fixtures.organization(org.openler.platform.organizations.Organization.Kind.PROVIDER);
        WebClient otherAdmin = signedIn(other.admin());
        String otherList = "/orgs/" + other.slug() + "/corrections";
        assertThat(otherAdmin.page(otherList).body()).doesNotContain("The date is wrong.");
        HttpResponse<String> reach = post(
                otherAdmin,
                otherList,
                otherList + "/" + request + "/answer",
                Map.of("outcome", "declined", "reply", "Not ours, but we try."));
        assertThat(reach.statusCode())
                .as("another organization's request is not found")
                .isEqualTo(404);
        assertThat(otherAdmin
                        .page("/orgs/" + provider.org().slug() + "/corrections")
                        .statusCode())
                .isEqualTo(403);

        Account stranger = fixtures.learner();
        WebClient strangerWeb = signedIn(stranger);
        assertThat(strangerWeb.page("/privacy/corrections").body()).doesNotContain("The date is wrong.");
        HttpResponse<String> forged = post(
                strangerWeb,
                "/privacy/corrections",
                "/privacy/corrections",
                Map.of("credential", held.toString(), "message", "Someone else's credential."));
        assertThat(forged.statusCode())
                .as("another learner's credential cannot be named")
                .isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from correction_request where account_id = ?")
                        .param(stranger.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select state from correction_request where id = ?")
                        .param(request)
                        .query(String.class)
                        .single())
                .isEqualTo("OPEN");
    }

    private UUID claim(WebClient web, WalletKit.Provider provider, Account learner) {
        kit.issue(provider, learner.email().value());
        String token = kit.claimToken(learner.email().value());
        HttpResponse<String> claimed = web.submit("/wallet/claim/" + token, "/wallet/claim/" + token, Map.of());
        assertThat(claimed.statusCode()).isEqualTo(302);
        String location = claimed.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private UUID requestId(Account learner) {
        return jdbc.sql("select id from correction_request where account_id = ?")
                .param(learner.id().value())
                .query(UUID.class)
                .single();
    }

    private WebClient signedIn(Account account) {
        WebClient web = WebClient.on(port);
        web.signIn(account.email().value(), Fixtures.PASSWORD);
        return web;
    }

    /** A form post with the page's CSRF token, asking for JSON: the status is the answer, without a redirect. */
    private static HttpResponse<String> post(WebClient web, String page, String action, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", web.csrfToken(page));
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + action))
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.form(all)))
                .build());
    }
}
