package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.matching.MatchTarget;
import org.openler.platform.matching.Matching;
import org.openler.platform.matching.TargetSkill;
import org.openler.platform.skills.load.BundledFrameworks;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.wallet.WalletKit;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The learner's match pages in Chromium: a nurse whose credential aligns to most of Registered Nurses' skills sees
 * the occupation among those that fit, opens the match (score, every requirement explained with the credential that
 * meets it, the gap chart, the plan), and the pathways graph whose nodes take keyboard focus. Every page is checked
 * with axe-core against WCAG 2.2 AA in English and Spanish.
 */
@PlatformTest
class MatchBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    BundledFrameworks bundled;

    @Autowired
    WalletKit wallet;

    @Autowired
    Matching matching;

    @Test
    void aLearnerSeesTheirMatchExplainedWithGapsAndPlanAndPathwaysInEnglishAndSpanish() throws Exception {
        bundled.loadAll();
        MatchTarget nurses = matching.occupationTarget("29-1141.00");
        List<TargetSkill> top = new ArrayList<>(nurses.requirements());
        top.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        top = top.subList(0, 12);
        WalletKit.Provider provider = wallet.provider(
                "Nursing Practice Certificate",
                top.stream()
                        .map(s -> WalletKit.competency(s.skillUri(), s.label()))
                        .toList());
        Account learner = wallet.fixturesForTests().learner();
        wallet.issuedAndClaimed(provider, learner, WalletKit.signedIn(port, learner));

        freshSession(port);
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            signIn(learner.email().value());
            for (String lang : LANGUAGES) {
                findings.check(lang, "/me/jobs", "jobs and occupations by fit");
            }
            open("/me/jobs?lang=en");
            assertThat(driver.findElement(By.id("occupations")).getText()).contains("Registered Nurses");

            type("occupation", "29-1141.00");
            clickAndWait(driver.findElement(By.cssSelector("#occupation-form button")));
            assertThat(heading()).isEqualTo("My match: Registered Nurses");
            String score = driver.findElement(By.id("score")).getText();
            assertThat(score).endsWith("% match");
            assertThat(Integer.parseInt(score.replaceAll("[^0-9]", ""))).isBetween(30, 99);
            String requirements = driver.findElement(By.id("requirements")).getText();
            assertThat(requirements)
                    .contains(
                            "Your credential “Nursing Practice Certificate” from Test PROVIDER", "Verified", "Missing");
            assertThat(driver.findElements(By.cssSelector(".gap-chart rect"))).isNotEmpty();
            assertThat(driver.findElement(By.id("gaps")).getText()).isNotBlank();
            for (String lang : LANGUAGES) {
                findings.check(lang, "/me/matches?occupation=29-1141.00", "a match explained");
            }
            open("/me/matches?occupation=29-1141.00&lang=es");
            // O*NET's Registered Nurses is an exact crosswalk match of ESCO's "nurse responsible for general care"
            assertThat(heading())
                    .isEqualTo("Mi coincidencia: enfermero responsable de cuidados generales/enfermera responsable de"
                            + " cuidados generales");
            assertThat(driver.findElement(By.id("requirements")).getText())
                    .contains("Su credencial «Nursing Practice Certificate»", "Verificada");

            for (String lang : LANGUAGES) {
                findings.check(lang, "/me/pathways?from=29-1141.00&to=11-9111.00", "career pathways");
            }
            open("/me/pathways?from=29-1141.00&to=11-9111.00&lang=en");
            List<WebElement> nodes = driver.findElements(By.cssSelector("svg a.path-node"));
            assertThat(nodes).hasSizeGreaterThan(1);
            // the graph is reachable with the keyboard: tabbing lands on its links, each saying what it is
            driver.findElement(By.id("to")).click();
            WebElement focused = null;
            for (int i = 0; i < 5; i++) {
                driver.switchTo().activeElement().sendKeys(Keys.TAB);
                focused = driver.switchTo().activeElement();
                if ("path-node".equals(focused.getAttribute("class").split(" ")[0])) {
                    break;
                }
            }
            assertThat(focused.getAttribute("aria-label")).contains("Registered Nurses", "% match");
            assertThat(driver.findElement(By.id("next-roles")).getText()).contains("Job Zone");
            assertThat(driver.findElement(By.id("route")).getText()).contains("Medical and Health Services Managers");
        } finally {
            unloadAxe(preloaded);
        }
        findings.report("match pages");
    }
}
