package org.openler.platform.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.clients.MachineClientService;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.outbox.MailOutbox;
import org.openler.platform.security.SignInGuard;
import org.openler.platform.security.SignInGuard.Attempt;
import org.openler.platform.security.SignInGuard.Channel;
import org.openler.platform.security.SignInGuard.Go;
import org.openler.platform.security.SignInGuard.Wait;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Password and client-secret guessing against the real database: growing delays per name and per source address, the
 * same answers for names nobody has, a notice and an audit event at the lock, and unlocking by an admin. Time is an
 * injected clock where the test needs minutes to pass; over HTTP, each attempt's source address is set with
 * {@code X-Forwarded-For} (the platform honours forwarded headers, as behind its proxy).
 */
@PlatformTest
class LockoutIT {

    private static final LockoutProperties LIMITS =
            new LockoutProperties(5, 10, 100, 50, Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofMinutes(15));

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    MachineClientService clients;

    @Autowired
    MailOutbox outbox;

    @Autowired
    AuditLog audit;

    @Autowired
    SignInThrottle liveThrottle;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));

    @AfterEach
    void forgetTheAddressesUsedHere() {
        // Every test in this JVM signs in from 127.0.0.1: leave no address counts behind for the next class.
        jdbc.sql("delete from sign_in_throttle where kind = 'ADDRESS'").update();
    }

    private SignInThrottle throttle() {
        return new SignInThrottle(jdbc, LIMITS, accounts, clients, outbox, audit, clock);
    }

    @Test
    void thirtyWrongPasswordsThenTheRightOneIsRefusedUntilTheDelayHasPassed() {
        SignInThrottle throttle = throttle();
        Account account = fixtures.learner();
        Attempt attempt = new Attempt(Channel.PASSWORD, account.email().value(), "192.0.2.10");
        int checked = 0;
        for (int i = 0; i < 30; i++) {
            if (throttle.begin(attempt) instanceof Go) {
                checked++;
                throttle.settle(attempt, false);
            }
            clock.advance(Duration.ofSeconds(1));
        }
        // 5 free, then waits of 2, 4, 8 s... within 30 s only a few more get to the password check
        assertThat(checked).isBetween(6, 9);

        SignInGuard.Decision right = throttle.begin(attempt);
        assertThat(right).isInstanceOf(Wait.class);
        Wait wait = (Wait) right;
        assertThat(wait.locked()).isFalse();
        assertThat(wait.retryAfter()).isPositive().isLessThanOrEqualTo(LIMITS.maxDelay());

        clock.advance(wait.retryAfter());
        assertThat(throttle.begin(attempt)).isInstanceOf(Go.class);
        throttle.settle(attempt, true);
        // the success ends the run of failures: the next attempt is checked at once
        assertThat(throttle.begin(attempt)).isInstanceOf(Go.class);
        throttle.settle(attempt, true);
    }

    /**
     * Found by the soak (issue 19): people signing in at once from one address (an office, a campus, the soak's
     * load generator) were sent to "wait" with no failure at all. An attempt read the clock, then waited for the
     * address's row lock while another attempt stored its time there; the delay owed (zero, within the free
     * failures) was then counted from a time a moment "ahead" of the waiting one's clock.
     */
    @Test
    void peopleSigningInAtOnceFromOneAddressAreNotDelayedWhileItsFailuresAreFree() {
        SignInThrottle throttle = throttle();
        Instant start = clock.instant();
        Attempt first = new Attempt(Channel.PASSWORD, fixtures.learner().email().value(), "198.51.100.20");
        Attempt second =
                new Attempt(Channel.PASSWORD, fixtures.learner().email().value(), "198.51.100.20");
        clock.set(start.plusMillis(800));
        assertThat(throttle.begin(first)).isInstanceOf(Go.class);
        clock.set(start);

        assertThat(throttle.begin(second))
                .as("nothing is owed within the address's free failures")
                .isInstanceOf(Go.class);
        throttle.settle(first, true);
        throttle.settle(second, true);
    }

    @Test
    void theDelaysDoubleUpToFifteenMinutes() {
        assertThat(LIMITS.delayAfter(4, 5)).isZero();
        assertThat(LIMITS.delayAfter(5, 5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LIMITS.delayAfter(6, 5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(LIMITS.delayAfter(13, 5)).isEqualTo(Duration.ofSeconds(512));
        assertThat(LIMITS.delayAfter(14, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LIMITS.delayAfter(99, 5)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anUnknownAccountIsAnsweredExactlyAsAKnownOne() {
        SignInThrottle throttle = throttle();
        Account known = fixtures.learner();
        String unknown = Fixtures.unique("nobody") + "@example.org";
        List<SignInGuard.Decision> knownAnswers = new ArrayList<>();
        List<SignInGuard.Decision> unknownAnswers = new ArrayList<>();
        Instant start = clock.instant();
        for (var run : List.of(Map.entry(known.email().value(), knownAnswers), Map.entry(unknown, unknownAnswers))) {
            clock.set(start);
            Attempt attempt = new Attempt(
                    Channel.PASSWORD, run.getKey(), "192.0.2." + (run.getValue() == knownAnswers ? 20 : 21));
            for (int i = 0; i < 40; i++) {
                SignInGuard.Decision decision = throttle.begin(attempt);
                run.getValue().add(decision);
                if (decision instanceof Go) {
                    throttle.settle(attempt, false);
                }
                clock.advance(Duration.ofSeconds(7));
            }
        }
        assertThat(unknownAnswers).isEqualTo(knownAnswers);

        // and over HTTP: the same redirects, in the same order, from the sign-in form
        WebClient web = WebClient.on(port);
        String csrf = web.csrfToken("/login");
        List<String> knownHttp = new ArrayList<>();
        List<String> unknownHttp = new ArrayList<>();
        Account other = fixtures.learner();
        for (int i = 0; i < 7; i++) {
            knownHttp.add(outcome(signIn(web, csrf, other.email().value(), "wrong password " + i, "198.51.100.20")));
            unknownHttp.add(
                    outcome(signIn(web, csrf, Fixtures.unique("ghost") + "@example.org", "x", "198.51.100.21")));
        }
        assertThat(knownHttp)
                .startsWith("/login?error", "/login?error", "/login?error", "/login?error", "/login?error");
        assertThat(knownHttp.getLast()).isEqualTo("/login?throttled");
        assertThat(unknownHttp.subList(0, 5)).containsOnly("/login?error");
    }

    @Test
    void thirtyWrongPasswordsOverHttpThenTheRightOneIsRefusedAndAnOperatorUnlocks() throws Exception {
        Account account = fixtures.learner();
        WebClient web = WebClient.on(port);
        String csrf = web.csrfToken("/login");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            outcomes.add(outcome(signIn(web, csrf, account.email().value(), "not the password " + i, "198.51.100.30")));
        }
        assertThat(outcomes.subList(0, 5)).containsOnly("/login?error");
        assertThat(outcomes).contains("/login?throttled");

        HttpResponse<String> right = signIn(web, csrf, account.email().value(), Fixtures.PASSWORD, "198.51.100.30");
        assertThat(outcome(right)).isEqualTo("/login?throttled");
        assertThat(right.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(web.get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);

        Account operator = fixtures.staff();
        jdbc.sql("update account set platform_operator = true where id = ?")
                .param(operator.id().value())
                .update();
        WebClient operatorWeb = WebClient.on(port);
        operatorWeb.signIn(operator.email().value(), Fixtures.PASSWORD);
        HttpResponse<String> unlocked = operatorWeb.send(HttpRequest.newBuilder(
                        URI.create(operatorWeb.base() + "/api/v1/operator/sign-in-locks/unlock"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", operatorWeb.csrfToken("/login"))
                .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.builder()
                        .build()
                        .writeValueAsString(Map.of("email", account.email().value()))))
                .build());
        assertThat(unlocked.statusCode()).isEqualTo(204);
        assertThat(audit.count(org.openler.platform.audit.AuditAction.SIGN_IN_UNLOCKED, "account:" + operator.id()))
                .isEqualTo(1);

        assertThat(outcome(signIn(web, csrf, account.email().value(), Fixtures.PASSWORD, "198.51.100.31")))
                .isEqualTo("/home");
    }

    @Test
    void aThousandAttemptsAcrossFiftyAccountsFromOneAddressAreRefused() {
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            people.add(fixtures.learner());
        }
        WebClient web = WebClient.on(port);
        String csrf = web.csrfToken("/login");
        int checked = 0;
        int refused = 0;
        for (int i = 0; i < 1000; i++) {
            String where = outcome(signIn(web, csrf, people.get(i % 50).email().value(), "guess " + i, "203.0.113.77"));
            if (where.equals("/login?error")) {
                checked++;
            } else if (where.equals("/login?throttled")) {
                refused++;
            }
        }
        assertThat(checked)
                .as("attempts that reached a password check")
                .isLessThanOrEqualTo(LIMITS.addressFreeFailures() + 5);
        assertThat(refused).isGreaterThanOrEqualTo(1000 - LIMITS.addressFreeFailures() - 5);
        assertThat(checked + refused).isEqualTo(1000);
        // the address is refused even with a right password; the same person from elsewhere is not
        assertThat(outcome(signIn(web, csrf, people.get(7).email().value(), Fixtures.PASSWORD, "203.0.113.77")))
                .isEqualTo("/login?throttled");
        assertThat(outcome(signIn(
                        WebClient.on(port), null, people.get(7).email().value(), Fixtures.PASSWORD, "203.0.113.78")))
                .isEqualTo("/home");
    }

    @Test
    void aHundredConsecutiveFailuresLockTheAccountTellTheHolderAndAnAdminUnlocks() {
        SignInThrottle throttle = throttle();
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        Account member = fixtures.member(org, StaffRole.ISSUER);
        Attempt attempt = new Attempt(Channel.PASSWORD, member.email().value(), "192.0.2.40");
        int failures = 0;
        while (failures < 100) {
            SignInGuard.Decision decision = throttle.begin(attempt);
            assertThat(decision).as("attempt after %d failures", failures).isInstanceOf(Go.class);
            throttle.settle(attempt, false);
            failures++;
            clock.advance(LIMITS.maxDelay());
            jdbc.sql("delete from sign_in_throttle where kind = 'ADDRESS'").update(); // one name, many addresses
        }
        clock.advance(Duration.ofDays(3));
        assertThat(throttle.begin(attempt)).isEqualTo(new Wait(LIMITS.maxDelay(), true));
        assertThat(throttle.isLocked(Channel.PASSWORD, member.email().value().toUpperCase()))
                .isTrue();

        List<MailOutbox.Message> mail = outbox.to(member.email().value());
        assertThat(mail)
                .extracting(MailOutbox.Message::subject)
                .containsExactlyInAnyOrder(
                        "Someone is trying to sign in to your OpenLER account", "Your OpenLER sign-in is locked");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SIGN_IN_LOCKED' and subject = ?")
                        .param("account:" + member.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        // the organization's admin unlocks through the staff page's action
        WebClient admin = WebClient.on(port);
        admin.signIn(org.admin().email().value(), Fixtures.PASSWORD);
        HttpResponse<String> unlock = admin.submit(
                "/orgs/" + org.slug() + "/staff",
                "/orgs/" + org.slug() + "/staff/" + member.id().value() + "/unlock",
                Map.of());
        assertThat(unlock.statusCode()).isEqualTo(302);
        assertThat(throttle.isLocked(Channel.PASSWORD, member.email().value())).isFalse();
        assertThat(throttle.begin(attempt)).isInstanceOf(Go.class);

        // an admin of another organization cannot unlock someone who is not their staff
        Fixtures.Org other = fixtures.organization(Organization.Kind.PROVIDER);
        WebClient stranger = WebClient.on(port);
        stranger.signIn(other.admin().email().value(), Fixtures.PASSWORD);
        assertThat(stranger.submit(
                                "/orgs/" + other.slug() + "/staff",
                                "/orgs/" + other.slug() + "/staff/"
                                        + member.id().value() + "/unlock",
                                Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void twentyWrongClientSecretsThenTheRightOneIsRefusedForKnownAndUnknownClientsAlike() {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        MachineClientService.Created client = fixtures.client(org);
        String id = client.client().clientId();
        String ghost = org.slug() + "-nosuchclient";
        List<Integer> known = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            known.add(token(id, "wrong-secret-" + i, "198.51.100.50").statusCode());
            unknown.add(token(ghost, "wrong-secret-" + i, "198.51.100.51").statusCode());
        }
        assertThat(known.subList(0, 5)).containsOnly(401);
        assertThat(known).contains(429);
        assertThat(unknown.subList(0, 5)).containsOnly(401);
        assertThat(unknown).contains(429);

        HttpResponse<String> right = token(id, client.secret(), "198.51.100.50");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(right.body())
                        .path("error")
                        .asString())
                .isEqualTo("invalid_client");
        assertThat(right.headers().firstValue("Retry-After")).isPresent();

        WebClient admin = WebClient.on(port);
        admin.signIn(org.admin().email().value(), Fixtures.PASSWORD);
        assertThat(admin.submit(
                                "/orgs/" + org.slug() + "/clients",
                                "/orgs/" + org.slug() + "/clients/" + id + "/unlock",
                                Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(token(id, client.secret(), "198.51.100.52").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> token(String clientId, String secret, String address) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("X-Forwarded-For", address)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build());
    }

    private static HttpResponse<String> signIn(
            WebClient web,
            @org.jspecify.annotations.Nullable String csrf,
            String email,
            String password,
            String address) {
        String token = csrf == null ? web.csrfToken("/login") : csrf;
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/login"))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(
                        WebClient.form(Map.of("email", email, "password", password, "_csrf", token))))
                .build());
    }

    /** Where the sign-in form sent the browser: path and query, without the host. */
    private static String outcome(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
