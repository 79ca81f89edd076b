package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.wallet.WalletKit;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The privacy center in a real browser: a learner with a claimed credential reads what is held, turns discovery on,
 * corrects the name, asks the issuer for a correction (which the issuer's staff see and answer), and deletes the
 * account. Every page on the way is checked with axe-core against WCAG 2.2 AA in English and Spanish.
 */
@PlatformTest
class PrivacyBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    Fixtures fixtures;

    @Test
    void aLearnerUsesThePrivacyCenterAndEveryPageMeetsWcag22AaInEnglishAndSpanish() throws Exception {
        freshSession(port);
        Account learner = fixtures.learner();
        WalletKit.Provider provider = kit.provider("Radar Plotting");
        kit.issue(provider, learner.email().value());
        String claim = "/wallet/claim/" + kit.claimToken(learner.email().value());
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            signIn(learner.email().value());
            open(claim + "?lang=en");
            clickAndWait(driver.findElement(By.xpath("//button[text()='Put it in my wallet']")));

            for (String lang : LANGUAGES) {
                findings.check(lang, "/privacy", "privacy center");
            }
            open("/privacy?lang=en");
            assertThat(driver.findElement(By.id("held")).getText()).contains("Credentials you hold: 1");
            clickAndWait(driver.findElement(By.id("discovery-toggle")));
            assertThat(driver.findElement(By.id("discovery-state")).getText()).startsWith("Others may find you");
            type("displayName", " ");
            clickAndWait(driver.findElement(By.cssSelector("form[action='/privacy/name'] button")));
            findings.checkHere("en", "privacy center, name refused");
            type("displayName", "Rada Plotter");
            clickAndWait(driver.findElement(By.cssSelector("form[action='/privacy/name'] button")));
            assertThat(driver.findElement(By.id("displayName")).getAttribute("value"))
                    .isEqualTo("Rada Plotter");

            for (String lang : LANGUAGES) {
                findings.check(lang, "/privacy/corrections", "corrections, none yet");
            }
            open("/privacy/corrections?lang=en");
            type("message", "The achievement date is a year off.");
            submitMainForm();
            assertThat(mainText()).contains("Your request was sent to the issuer.");
            for (String lang : LANGUAGES) {
                findings.check(lang, "/privacy/corrections", "corrections, one sent");
            }
            open("/privacy?lang=en");
            type("confirmEmail", "not-me@example.org");
            clickAndWait(driver.findElement(By.id("delete-account")));
            assertThat(driver.findElement(By.id("delete-errors")).getText()).contains("Type your account");
            findings.checkHere("en", "privacy center, deletion refused");

            // The issuer's side, then back to delete.
            Account issuer = fixtures.member(provider.org(), StaffRole.ISSUER);
            driver.manage().deleteAllCookies();
            signIn(issuer.email().value());
            String list = "/orgs/" + provider.org().slug() + "/corrections";
            for (String lang : LANGUAGES) {
                findings.check(lang, list, "organization's correction requests");
            }
            open(list + "?lang=en");
            driver.findElement(By.cssSelector("input[value=resolved]")).click();
            driver.findElement(By.cssSelector("textarea[name=reply]")).sendKeys("Corrected and re-issued.");
            clickAndWait(driver.findElement(By.cssSelector("#org-requests button[type=submit]")));
            assertThat(mainText()).contains("Corrected and re-issued.");
            findings.checkHere("en", "organization's correction requests, answered");

            driver.manage().deleteAllCookies();
            signIn(learner.email().value());
            open("/privacy/corrections?lang=en");
            assertThat(mainText()).contains("Corrected and re-issued.");
            open("/privacy?lang=en");
            type("confirmEmail", learner.email().value());
            clickAndWait(driver.findElement(By.id("delete-account")));
            assertThat(path()).isEqualTo("/privacy/deleted");
            for (String lang : LANGUAGES) {
                findings.check(lang, "/privacy/deleted", "account deleted");
            }
            open("/privacy");
            assertThat(path()).startsWith("/login");
        } finally {
            unloadAxe(preloaded);
        }

        findings.report("privacy pages");
    }
}
