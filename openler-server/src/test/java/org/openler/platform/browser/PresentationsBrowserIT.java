package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.CredentialFormat;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.wallet.Claims;
import org.openler.platform.wallet.WalletKit;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An employer asks for one claim of an SD-JWT VC over OpenID4VP, the learner sees who asks what and why, unticks
 * nothing, consents, and finds the presentation in their list; the employer sees the verified answer. Every page on
 * the way is checked with axe-core against WCAG 2.2 AA in English and Spanish.
 */
@PlatformTest
class PresentationsBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Issuance issuance;

    @Autowired
    Claims claims;

    @Test
    void anEmployerAsksTheLearnerConsentsAndEveryPageMeetsWcag22AaInEnglishAndSpanish() throws Exception {
        freshSession(port);
        Account learner = fixtures.learner();
        WalletKit.Provider provider = kit.provider("Welding Inspection");
        Issuance.Issued issued = issuance.issue(
                fixtures.issuer(provider.org()),
                new Issuance.Request(
                        provider.achievement().id(),
                        new Issuance.To.Email(learner.email().value()),
                        Optional.empty(),
                        Optional.empty(),
                        Issuance.DidMethod.WEB,
                        CredentialFormat.SD_JWT),
                Fixtures.person(provider.org().admin()));
        claims.placeForDemo(learner.id(), issued.id());
        Fixtures.Org employer = fixtures.organization(Organization.Kind.EMPLOYER);
        String requests = "/orgs/" + employer.slug() + "/presentation-requests";
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            signIn(employer.admin());
            for (String lang : LANGUAGES) {
                findings.check(lang, requests, "requests, none yet");
            }
            open(requests + "?lang=en");
            type("purpose", "Checking welding certification for the site job");
            submitMainForm();
            assertThat(path()).startsWith(requests + "/");
            String request = path();
            String walletLink = driver.findElement(By.id("wallet-link")).getAttribute("href");
            assertThat(driver.findElement(By.id("openid4vp-link")).getText()).startsWith("openid4vp://?client_id=");
            for (String lang : LANGUAGES) {
                findings.check(lang, request, "request, waiting");
                findings.check(lang, requests, "requests, one");
            }

            driver.manage().deleteAllCookies();
            signIn(learner);
            findings.check("en", "/wallet/present", "paste a request");
            findings.check("es", "/wallet/present", "paste a request");
            driver.get(walletLink + "&lang=es");
            findings.checkHere("es", "consent");
            driver.get(walletLink + "&lang=en");
            findings.checkHere("en", "consent");
            assertThat(driver.findElement(By.id("verifier-name")).getText())
                    .isEqualTo(employer.organization().name());
            clickAndWait(driver.findElement(By.id("consent")));
            assertThat(path()).isEqualTo("/wallet/presentations");
            assertThat(driver.findElement(By.id("presented")).getText()).isEqualTo("Sent. The verifier checked it.");
            for (String lang : LANGUAGES) {
                findings.check(lang, "/wallet/presentations", "presentations made");
            }

            driver.manage().deleteAllCookies();
            signIn(employer.admin());
            open(request + "?lang=en");
            assertThat(mainText()).contains("Verified").contains("Welding Inspection");
            for (String lang : LANGUAGES) {
                findings.check(lang, request, "request, answered");
            }
        } finally {
            unloadAxe(preloaded);
        }

        findings.report("presentation pages");
    }

    private void signIn(Account account) {
        signIn(account.email().value());
    }
}
