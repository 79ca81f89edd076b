package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openler.platform.issuing.AchievementDefinition;
import org.openler.platform.issuing.Achievements;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bulk issuance pages in a real browser: the upload page with no jobs yet, a CSV with a good row and bad ones
 * uploaded through the form, the job's page while it runs and when it is done (with its table of rows not issued), and
 * the upload page listing the job — each checked with axe-core against WCAG 2.2 AA in English and in Spanish.
 */
@PlatformTest
class BulkPagesBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Achievements achievements;

    @Test
    void anIssuerUploadsACsvFollowsTheJobAndEveryBulkPageMeetsWcag22AaInEnglishAndSpanish() throws Exception {
        freshSession(port);
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        AchievementDefinition achievement = achievements.create(
                org.organization().id(),
                new Achievements.Draft(
                        "Forklift Safety",
                        "Operates a forklift safely.",
                        "Passed the practical test.",
                        "Certificate",
                        "",
                        List.of()),
                Fixtures.person(org.admin()));
        String bulkPath = "/orgs/" + org.slug() + "/credentials/bulk";
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        Path csv = Files.createTempFile("openler-bulk-", ".csv");
        try {
            Files.writeString(
                    csv,
                    "achievement_id,recipient_email,recipient_did,valid_until,idempotency_key\n"
                            + achievement.id() + ",bulk.one@example.org,,,\n"
                            + achievement.id() + ",not an address,,,\n"
                            + achievement.id() + ",bulk.two@example.org,,1999-01-01,\n",
                    StandardCharsets.UTF_8);
            signIn(org.admin().email().value());

            for (String lang : LANGUAGES) {
                findings.check(lang, bulkPath, "bulk upload, no jobs yet");
            }
            assertThat(heading()).as("the Spanish page, last checked").isEqualTo("Emitir en lote");

            open(bulkPath + "?lang=en");
            driver.findElement(By.id("bulk-file")).sendKeys(csv.toString());
            submitMainForm();
            assertThat(path()).startsWith(bulkPath + "/").endsWith("/progress");
            String jobPath = path();
            findings.checkHere("en", "bulk job, just submitted");

            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!driver.findElement(By.id("bulk-pending")).getText().equals("0")
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                open(jobPath + "?lang=en");
            }
            assertThat(driver.findElement(By.id("bulk-pending")).getText()).isEqualTo("0");
            assertThat(driver.findElement(By.id("bulk-done")).getText()).isEqualTo("1");
            assertThat(driver.findElement(By.id("bulk-failed")).getText()).isEqualTo("2");
            for (String lang : LANGUAGES) {
                findings.check(lang, jobPath, "bulk job, finished with rows not issued");
            }
            assertThat(mainText()).contains("Terminado");

            for (String lang : LANGUAGES) {
                findings.check(lang, bulkPath, "bulk upload, with a recent job");
            }
            assertThat(driver.findElements(By.cssSelector("main table a[href$='/progress']")))
                    .hasSize(1);
        } finally {
            unloadAxe(preloaded);
            Files.deleteIfExists(csv);
        }

        findings.report("bulk pages");
    }
}
