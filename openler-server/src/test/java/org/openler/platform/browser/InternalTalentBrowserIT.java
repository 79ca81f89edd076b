package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openler.platform.support.Ontology.competency;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.organizations.Organization;
import org.openler.platform.outbox.MailOutbox;
import org.openler.platform.profile.SelfAssertedSkills;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.Ontology;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.wallet.WalletKit;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Internal talent in a real browser: a learner makes a skill searchable for their employers only (with a coarse
 * location, seen on the preview card); the employer invites their address to link; the learner opens the link from
 * the queued e-mail and links; the employer's internal search finds them by skill, by name; the learner ends the link
 * and the next search finds nobody. Every page on the way is checked with axe-core (WCAG 2.2 AA) in English and
 * Spanish.
 */
@PlatformTest
class InternalTalentBrowserIT extends ChromiumPages {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/talent/links/[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    Ontology ontology;

    @Autowired
    WalletKit wallet;

    @Autowired
    SelfAssertedSkills selfAsserted;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEmployerLinksAnEmployeeFindsThemByNameInternallyAndLosesThemWhenTheLinkEnds() throws Exception {
        ontology.searchable(competency("welding"));
        // a skill that no other test's learners hold, and that the label search finds by its own label
        Ontology.Skill rare = ontology.aRareSkillTheSearchFinds();
        URI skill = rare.uri();
        String label = rare.label();
        Fixtures fixtures = wallet.fixturesForTests();
        Fixtures.Org employer = fixtures.organization(Organization.Kind.EMPLOYER);
        String employerName = employer.organization().name();
        Account employee = fixtures.learner();
        selfAsserted.add(employee.id(), new SelfAssertedSkills.Input("I do this at work", skill.toString(), "", ""));

        freshSession(port);
        String talent = "/orgs/" + employer.slug() + "/talent";
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            // the employee: internal only, the skill searchable, a state and an availability; the preview shows them
            signIn(employee.email().value());
            open("/me/talent?lang=en");
            driver.findElement(By.cssSelector("input[name=mode][value=internal]"))
                    .click();
            driver.findElement(By.cssSelector("#discovery-form input[name=skill][value='" + skill + "']"))
                    .click();
            new Select(driver.findElement(By.id("location"))).selectByValue("US-TX");
            driver.findElement(By.cssSelector("input[name=availability][value=now]"))
                    .click();
            clickAndWait(driver.findElement(By.cssSelector("#discovery-form button[type=submit]")));
            assertThat(mainText()).contains("Saved.");
            String card = driver.findElement(By.cssSelector("#preview article.candidate"))
                    .getText();
            assertThat(card)
                    .contains("Candidate c-…")
                    .contains(label)
                    .contains("self-asserted")
                    .contains("Texas")
                    .contains("Available now")
                    .doesNotContain(employee.displayName());
            findings.checkHere("en", "the learner's talent page with the preview card");
            findings.check("es", "/me/talent", "the learner's talent page with the preview card");
            assertThat(driver.findElement(By.cssSelector("#preview article.candidate"))
                            .getText())
                    .contains("Disponible ahora");

            // the employer invites the employee's address to link
            driver.manage().deleteAllCookies();
            signIn(employer.admin().email().value());
            open(talent + "?lang=en");
            type("employee-email", employee.email().value());
            clickAndWait(driver.findElement(By.cssSelector("#link-employee button[type=submit]")));
            assertThat(mainText())
                    .contains("Link invitation sent to " + employee.email().value());
            assertThat(driver.findElement(By.id("links")).getText()).contains("Invited");
            findings.checkHere("en", "the employer's talent page with a link invitation");
            findings.check("es", talent, "the employer's talent page with a link invitation");

            // the employee opens the link in the e-mail and links
            Matcher link =
                    LINK.matcher(outbox.to(employee.email().value()).getFirst().body());
            assertThat(link.find()).as("the e-mail holds the link").isTrue();
            driver.manage().deleteAllCookies();
            signIn(employee.email().value());
            open(link.group(1) + "?lang=en");
            assertThat(heading()).isEqualTo("Link with " + employerName);
            findings.checkHere("en", "the link page");
            findings.check("es", link.group(1), "the link page");
            open(link.group(1) + "?lang=en");
            clickAndWait(driver.findElement(By.id("link")));
            assertThat(path()).startsWith("/me/talent");
            assertThat(driver.findElement(By.cssSelector("article.employer-link"))
                            .getText())
                    .contains(employerName)
                    .contains("Linked");
            findings.checkHere("en", "the learner's talent page, linked");

            // the employer searches its employees by the skill and finds them by name
            driver.manage().deleteAllCookies();
            signIn(employer.admin().email().value());
            findEmployees(talent, skill, label);
            WebElement found = driver.findElement(By.cssSelector("article.employee"));
            assertThat(found.getText()).contains(employee.displayName()).contains("self-asserted");
            assertThat(driver.findElement(By.id("links")).getText()).contains(employee.displayName());
            findings.checkHere("en", "the employer's internal search results");

            // the employee ends the link
            driver.manage().deleteAllCookies();
            signIn(employee.email().value());
            open("/me/talent?lang=en");
            clickAndWait(driver.findElement(By.cssSelector("article.employer-link form button[type=submit]")));
            assertThat(driver.findElement(By.cssSelector("article.employer-link"))
                            .getText())
                    .contains("Ended by the employee");

            // gone from the employer's next search
            driver.manage().deleteAllCookies();
            signIn(employer.admin().email().value());
            findEmployees(talent, skill, label);
            assertThat(driver.findElements(By.cssSelector("article.employee"))).isEmpty();
            assertThat(mainText())
                    .contains("No linked employee with discovery on matches.")
                    .doesNotContain(employee.displayName() + "\n");
            findings.checkHere("en", "the employer's internal search, nobody left");
            findings.check("es", talent, "the employer's talent page, the link ended");
        } finally {
            unloadAxe(preloaded);
        }
        findings.report("internal talent pages");
    }

    /** On the employer's page: finds the skill through the label search, adds it, and searches the employees. */
    private void findEmployees(String talent, URI skill, String label) {
        open(talent + "?lang=en");
        type("skill-q", label);
        clickAndWait(driver.findElement(By.id("skill-search")));
        clickAndWait(
                driver.findElement(By.xpath("//ul[@id='skill-results']//form[input[@value='" + skill + "']]//button")));
        clickAndWait(driver.findElement(By.id("search-internal")));
        assertThat(driver.findElement(By.id("internal-results")).getText()).contains(label);
    }
}
