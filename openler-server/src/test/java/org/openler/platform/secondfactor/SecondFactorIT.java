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
import org.openler.platform.outbox.MailOutbox;
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

    @Autowired
    MailOutbox outbox;

    @Test
    void anAdminResetsAStaffMembersLostFactorAfterCheckingItIsThemAndTheMemberMustEnrolAgain() throws Exception {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        Account member = fixtures.member(org, StaffRole.ISSUER);
        Enrolled lost = enrolApp(member);
        WebClient thief = WebClient.on(port); // whoever holds a session of the member's now
        thief.signIn(member.email().value(), Fixtures.PASSWORD);
        assertThat(location(code(thief, "totp", lost.code(lost.confirmedStep() + 1))))
                .endsWith("/home");
        assertThat(thief.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);

        WebClient admin = WebClient.on(port);
        admin.signIn(org.admin().email().value(), Fixtures.PASSWORD);
        String staffPage = "/orgs/" + org.slug() + "/staff";
        String reset = "/orgs/" + org.slug() + "/staff/" + member.id().value() + "/second-factor/reset";
        assertThat(admin.page(staffPage).body()).contains(reset);
        HttpResponse<String> form = admin.page(reset);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(member.displayName());

        // each check refuses on its own, and nothing is reset
        Map<String, String> right = Map.of(
                "identityCheck",
                "VIDEO_CALL",
                "confirmEmail",
                member.email().value().toUpperCase(java.util.Locale.ROOT),
                "password",
                Fixtures.PASSWORD);
        for (Map.Entry<String, String> wrong : List.of(
                Map.entry("identityCheck", ""),
                Map.entry("confirmEmail", "someone-else@example.org"),
                Map.entry("password", "not my password at all"))) {
            Map<String, String> fields = new java.util.HashMap<>(right);
            fields.put(wrong.getKey(), wrong.getValue());
            HttpResponse<String> refused = admin.submit(reset, reset, fields);
            assertThat(refused.statusCode()).as(wrong.getKey()).isEqualTo(200);
            assertThat(refused.body()).as(wrong.getKey()).contains("class=\"error\"");
        }
        assertThat(factors.status(member.id()).totp()).isTrue();

        HttpResponse<String> done = admin.submit(reset, reset, right);
        assertThat(location(done)).endsWith(staffPage);

        SecondFactors.Status after = factors.status(member.id());
        assertThat(after.any()).isFalse();
        assertThat(after.recoveryCodesLeft()).isZero();
        assertThat(factors.resetPending(member.id())).isTrue();
        assertThat(thief.get("/api/v1/me", "application/json").statusCode())
                .as("the member's sessions are ended")
                .isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_event where action = ? and actor = ? and subject = ?"
                                + " and detail = 'identity checked: VIDEO_CALL'")
                        .params(
                                AuditAction.SECOND_FACTOR_RESET.name(),
                                "account:" + org.admin().id(),
                                "account:" + member.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(outbox.to(member.email().value()))
                .anyMatch(m -> m.subject().contains("second factor was reset")
                                && m.body().contains("VIDEO")
                        || m.subject().contains("second factor was reset")
                                && m.body().contains("video call"));

        // the member signs in with the password alone, straight to enrolment; the organization stays closed
        WebClient again = WebClient.on(port);
        assertThat(location(again.signIn(member.email().value(), Fixtures.PASSWORD)))
                .endsWith("/account/security?reset");
        assertThat(location(again.page(staffPage))).endsWith("/account/security?reset");
        assertThat(again.get("/api/v1/orgs/" + org.slug(), "application/json").statusCode())
                .isEqualTo(403);
        assertThat(again.page("/account/security?reset").body()).contains("was reset");

        Enrolled anew = enrolApp(member);
        assertThat(factors.resetPending(member.id())).isFalse();
        WebClient enrolled = WebClient.on(port);
        enrolled.signIn(member.email().value(), Fixtures.PASSWORD);
        assertThat(location(code(enrolled, "totp", anew.code(anew.confirmedStep() + 1))))
                .endsWith("/home");
        assertThat(enrolled.page(staffPage).statusCode()).isEqualTo(200);
    }

    @Test
    void nobodyResetsTheirOwnFactorNorAStrangersAndTheOperatorResetsAnyonesWithAStatedCheck() throws Exception {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        Fixtures.Org other = fixtures.organization(Organization.Kind.PROVIDER);
        Account learner = fixtures.learner();
        enrolApp(learner);
        enrolApp(org.admin());
        WebClient admin = WebClient.on(port);
        admin.signIn(org.admin().email().value(), Fixtures.PASSWORD);
        assertThat(location(code(admin, "recovery", jdbcRecoveryCodeFor(org.admin()))))
                .endsWith("/home");

        String own = "/orgs/" + org.slug() + "/staff/" + org.admin().id().value() + "/second-factor/reset";
        HttpResponse<String> refused = admin.submit(
                own,
                own,
                Map.of(
                        "identityCheck",
                        "IN_PERSON",
                        "confirmEmail",
                        org.admin().email().value(),
                        "password",
                        Fixtures.PASSWORD));
        assertThat(refused.body()).contains("class=\"error\"");
        assertThat(factors.status(org.admin().id()).totp()).isTrue();
        // another organization's admin, a learner: not on this staff
        assertThat(admin.page("/orgs/" + org.slug() + "/staff/"
                                + other.admin().id().value() + "/second-factor/reset")
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin.page("/orgs/" + org.slug() + "/staff/" + learner.id().value() + "/second-factor/reset")
                        .statusCode())
                .isEqualTo(404);

        Account operator = fixtures.staff();
        jdbc.sql("update account set platform_operator = true where id = ?")
                .param(operator.id().value())
                .update();
        WebClient operatorWeb = WebClient.on(port);
        operatorWeb.signIn(operator.email().value(), Fixtures.PASSWORD);
        String csrf = operatorWeb.csrfToken("/login");
        HttpResponse<String> noCheck = operatorReset(
                operatorWeb,
                csrf,
                Map.of(
                        "email",
                        learner.email().value(),
                        "identityCheck",
                        "asked nicely",
                        "password",
                        Fixtures.PASSWORD));
        assertThat(noCheck.statusCode()).isEqualTo(400);
        assertThat(noCheck.body()).contains("identityCheck");
        HttpResponse<String> wrongPassword = operatorReset(
                operatorWeb,
                csrf,
                Map.of("email", learner.email().value(), "identityCheck", "KNOWN_CONTACT", "password", "guess"));
        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(factors.status(learner.id()).totp()).isTrue();
        HttpResponse<String> nobody = operatorReset(
                operatorWeb,
                csrf,
                Map.of(
                        "email",
                        "nobody-" + java.util.UUID.randomUUID() + "@example.org",
                        "identityCheck",
                        "KNOWN_CONTACT",
                        "password",
                        Fixtures.PASSWORD));
        assertThat(nobody.statusCode()).isEqualTo(404);

        HttpResponse<String> done = operatorReset(
                operatorWeb,
                csrf,
                Map.of(
                        "email",
                        learner.email().value(),
                        "identityCheck",
                        "KNOWN_CONTACT",
                        "password",
                        Fixtures.PASSWORD));
        assertThat(done.statusCode()).isEqualTo(204);
        assertThat(factors.hasSecondFactor(learner.id())).isFalse();
        assertThat(audit.count(AuditAction.SECOND_FACTOR_RESET, "account:" + operator.id()))
                .isEqualTo(1);
        assertThat(outbox.to(learner.email().value())).anyMatch(m -> m.body().contains("platform operator"));
        WebClient learnerWeb = WebClient.on(port);
        assertThat(location(learnerWeb.signIn(learner.email().value(), Fixtures.PASSWORD)))
                .endsWith("/account/security?reset");
    }

    private static HttpResponse<String> operatorReset(WebClient web, String csrf, Map<String, String> body) {
        return web.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(web.base() + "/api/v1/operator/second-factor/reset"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
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
