package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.audit.AuditAction;
import org.openler.platform.audit.AuditLog;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Passkeys in a real browser: Chromium with a virtual authenticator (Chrome DevTools' WebAuthn domain, through
 * Selenium's HasVirtualAuthenticator) stands in for a phone or security key. A learner adds a passkey on the sign-in
 * security page, signs out, and signs in again with password and passkey; the pages pass axe in English and Spanish.
 */
@PlatformTest
class SecondFactorBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    VirtualAuthenticator authenticator;

    @BeforeEach
    void freshVisitorWithAnAuthenticator() {
        freshSession(port);
        authenticator = driver.addVirtualAuthenticator(options());
    }

    /** A platform authenticator with discoverable credentials and user verification (a phone's or laptop's). */
    private static VirtualAuthenticatorOptions options() {
        return new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true);
    }

    @AfterEach
    void removeTheAuthenticator() {
        if (authenticator != null) {
            driver.removeVirtualAuthenticator(authenticator);
        }
    }

    @Test
    void aLearnerAddsAPasskeyAndSignsInWithPasswordAndPasskey() {
        Account learner = fixtures.learner();
        signIn(learner.email().value());
        assertThat(path()).isEqualTo("/home");

        open("/account/security?lang=en");
        type("passkey-label", "Test laptop");
        clickAndWait(driver.findElement(By.id("passkey-register")));
        assertThat(mainText()).contains("The passkey is added");
        assertThat(driver.findElements(By.cssSelector("#passkey-list li"))).hasSize(1);
        assertThat(driver.findElement(By.id("passkey-list")).getText()).contains("Test laptop");
        assertThat(driver.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        assertThat(authenticator.getCredentials()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from user_credentials c join user_entities u"
                                + " on u.id = c.user_entity_user_id where u.account_id = ?")
                        .param(learner.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        signOut();
        signIn(learner.email().value());
        assertThat(path()).isEqualTo("/login/second-factor");
        assertThat(heading()).isEqualTo("Confirm it is you");

        driver.findElement(By.id("passkey-sign-in")).click();
        new WebDriverWait(driver, WAIT, POLL).until(d -> path().equals("/home"));
        assertThat(driver.findElement(By.cssSelector(".signed-in")).getText()).contains("Test LEARNER");
        assertThat(audit.count(AuditAction.SECOND_FACTOR_PASSED, "account:" + learner.id()))
                .isEqualTo(1);
    }

    /**
     * A passkey alone signs in (issue 19): on the sign-in page, with no e-mail or password typed, the browser offers the
     * discoverable credential it holds for this site, and its signature (with user verification) completes the sign-in.
     */
    @Test
    void aLearnerSignsInWithAPasskeyAloneWithoutAPassword() {
        Account learner = fixtures.learner();
        addPasskey(learner, "Phone");
        assertThat(path()).doesNotStartWith("/home");

        open("/login?continue=/wallet&lang=en");
        driver.findElement(By.id("passkey-sign-in")).click();
        new WebDriverWait(driver, WAIT, POLL).until(d -> path().equals("/wallet"));
        assertThat(driver.findElement(By.cssSelector(".signed-in")).getText()).contains("Test LEARNER");
        assertThat(jdbc.sql("select count(*) from audit_event where action = ? and subject = ? and detail = ?")
                        .params(AuditAction.SECOND_FACTOR_PASSED.name(), "account:" + learner.id(), "passkey alone")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // a passkey the site does not know (its account's passkeys were removed): refused, not signed in
        signOut();
        jdbc.sql("delete from user_credentials where user_entity_user_id in"
                        + " (select id from user_entities where account_id = ?)")
                .param(learner.id().value())
                .update();
        open("/login?lang=en");
        driver.findElement(By.id("passkey-sign-in")).click();
        new WebDriverWait(driver, WAIT, POLL)
                .until(d -> d.findElement(By.id("passkey-error")).isDisplayed());
        open("/home");
        assertThat(path()).startsWith("/login");
    }

    /**
     * The attack: a password of one account, then a passkey of another (here: the authenticator holds only A's
     * passkey while B signs in). The signature is valid, but for the wrong account: refused, and B is not signed in.
     */
    @Test
    void aPasskeyOfAnotherAccountDoesNotCompleteTheSignIn() {
        Account a = fixtures.learner();
        Account b = fixtures.learner();
        addPasskey(a, "A's key");
        List<Credential> credentialsOfA = authenticator.getCredentials();
        assertThat(credentialsOfA).hasSize(1);

        driver.removeVirtualAuthenticator(authenticator);
        authenticator = driver.addVirtualAuthenticator(options());
        addPasskey(b, "B's key");

        driver.removeVirtualAuthenticator(authenticator);
        authenticator = driver.addVirtualAuthenticator(options());
        authenticator.addCredential(credentialsOfA.get(0));

        signIn(b.email().value());
        assertThat(path()).isEqualTo("/login/second-factor");
        driver.findElement(By.id("passkey-sign-in")).click();
        new WebDriverWait(driver, WAIT, POLL)
                .until(d -> d.findElement(By.id("passkey-error")).isDisplayed());
        assertThat(path()).isEqualTo("/login/second-factor");
        open("/home");
        assertThat(path()).startsWith("/login");
        assertThat(audit.count(AuditAction.SECOND_FACTOR_PASSED, "account:" + b.id()))
                .isZero();
        // refused by the account check, after Spring Security verified A's signature: not by anything else
        assertThat(jdbc.sql("select count(*) from audit_event where action = ? and subject = ? and detail = ?")
                        .params(
                                AuditAction.SECOND_FACTOR_FAILED.name(),
                                "account:" + b.id(),
                                "passkey of another account")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private void addPasskey(Account account, String label) {
        driver.manage().deleteAllCookies();
        signIn(account.email().value());
        open("/account/security?lang=en");
        type("passkey-label", label);
        clickAndWait(driver.findElement(By.id("passkey-register")));
        assertThat(mainText()).contains("The passkey is added");
        signOut();
    }

    @Test
    void theSecurityPagesPassAxeInEnglishAndSpanish() throws Exception {
        Account learner = fixtures.learner();
        signIn(learner.email().value());
        String axe = preloadAxe();
        try {
            checkSecurityPages(learner);
        } finally {
            unloadAxe(axe);
        }
    }

    private void checkSecurityPages(Account learner) {
        AxeFindings findings = new AxeFindings();
        for (String lang : LANGUAGES) {
            findings.check(lang, "/account/security", "sign-in security");
        }
        // the second step, with a passkey to offer
        open("/account/security?lang=en");
        type("passkey-label", "Key");
        clickAndWait(driver.findElement(By.id("passkey-register")));
        signOut();
        signIn(learner.email().value());
        for (String lang : LANGUAGES) {
            findings.check(lang, "/login/second-factor", "second step");
        }
        // half-way through, not signed in: the sign-in page with its passkey button
        for (String lang : LANGUAGES) {
            findings.check(lang, "/login", "sign-in with a passkey");
        }
        assertThat(findings.blocking).as("serious or critical axe findings").isEqualTo(List.of());
    }

    private void signOut() {
        clickAndWait(driver.findElement(By.cssSelector("header form[action$='/logout'] button")));
    }
}
