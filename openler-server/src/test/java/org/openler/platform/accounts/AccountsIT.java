package org.openler.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.outbox.MailOutbox;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformTest
class AccountsIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    MailOutbox outbox;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signUpStoresAnArgon2HashAndNeverThePassword() {
        String email = Fixtures.unique("hash") + "@example.org";
        accounts.create(
                new AccountService.NewAccount(email, "Hash Test", Fixtures.PASSWORD, AccountKind.LEARNER, "en"));

        String stored = jdbc.sql("select password_hash from account where email = ?")
                .param(email)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("{argon2}$argon2id$").doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void rejectsASecondAccountForTheSameAddressWhateverItsCase() {
        String email = Fixtures.unique("dup") + "@example.org";
        accounts.create(new AccountService.NewAccount(email, "First", Fixtures.PASSWORD, AccountKind.LEARNER, "en"));

        assertThatThrownBy(() -> accounts.create(new AccountService.NewAccount(
                        email.toUpperCase(), "Second", Fixtures.PASSWORD, AccountKind.LEARNER, "en")))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
    }

    @Test
    void reportsEveryWrongFieldAtOnce() {
        assertThatThrownBy(() -> accounts.create(
                        new AccountService.NewAccount("not-an-address", " ", "short", AccountKind.LEARNER, "en")))
                .isInstanceOfSatisfying(
                        PlatformException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(PlatformException.FieldError::field)
                                .containsExactlyInAnyOrder("email", "displayName", "password"));
    }

    @Test
    void aPasswordResetLinkWorksOnceAndThenIsGone() {
        var account = accounts.create(new AccountService.NewAccount(
                Fixtures.unique("reset") + "@example.org", "Reset", Fixtures.PASSWORD, AccountKind.LEARNER, "en"));
        WebClient browser = WebClient.on(port);

        browser.submit(
                "/password/forgot",
                "/password/forgot",
                Map.of("email", account.email().value()));
        String body = outbox.to(account.email().value()).get(0).body();
        Matcher link = Pattern.compile("/password/reset/([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).isTrue();
        String path = "/password/reset/" + link.group(1);

        HttpResponse<String> reset = browser.submit(path, path, Map.of("password", "a brand new passphrase"));
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(reset.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?reset"));

        browser.signIn(account.email().value(), "a brand new passphrase");
        assertThat(accounts.isResetTokenValid(link.group(1))).isFalse();
        assertThat(audit.count(AuditAction.PASSWORD_RESET, "anonymous")).isPositive();
    }

    @Test
    void forgottenPasswordFormSaysTheSameWhetherOrNotTheAddressHasAnAccount() {
        WebClient browser = WebClient.on(port);
        String known = browser.submit(
                        "/password/forgot",
                        "/password/forgot",
                        Map.of("email", Fixtures.unique("nobody") + "@example.org"))
                .body();
        assertThat(known).contains("If that address has an account");
        assertThat(outbox.to("nobody@example.org")).isEmpty();
    }

    @Test
    void signingInAndOutIsAudited() {
        var account = accounts.create(new AccountService.NewAccount(
                Fixtures.unique("audit") + "@example.org", "Audit", Fixtures.PASSWORD, AccountKind.LEARNER, "en"));
        WebClient browser = WebClient.on(port);
        browser.signIn(account.email().value(), Fixtures.PASSWORD);
        HttpResponse<String> me = browser.get("/api/v1/me", "application/json");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(account.id().toString());

        browser.submit("/home", "/logout", Map.of());
        assertThat(browser.get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
        assertThat(audit.count(AuditAction.SIGN_IN, "account:" + account.id())).isEqualTo(1);
        assertThat(audit.count(AuditAction.SIGN_OUT, "account:" + account.id())).isEqualTo(1);
    }
}
