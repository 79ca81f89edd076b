package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.openler.platform.sharing.ShareKit;
import org.openler.platform.support.PlatformTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sharing in a real browser: the learner makes a share of two of three credentials, someone not signed in opens the
 * link and reads the checks, the learner sees that visit and ends the share, and the link then says it is gone.
 * Every page on the way is checked with axe-core against WCAG 2.2 AA in English and Spanish.
 */
@PlatformTest
class ShareBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    ShareKit kit;

    @Test
    void aLearnerSharesAnEmployerVerifiesTheLearnerSeesTheVisitAndEndsItAndEveryPageMeetsWcag22Aa() throws Exception {
        freshSession(port);
        ShareKit.Holder holder = kit.holder("Harbour Pilotage", "Open Water Diving", "Private Hobby Badge");
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            signIn(holder);
            for (String lang : LANGUAGES) {
                findings.check(lang, "/wallet/shares", "shares, none yet");
            }
            open("/wallet/shares?lang=en");
            driver.findElement(By.id("pick-" + holder.held().get(0))).click();
            driver.findElement(By.id("pick-" + holder.held().get(1))).click();
            type("party", "Acme Corp HR");
            type("purpose", "My application for the pilot position");
            submitMainForm();
            assertThat(path()).startsWith("/wallet/shares/");
            String sharePage = URI.create(driver.getCurrentUrl()).getRawPath();
            String link = driver.findElement(By.id("share-link")).getText();
            assertThat(driver.findElement(By.id("share-qr")).getAttribute("src"))
                    .startsWith("data:image/svg+xml");
            findings.checkHere("en", "share, just made (link and QR code)");

            driver.manage().deleteAllCookies();
            String linkPath = URI.create(link).getRawPath();
            for (String lang : LANGUAGES) {
                findings.check(lang, linkPath, "shared credentials, not signed in");
            }
            open(linkPath + "?lang=en");
            assertThat(mainText())
                    .contains("Harbour Pilotage", "Open Water Diving")
                    .contains("an organization registered on this platform")
                    .contains("Unknown issuer")
                    .doesNotContain("Private Hobby Badge");

            signIn(holder);
            for (String lang : LANGUAGES) {
                findings.check(lang, sharePage, "share, one visit");
                findings.check(lang, "/wallet/shares", "shares, one active");
            }
            open(sharePage + "?lang=en");
            assertThat(driver.findElement(By.id("access-log")).getText()).contains("Someone with the link");
            clickAndWait(driver.findElement(By.id("revoke")));
            assertThat(mainText()).contains("The share has ended.");
            findings.checkHere("en", "share, ended");

            driver.manage().deleteAllCookies();
            for (String lang : LANGUAGES) {
                findings.check(lang, linkPath, "shared credentials, link ended");
            }
            open(linkPath + "?lang=en");
            assertThat(heading()).isEqualTo("That link is no longer valid");
            assertThat(mainText()).doesNotContain("Harbour Pilotage");
        } finally {
            unloadAxe(preloaded);
        }

        findings.report("sharing pages");
    }

    @Autowired
    org.openler.platform.wallet.WalletKit walletKit;

    @Autowired
    org.openler.platform.wallet.Claims claims;

    @Test
    void aLearnerSharesOneFieldOfAnSdJwtVcAndTheEmployerSeesOnlyThatFieldAndEveryPageMeetsWcag22Aa() throws Exception {
        freshSession(port);
        ShareKit.Holder holder = kit.holder("Crane Operation");
        var provider = holder.provider();
        var issued = walletKit.issueSdJwt(provider, holder.account().email().value());
        java.util.UUID sdJwt = claims.placeForDemo(holder.account().id(), issued.id());
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            signIn(holder);
            for (String lang : LANGUAGES) {
                findings.check(lang, "/wallet/shares", "shares, with an SD-JWT VC's fields to choose");
            }
            open("/wallet/shares?lang=en");
            driver.findElement(By.id("pick-" + sdJwt)).click();
            driver.findElement(By.id("claim-" + sdJwt + "-achievement_name")).click();
            type("party", "Acme Corp HR");
            type("purpose", "Crane operator opening");
            submitMainForm();
            assertThat(path()).startsWith("/wallet/shares/");
            String link = driver.findElement(By.id("share-link")).getText();

            driver.manage().deleteAllCookies();
            String linkPath = URI.create(link).getRawPath();
            for (String lang : LANGUAGES) {
                findings.check(lang, linkPath, "an SD-JWT VC's chosen field, not signed in");
            }
            open(linkPath + "?lang=en");
            assertThat(mainText())
                    .contains("The fields the holder chose to show", "Crane Operation")
                    .doesNotContain(holder.account().email().value())
                    .doesNotContain("Does the thing well.");
        } finally {
            unloadAxe(preloaded);
        }
        findings.report("SD-JWT sharing pages");
    }

    @Autowired
    org.openler.platform.skills.load.BundledFrameworks bundled;

    @Autowired
    org.openler.platform.jobs.Jobs jobs;

    @Autowired
    org.openler.platform.support.Fixtures fixtures;

    @Test
    void aLearnerAimsAShareAtAJobAndTheReaderSeesTheFitOfTheSharedCredentialAndEveryPageMeetsWcag22Aa()
            throws Exception {
        bundled.loadAll();
        String title = "Harbour pilot " + org.openler.platform.support.Fixtures.unique("job");
        var employer = fixtures.organization(org.openler.platform.organizations.Organization.Kind.EMPLOYER);
        var job = jobs.create(
                employer.organization().id(),
                new org.openler.platform.jobs.JobContent(
                        title,
                        "51-4121.00",
                        java.util.Optional.empty(),
                        "Pilots ships into the harbour.",
                        java.util.List.of(new org.openler.platform.jobs.JobRequirement(
                                URI.create("https://example.org/skills/pilotage"),
                                "Harbour pilotage",
                                1.0,
                                true,
                                1,
                                "employer")),
                        java.util.List.of(),
                        0,
                        org.openler.platform.jobs.JobContent.Education.NONE,
                        "Mobile, AL",
                        org.openler.platform.jobs.JobContent.Remote.ONSITE,
                        java.util.Optional.empty()));
        freshSession(port);
        ShareKit.Holder holder = kit.holder("Harbour Pilotage");
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            signIn(holder);
            open("/wallet/shares?lang=en");
            driver.findElement(By.id("pick-" + holder.held().get(0))).click();
            type("party", "Acme Corp HR");
            type("purpose", "My application for the pilot position");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("target")))
                    .selectByValue("job:" + job.id());
            submitMainForm();
            assertThat(driver.findElement(By.id("share-target")).getText()).isEqualTo(title);
            String link = driver.findElement(By.id("share-link")).getText();
            for (String lang : LANGUAGES) {
                findings.check(lang, "/wallet/shares", "shares, one aimed at a job");
            }

            driver.manage().deleteAllCookies();
            String linkPath = URI.create(link).getRawPath();
            for (String lang : LANGUAGES) {
                findings.check(lang, linkPath, "shared credentials with their fit to a job, not signed in");
            }
            open(linkPath + "?lang=en");
            assertThat(driver.findElement(By.id("fit")).getText())
                    .contains("Fit to " + title)
                    .contains("0 % match")
                    .contains("Harbour pilotage (0 % covered)");
        } finally {
            unloadAxe(preloaded);
        }
        findings.report("sharing pages with a target job");
    }

    private void signIn(ShareKit.Holder holder) {
        signIn(holder.account().email().value());
    }
}
