package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.wallet.WalletKit;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A learner's wallet journey in a real browser: follow the claim link signed out, sign in, claim, read the
 * credential's checks, import a file (one refused, one accepted), make a collection, hide a credential, and find the
 * used link closed. Every page on the way is checked with axe-core against WCAG 2.2 AA in English and Spanish.
 */
@PlatformTest
class WalletBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    Fixtures fixtures;

    @Test
    void aLearnerClaimsImportsAndCuratesAndEveryWalletPageMeetsWcag22AaInEnglishAndSpanish() throws Exception {
        freshSession(port);
        Account learner = fixtures.learner();
        WalletKit.Provider provider = kit.provider("Harbour Pilotage");
        kit.issue(provider, learner.email().value());
        String claim = "/wallet/claim/" + kit.claimToken(learner.email().value());
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            for (String lang : LANGUAGES) {
                findings.check(lang, claim, "claim, signed out");
            }
            open(claim + "?lang=en");
            assertThat(mainText()).contains("Harbour Pilotage");
            clickAndWait(driver.findElement(By.cssSelector("main a[href*=continue]")));
            type("email", learner.email().value());
            type("password", Fixtures.PASSWORD);
            submitMainForm();
            assertThat(path()).startsWith(claim);
            findings.checkHere("en", "claim, signed in");
            clickAndWait(driver.findElement(By.xpath("//button[text()='Put it in my wallet']")));
            assertThat(path()).startsWith("/wallet/credentials/");
            assertThat(heading()).isEqualTo("Harbour Pilotage");
            assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Verified");
            findings.checkHere("en", "credential, just claimed");
            String detail = path();
            findings.check("es", detail, "credential");

            for (String lang : LANGUAGES) {
                findings.check(lang, "/wallet", "wallet, one credential");
            }
            open("/wallet?lang=en");
            paste("{\"this is\": \"not a credential\"}");
            submitMainForm();
            assertThat(driver.findElement(By.id("import-errors")).getText()).contains("cannot be verified");
            findings.checkHere("en", "wallet, import refused");

            open("/wallet?lang=en");
            paste(WalletKit.elsewhere("Open Water Diving"));
            submitMainForm();
            assertThat(driver.findElement(By.cssSelector("main .notice")).getText())
                    .isEqualTo("Verified and added: 1 credential(s).");
            assertThat(driver.findElements(By.cssSelector("#credentials tbody tr")))
                    .hasSize(2);

            type("collection-name", "Job at the harbour");
            clickAndWait(driver.findElement(By.cssSelector("form[action='/wallet/collections'] button")));
            assertThat(mainText()).contains("Job at the harbour");
            clickAndWait(driver.findElement(By.cssSelector("button[aria-label='Hide Open Water Diving']")));
            assertThat(driver.findElements(By.cssSelector("#credentials tbody tr")))
                    .hasSize(1);
            for (String lang : LANGUAGES) {
                findings.check(lang, "/wallet", "wallet, with a collection");
                findings.check(lang, "/wallet?hidden=true", "wallet, hidden ones shown");
            }
            open(detail + "?lang=en");
            clickAndWait(driver.findElement(By.cssSelector("button[aria-label='Add to Job at the harbour']")));
            findings.checkHere("en", "credential, in a collection");

            for (String lang : LANGUAGES) {
                findings.check(lang, claim, "claim, link used");
            }
            assertThat(driver.findElement(By.id("claim-closed")).isDisplayed()).isTrue();
        } finally {
            unloadAxe(preloaded);
        }

        findings.report("wallet pages");
    }

    /** Puts a whole credential into the text area at once (typing several kilobytes key by key is slow). */
    private void paste(String text) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("text")), text);
    }
}
