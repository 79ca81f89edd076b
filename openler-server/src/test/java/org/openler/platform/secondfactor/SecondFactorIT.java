package org.openler.platform.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second factor over HTTP against the real database, as a browser without passkeys uses it: an authenticator app
 * enrolled and then asked for after the password, a code refused the second time, recovery codes that work once, the
 * second step's limit of wrong codes, and an organization that requires a second factor of its staff. The test plays
 * the authenticator app with the key the page shows. (Passkeys: SecondFactorBrowserIT, with a virtual authenticator.)
 */
@PlatformTest
class SecondFactorIT {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @BeforeEach
    void notAtTheEndOfAStep() throws InterruptedException {
        // The test uses the codes of the current step and its neighbours: never start within 8 s of a step's end.
        long intoStep = Instant.now().getEpochSecond() % Totp.STEP_SECONDS;
        if (intoStep > Totp.STEP_SECONDS - 8) {
            Thread.sleep((Totp.STEP_SECONDS - intoStep + 1) * 1000);
        }
    }

    /** An account with an authenticator app, as enrolled through the settings page. */
    private record Enrolled(Account account, byte[] secret, List<String> recoveryCodes, long confirmedStep) {
        String code(long step) {
            return Totp.code(secret, step);
        }
    }

    private Enrolled enrolApp(Account account) {
        WebClient web = WebClient.on(port);
        web.signIn(account.email().value(), Fixtures.PASSWORD);
        HttpResponse<String> started = web.submit("/account/security", "/account/security/totp", Map.of());
        assertThat(started.statusCode()).isEqualTo(200);
        Matcher secret = SECRET.matcher(started.body());
        assertThat(secret.find()).as("the page shows the key").isTrue();
        byte[] key = Base32.decode(secret.group(1));
        long step = Totp.step(Instant.now()) - 1; // the app's clock a little behind: still accepted
        HttpResponse<String> confirmed =
                web.submit("/account/security", "/account/security/totp/confirm", Map.of("code", Totp.code(key, step)));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        Matcher recovery = RECOVERY.matcher(confirmed.body());
        while (recovery.find()) {
            codes.add(recovery.group(1));
        }
        return new Enrolled(account, key, codes, step);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static HttpResponse<String> code(WebClient web, String route, String code) {
        return web.submit("/login/second-factor", "/login/second-factor/" + route, Map.of("code", code));
    }

    @Test
    void aLearnerTurnsOnAnAuthenticatorAppAndIsThenAskedForItsCodeAfterThePassword() throws Exception {
        Enrolled enrolled = enrolApp(fixtures.learner());
        assertThat(enrolled.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();

        WebClient web = WebClient.on(port);
        HttpResponse<String> password = web.signIn(enrolled.account().email().value(), Fixtures.PASSWORD);
        assertThat(location(password)).endsWith("/login/second-factor");
        // half-way: the session has no authentication and no authorities
        assertThat(web.get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
        assertThat(web.page("/wallet").statusCode()).isEqualTo(302);

        HttpResponse<String> passed = code(web, "totp", enrolled.code(enrolled.confirmedStep() + 1));
        assertThat(location(passed)).endsWith("/home");
        HttpResponse<String> me = web.get("/api/v1/me", "application/json");
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.path("email").asString())
                .isEqualTo(enrolled.account().email().value());
        assertThat(audit.count(
                        AuditAction.SECOND_FACTOR_PASSED,
                        "account:" + enrolled.account().id()))
                .isEqualTo(1);
    }

    @Test
    void aCodeThatWasUsedOnceIsRefusedTheSecondTime() {
        Enrolled enrolled = enrolApp(fixtures.learner());
        String code = enrolled.code(enrolled.confirmedStep() + 1);

        WebClient first = WebClient.on(port);
        first.signIn(enrolled.account().email().value(), Fixtures.PASSWORD);
        assertThat(location(code(first, "totp", code))).endsWith("/home");

        WebClient replay = WebClient.on(port);
        replay.signIn(enrolled.account().email().value(), Fixtures.PASSWORD);
        assertThat(location(code(replay, "totp", code))).endsWith("/login/second-factor?wrong");
        // and the code the enrolment used, older still, too
        assertThat(location(code(replay, "totp", enrolled.code(enrolled.confirmedStep()))))
                .endsWith("/login/second-factor?wrong");
        assertThat(replay.get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
        // the next step's code is new and works
        assertThat(location(code(replay, "totp", enrolled.code(enrolled.confirmedStep() + 2))))
                .endsWith("/home");
    }

    @Test
    void aRecoveryCodeSignsInOnceAndNeverAgain() {
        Enrolled enrolled = enrolApp(fixtures.learner());
        String recovery = enrolled.recoveryCodes().get(3);

        WebClient first = WebClient.on(port);
        first.signIn(enrolled.account().email().value(), Fixtures.PASSWORD);
        assertThat(location(code(first, "recovery", recovery.toUpperCase()))).endsWith("/home");
        assertThat(first.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);

        WebClient again = WebClient.on(port);
        again.signIn(enrolled.account().email().value(), Fixtures.PASSWORD);
        assertThat(location(code(again, "recovery", recovery))).endsWith("/login/second-factor?wrong");
        assertThat(again.get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from account_recovery_code where account_id = ? and used_at is null")
                        .param(enrolled.account().id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(9);
    }

    @Test
    void fiveWrongCodesEndTheSecondStepAndThePasswordIsAskedAgain() {
        Enrolled enrolled = enrolApp(fixtures.learner());
        WebClient web = WebClient.on(port);
        web.signIn(enrolled.account().email().value(), Fixtures.PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(location(code(web, "totp", "000000"))).endsWith("/login/second-factor?wrong");
        }
        assertThat(location(code(web, "totp", "000000"))).endsWith("/login?expired");
        // the right code is too late now: the pending sign-in is gone
        assertThat(location(web.page("/login/second-factor"))).endsWith("/login?expired");
        assertThat(web.get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
        assertThat(audit.count(AuditAction.SECOND_FACTOR_FAILED, "anonymous")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theAppsKeyIsSealedAtRestAndRecoveryCodesAreKeptOnlyAsHashes() {
        Enrolled enrolled = enrolApp(fixtures.learner());
        byte[] stored = jdbc.sql("select sealed_secret from account_totp where account_id = ?")
                .param(enrolled.account().id().value())
                .query((rs, n) -> rs.getBytes(1))
                .single();
        assertThat(stored).isNotEqualTo(enrolled.secret());
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(enrolled.secret(), java.nio.charset.StandardCharsets.ISO_8859_1));
        List<String> hashes = jdbc.sql("select code_hash from account_recovery_code where account_id = ?")
                .param(enrolled.account().id().value())
                .query(String.class)
                .list();
        assertThat(hashes).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());
        assertThat(hashes)
                .contains(SecondFactors.RecoveryCodes.hash(
                        enrolled.recoveryCodes().get(0)));
    }

    @Test
    void accountsWithoutASecondFactorSignInAsBefore() {
        Account learner = fixtures.learner();
        WebClient web = WebClient.on(port);
        assertThat(location(web.signIn(learner.email().value(), Fixtures.PASSWORD)))
                .endsWith("/home");
        assertThat(web.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void staffWhoCanIssueAreAskedToSetUpASecondFactor() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        Account issuer = fixtures.member(org, StaffRole.ISSUER);
        Account viewer = fixtures.member(org, StaffRole.VIEWER);

        WebClient asIssuer = WebClient.on(port);
        assertThat(location(asIssuer.signIn(issuer.email().value(), Fixtures.PASSWORD)))
                .endsWith("/home");
        assertThat(asIssuer.page("/orgs/" + org.slug()).body()).contains("please set up a second factor");

        WebClient asViewer = WebClient.on(port);
        asViewer.signIn(viewer.email().value(), Fixtures.PASSWORD);
        assertThat(asViewer.page("/orgs/" + org.slug()).body()).doesNotContain("please set up a second factor");
    }

    @Test
    void anOrganizationThatRequiresASecondFactorClosesItsRoutesToStaffWithoutOneUntilTheyEnrol() throws Exception {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        Account issuer = fixtures.member(org, StaffRole.ISSUER);
        Fixtures.Org other = fixtures.organization(Organization.Kind.EMPLOYER);

        // the admin enrols, then requires it
        enrolApp(org.admin());
        WebClient admin = WebClient.on(port);
        admin.signIn(org.admin().email().value(), Fixtures.PASSWORD);
        // the admin has a factor: finish the second step with a recovery code issued here
        String adminRecovery = jdbcRecoveryCodeFor(org.admin());
        assertThat(location(code(admin, "recovery", adminRecovery))).endsWith("/home");
        HttpResponse<String> required = admin.submit(
                "/orgs/" + org.slug() + "/staff",
                "/orgs/" + org.slug() + "/security/second-factor",
                Map.of("required", "true"));
        assertThat(location(required)).endsWith("/orgs/" + org.slug() + "/staff");
        assertThat(audit.forOrganization(org.organization().id(), 20))
                .anyMatch(e -> e.action().equals(AuditAction.SECOND_FACTOR_REQUIREMENT_CHANGED.name()));

        // a staff member without one: signed in, sent to enrolment, the organization's routes closed
        WebClient staff = WebClient.on(port);
        assertThat(location(staff.signIn(issuer.email().value(), Fixtures.PASSWORD)))
                .endsWith("/account/security?required");
        assertThat(location(staff.page("/orgs/" + org.slug() + "/staff"))).endsWith("/account/security?required");
        HttpResponse<String> api = staff.get("/api/v1/orgs/" + org.slug(), "application/json");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(api.body()).path("detail").asString()).contains("second factor");
        // other organizations' rules are their own: not required there
        assertThat(staff.get("/api/v1/orgs/" + other.slug(), "application/json").statusCode())
                .isEqualTo(403); // not on its staff at all: the access check's answer, unchanged
        assertThat(staff.page("/account/security").statusCode()).isEqualTo(200);

        // once enrolled, the routes open (a new sign-in now asks for the code)
        Enrolled enrolled = enrolApp(issuer);
        WebClient after = WebClient.on(port);
        after.signIn(issuer.email().value(), Fixtures.PASSWORD);
        assertThat(location(code(after, "totp", enrolled.code(enrolled.confirmedStep() + 1))))
                .endsWith("/home");
        assertThat(after.page("/orgs/" + org.slug() + "/staff").statusCode()).isEqualTo(200);
        assertThat(after.get("/api/v1/orgs/" + org.slug(), "application/json").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPasskeyIsRemovedOnlyByItsOwnAccount() {
        Account owner = fixtures.learner();
        Account other = fixtures.learner();
        String entity = "entity-" + owner.id();
        String credential = "credential-" + owner.id();
        jdbc.sql("insert into user_entities (id, name, display_name, account_id) values (?, ?, ?, ?)")
                .params(entity, owner.email().value(), "Owner", owner.id().value())
                .update();
        jdbc.sql("insert into user_credentials (credential_id, user_entity_user_id, public_key, signature_count,"
                        + " backup_eligible, backup_state, label) values (?, ?, ?, 0, false, false, 'Laptop')")
                .params(credential, entity, new byte[] {1, 2, 3})
                .update();
        String remove = "/account/security/passkeys/" + credential + "/remove";

        WebClient asOther = WebClient.on(port);
        asOther.signIn(other.email().value(), Fixtures.PASSWORD);
        assertThat(location(asOther.submit("/account/security", remove, Map.of())))
                .endsWith("/account/security");
        assertThat(passkeysOf(owner)).isEqualTo(1);

        assertThat(factors.status(owner.id()).passkeys()).isEqualTo(1);
        WebClient asOwner = WebClient.on(port);
        asOwner.signIn(owner.email().value(), Fixtures.PASSWORD);
        // the owner has a passkey now: the second step; a recovery code made here completes it
        assertThat(location(code(asOwner, "recovery", jdbcRecoveryCodeFor(owner))))
                .endsWith("/home");
        assertThat(asOwner.page("/account/security").body()).contains("Laptop");
        assertThat(location(asOwner.submit("/account/security", remove, Map.of())))
                .endsWith("/account/security");
        assertThat(passkeysOf(owner)).isZero();
    }

    private int passkeysOf(Account account) {
        return jdbc.sql("select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id"
                        + " where u.account_id = ?")
                .param(account.id().value())
                .query(Integer.class)
                .single();
    }

    @Autowired
    SecondFactors factors;

    /** Fresh recovery codes for an account (replacing those shown at enrolment); returns one. */
    private String jdbcRecoveryCodeFor(Account account) {
        return factors.newRecoveryCodes(account.id(), Fixtures.person(account)).get(0);
    }
}
