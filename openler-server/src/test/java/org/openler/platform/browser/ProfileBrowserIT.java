package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.profile.ProfileKit;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.wallet.WalletKit;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A learner's skills profile and resume in a real browser: a verified skill from a held credential, a skill of their
 * own mapped to the ontology by picking a suggestion, a correction, an experience on the resume. Every page on the way
 * is checked with axe-core against WCAG 2.2 AA in English and Spanish.
 */
@PlatformTest
class ProfileBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    ProfileKit kit;

    @Autowired
    Fixtures fixtures;

    @Test
    void aLearnerBuildsTheirSkillsProfileAndResumeAndEveryPageMeetsWcag22AaInEnglishAndSpanish() throws Exception {
        kit.ontology();
        freshSession(port);
        Account learner = fixtures.learner();
        kit.issueAndClaim(kit.weldingSchool(), learner, WalletKit.signedIn(port, learner));
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            signIn(learner.email().value());
            for (String lang : LANGUAGES) {
                findings.check(lang, "/wallet/skills", "skills profile, from a credential");
            }
            open("/wallet/skills?lang=en");
            assertThat(driver.findElement(By.id("skills")).getText()).contains("use welding equipment", "Verified");

            type("words", "welding");
            clickAndWait(driver.findElement(By.cssSelector("#find-form button")));
            for (String lang : LANGUAGES) {
                findings.check(lang, "/wallet/skills?words=welding", "skills profile, suggestions offered");
            }
            open("/wallet/skills?words=welding&lang=en");
            driver.findElement(By.cssSelector("label[for=candidate-0]")).click();
            type("evidenceText", "Built a trailer frame; señalé cada soldadura.");
            clickAndWait(driver.findElement(By.cssSelector("#add-form button[type=submit]")));
            assertThat(driver.findElement(By.cssSelector("main .notice")).getText())
                    .isEqualTo("Added to your skills, as self-asserted.");
            assertThat(driver.findElement(By.id("own-skills")).getText()).contains("welding");
            findings.checkHere("en", "skills profile, one of my own");

            clickAndWait(driver.findElement(By.cssSelector("#own-skills a[aria-label='Correct welding']")));
            assertThat(heading()).isEqualTo("Correct a skill");
            String edit = path();
            for (String lang : LANGUAGES) {
                findings.check(lang, edit.replace("?lang=en", ""), "correcting a skill");
            }

            for (String lang : LANGUAGES) {
                findings.check(lang, "/wallet/resume", "resume, no experience yet");
            }
            open("/wallet/resume?lang=en");
            type("title", "Soldador de estructuras");
            type("organization", "Fundación Técnica Añil");
            clickAndWait(driver.findElement(By.cssSelector("#experience-form button[type=submit]")));
            assertThat(driver.findElement(By.id("experience-list")).getText())
                    .contains("Soldador de estructuras", "Fundación Técnica Añil");
            for (String lang : LANGUAGES) {
                findings.check(lang, "/wallet/resume", "resume, with an experience");
            }
            open("/wallet/resume?lang=en");
            clickAndWait(driver.findElement(By.cssSelector("a[aria-label='Correct Soldador de estructuras']")));
            String experience = path();
            for (String lang : LANGUAGES) {
                findings.check(lang, experience.replace("?lang=en", ""), "correcting an experience");
            }
        } finally {
            unloadAxe(preloaded);
        }

        findings.report("profile pages");
    }
}
