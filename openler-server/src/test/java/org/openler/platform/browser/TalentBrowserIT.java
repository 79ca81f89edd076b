package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openler.platform.support.Ontology.competency;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.organizations.Organization;
import org.openler.platform.profile.SelfAssertedSkills;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.Ontology;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.talent.DiscoveryMode;
import org.openler.platform.talent.DiscoverySetting;
import org.openler.platform.talent.Invitations;
import org.openler.platform.talent.TalentDiscovery;
import org.openler.platform.wallet.WalletKit;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Talent search in a real browser: an employer finds a skill through the label search, searches, sees five anonymous
 * cards (the one with a verified credential first, the others self-asserted) and invites the first with a message;
 * that learner signs in, accepts and chooses the credential to share; the employer's invitations list then shows the
 * name and the shared credential, and its link opens the verified share. The employer's and the learner's pages are
 * checked with axe-core against WCAG 2.2 AA in English and Spanish.
 */
@PlatformTest
class TalentBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    Ontology ontology;

    @Autowired
    WalletKit wallet;

    @Autowired
    SelfAssertedSkills selfAsserted;

    @Autowired
    TalentDiscovery discovery;

    @Autowired
    Invitations invitations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEmployerFindsAnonymousCandidatesInvitesOneAndSeesTheShareOnceTheLearnerAccepts() throws Exception {
        ontology.searchable(competency("welding"));
        // a skill that no other test's learners hold, and that the label search finds by its own label
        Ontology.Skill rare = ontology.aRareSkillTheSearchFinds();
        URI skill = rare.uri();
        String label = rare.label();

        Fixtures fixtures = wallet.fixturesForTests();
        Fixtures.Org employer = fixtures.organization(Organization.Kind.EMPLOYER);
        WalletKit.Provider college =
                wallet.provider("Browser Talent Certificate", List.of(WalletKit.competency(skill, label)));
        // the one with a verified credential that a search may read ranks first; four say so themselves
        Account verified = fixtures.learner();
        var held = wallet.issuedAndClaimed(college, verified, WalletKit.signedIn(port, verified));
        discovery.write(verified.id(), new DiscoverySetting(DiscoveryMode.ANONYMOUS, List.of(held), List.of()));
        List<Account> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Account learner = fixtures.learner();
            selfAsserted.add(learner.id(), new SelfAssertedSkills.Input("I can do this", skill.toString(), "", ""));
            discovery.write(learner.id(), new DiscoverySetting(DiscoveryMode.ANONYMOUS, List.of(), List.of(skill)));
            others.add(learner);
        }

        driver = browser.driver();
        base = "http://localhost:" + port;
        open("/");
        driver.manage().deleteAllCookies();
        String talent = "/orgs/" + employer.slug() + "/talent";
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            signIn(employer.admin());
            open("/orgs/" + employer.slug() + "?lang=en");
            clickAndWait(driver.findElement(By.id("talent-link")));
            assertThat(path()).isEqualTo(talent);
            type("skill-q", label);
            clickAndWait(driver.findElement(By.id("skill-search")));
            WebElement add = driver.findElement(
                    By.xpath("//ul[@id='skill-results']//form[input[@value='" + skill + "']]//button"));
            clickAndWait(add);
            assertThat(driver.findElement(By.id("chosen")).getText()).contains(label);
            clickAndWait(driver.findElement(By.id("search")));

            List<WebElement> cards = driver.findElements(By.cssSelector("article.candidate"));
            assertThat(cards).hasSize(5);
            assertThat(cards.getFirst().getText()).contains("100% match").contains("verified credential");
            for (WebElement card : cards.subList(1, 5)) {
                assertThat(card.getText()).contains("50% match").contains("self-asserted");
            }
            String shown = mainText();
            for (Account a : others) {
                assertThat(shown)
                        .doesNotContain(a.displayName())
                        .doesNotContain(a.email().value());
            }
            assertThat(shown).doesNotContain(verified.displayName()).doesNotContain("Browser Talent Certificate");
            findings.checkHere("en", "talent search results");
            driver.findElement(By.cssSelector("article.candidate textarea")).sendKeys("We would like you to apply.");
            clickAndWait(driver.findElement(By.cssSelector("article.candidate form.invite button")));
            assertThat(mainText()).contains("Invitation sent to c-");
            assertThat(driver.findElement(By.id("sent")).getText()).contains("Waiting for an answer");
            findings.checkHere("en", "talent search, invitations");
            findings.check("es", talent, "talent search, invitations");
            assertThat(invitations.received(verified.id())).hasSize(1);

            driver.manage().deleteAllCookies();
            signIn(verified);
            open("/me/talent?lang=en");
            assertThat(mainText()).contains(employer.organization().name()).contains("We would like you to apply.");
            findings.checkHere("en", "learner's talent page with an invitation");
            findings.check("es", "/me/talent", "learner's talent page with an invitation");
            open("/me/talent?lang=en");
            WebElement accept = driver.findElement(By.xpath("//form[contains(@action,'/accept')]"));
            accept.findElement(By.cssSelector("input[value='" + held + "']")).click();
            clickAndWait(accept.findElement(By.cssSelector("button[type=submit]")));
            assertThat(mainText()).contains("Saved.").contains("Accepted");

            driver.manage().deleteAllCookies();
            signIn(employer.admin());
            open(talent + "?lang=en");
            String row =
                    driver.findElement(By.cssSelector("#sent tr.invitation")).getText();
            assertThat(row)
                    .contains(verified.displayName())
                    .contains("Accepted")
                    .contains("Browser Talent Certificate");
            String share =
                    driver.findElement(By.cssSelector("#sent a.share-link")).getAttribute("href");
            driver.get(share);
            assertThat(mainText()).contains("Browser Talent Certificate");
        } finally {
            unloadAxe(preloaded);
        }
        System.out.printf(
                "axe-core checked %d talent pages: %d serious or critical, %d moderate or minor findings%n%s%n",
                findings.pages, findings.blocking.size(), findings.other.size(), String.join("\n", findings.other));
        assertThat(findings.blocking)
                .as("serious or critical WCAG 2.2 AA violations (axe-core)")
                .isEmpty();
    }

    private void signIn(Account account) {
        open("/login?lang=en");
        type("email", account.email().value());
        type("password", Fixtures.PASSWORD);
        submitMainForm();
    }
}
