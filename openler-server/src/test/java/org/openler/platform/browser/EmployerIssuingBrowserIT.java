package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openler.platform.support.Ontology.competency;

import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.Ontology;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.wallet.WalletKit;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An employer issues a credential for work-based learning in a real browser: from its home page to its achievements,
 * a skill search whose results are ticked as alignments, an apprenticeship achievement, the issue form; then the
 * apprentice claims it into their wallet, where it verifies. The employer's pages are checked with axe-core against
 * WCAG 2.2 AA in English and Spanish.
 */
@PlatformTest
class EmployerIssuingBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WalletKit kit;

    @Autowired
    Ontology ontology;

    @Test
    void anEmployerDefinesAWorkBasedLearningAchievementAlignedToSkillsAndItLandsInTheApprenticesWallet()
            throws Exception {
        ontology.searchable(competency("welding"));
        driver = browser.driver();
        base = "http://localhost:" + port;
        open("/");
        driver.manage().deleteAllCookies();
        Fixtures.Org employer = fixtures.organization(Organization.Kind.EMPLOYER);
        Account apprentice = fixtures.learner();
        String orgPath = "/orgs/" + employer.slug();
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            open("/login?lang=en");
            type("email", employer.admin().email().value());
            type("password", Fixtures.PASSWORD);
            submitMainForm();
            open(orgPath + "?lang=en");
            assertThat(driver.findElement(By.id("wbl-intro")).getText()).contains("work-based learning");
            assertThat(driver.findElements(By.id("issue-link"))).hasSize(1);
            assertThat(driver.findElements(By.linkText("Registry entries")))
                    .as("employers do not publish to the registry")
                    .isEmpty();
            findings.checkHere("en", "employer home");
            clickAndWait(driver.findElement(By.linkText("Achievements")));
            assertThat(path()).isEqualTo(orgPath + "/achievements");

            type("skill-q", "welding");
            clickAndWait(driver.findElement(By.id("skill-search")));
            assertThat(driver.findElements(By.cssSelector("#skill-results input[type=checkbox]")))
                    .isNotEmpty();
            findings.checkHere("en", "achievements, skills found");
            findings.check("es", orgPath + "/achievements?skill=welding", "achievements, skills found");
            open(orgPath + "/achievements?lang=en&skill=welding");
            String skillLabel = driver.findElement(By.cssSelector("label[for=aligned-0] span"))
                    .getText();
            driver.findElement(By.id("aligned-0")).click();
            type("name", "Welding apprenticeship, year one");
            type("description", "A year of supervised structural welding on the shop floor.");
            type("criteria", "Completed 2,000 supervised hours and passed the shop's weld tests.");
            Select type = new Select(driver.findElement(By.id("achievementType")));
            assertThat(type.getOptions().stream().map(o -> o.getAttribute("value")))
                    .contains("ApprenticeshipCertificate", "ext:ValidatedExperience");
            type.selectByValue("ApprenticeshipCertificate");
            submitMainForm();
            assertThat(driver.findElement(By.cssSelector("main .notice")).getText())
                    .isEqualTo("The achievement \"Welding apprenticeship, year one\" is defined.");
            assertThat(mainText()).contains(skillLabel);
            findings.checkHere("en", "achievements, one work-based achievement");

            clickAndWait(driver.findElement(By.linkText("Issue")));
            type("recipient", apprentice.email().value());
            submitMainForm();
            assertThat(path()).isEqualTo(orgPath + "/credentials/issued");
            assertThat(driver.findElement(By.cssSelector("main .notice")).getText())
                    .contains("The credential is issued.");
            findings.checkHere("en", "issued credentials, employer");

            driver.manage().deleteAllCookies();
            String claim = "/wallet/claim/" + kit.claimToken(apprentice.email().value());
            open("/login?lang=en");
            type("email", apprentice.email().value());
            type("password", Fixtures.PASSWORD);
            submitMainForm();
            open(claim + "?lang=en");
            clickAndWait(driver.findElement(By.xpath("//button[text()='Put it in my wallet']")));
            assertThat(path()).startsWith("/wallet/credentials/");
            assertThat(heading()).isEqualTo("Welding apprenticeship, year one");
            assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Verified");
            assertThat(mainText()).contains(employer.organization().name());
        } finally {
            unloadAxe(preloaded);
        }
        assertThat(findings.blocking)
                .as("serious or critical WCAG 2.2 AA violations (axe-core)")
                .isEmpty();
    }
}
