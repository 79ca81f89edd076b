package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openler.platform.support.Ontology.competency;
import static org.openler.platform.support.Ontology.occupation;

import org.junit.jupiter.api.Test;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.Ontology;
import org.openler.platform.support.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An employer in a real browser: types a title, sees the suggested occupations and the proposed skills, creates the
 * job, adds a skill through the search box, makes another one preferred, removes a third, and opens the public page.
 * The pages on the way are checked with axe-core against WCAG 2.2 AA in English and Spanish.
 */
@PlatformTest
class JobsBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Ontology ontology;

    @Test
    void anEmployerCreatesAJobFromATitleEditsItsSkillsAndAnyoneReadsItsPublicPage() throws Exception {
        ontology.searchable(occupation("machinist", "onet"), competency("welding"));
        freshSession(port);
        Fixtures.Org employer = fixtures.organization(Organization.Kind.EMPLOYER);
        String jobs = "/orgs/" + employer.slug() + "/jobs";

        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            signIn(employer.admin().email().value());
            open("/orgs/" + employer.slug() + "?lang=en");
            clickAndWait(driver.findElement(By.linkText("Jobs")));
            assertThat(path()).isEqualTo(jobs);
            clickAndWait(driver.findElement(By.id("new-job")));
            type("title", "CNC machinist");
            clickAndWait(driver.findElement(By.id("suggest")));
            assertThat(mainText()).contains("Machinists (51-4041.00)").contains("confidence");
            assertThat(driver.findElements(By.cssSelector("ol.suggestions li"))).isNotEmpty();
            findings.checkHere("en", "new job, suggestions");
            findings.check("es", jobs + "/new?title=CNC+machinist", "new job, suggestions");
            open(jobs + "/new?lang=en&title=CNC+machinist&occupation=51-4041.00");
            assertThat(mainText()).contains("Proposed skills for Machinists");
            clickAndWait(driver.findElement(By.id("create")));
            assertThat(mainText()).contains("The job was created.");
            String editor = path();
            assertThat(editor).startsWith(jobs + "/");
            int before = driver.findElements(By.cssSelector("tr.requirement")).size();
            assertThat(before).isGreaterThan(3);

            type("skill-q", "welding");
            clickAndWait(driver.findElement(By.id("skill-search")));
            var first = driver.findElement(By.cssSelector("ul.results li form"));
            String added = first.findElement(By.tagName("span")).getText();
            clickAndWait(first.findElement(By.cssSelector("button[type=submit]")));
            assertThat(mainText()).contains("Saved.").contains(added);
            assertThat(driver.findElements(By.cssSelector("tr.requirement"))).hasSize(before + 1);

            var row = driver.findElements(By.cssSelector("tr.requirement")).get(0);
            new Select(row.findElement(By.cssSelector("select[name=required]"))).selectByValue("false");
            new Select(row.findElement(By.cssSelector("select[name=level]"))).selectByValue("5");
            clickAndWait(row.findElement(By.cssSelector("button[value=update]")));
            row = driver.findElements(By.cssSelector("tr.requirement")).get(0);
            assertThat(row.getText()).contains("preferred").contains("5 / 5");

            String removed = driver.findElements(By.cssSelector("tr.requirement"))
                    .get(1)
                    .findElement(By.tagName("td"))
                    .getText();
            clickAndWait(driver.findElements(By.cssSelector("tr.requirement"))
                    .get(1)
                    .findElement(By.cssSelector("button[value=remove]")));
            assertThat(driver.findElements(By.cssSelector("tr.requirement"))).hasSize(before);
            assertThat(driver.findElement(By.cssSelector("table")).getText()).doesNotContain(removed);

            type("f-location", "Birmingham, AL");
            type("f-min", "22");
            type("f-max", "30");
            clickAndWait(driver.findElement(By.cssSelector("form.stacked button[type=submit]")));
            assertThat(mainText()).contains("Saved.").contains("Birmingham, AL").contains("El trabajo es presencial");
            findings.checkHere("en", "job editor");
            findings.check("es", editor, "job editor");

            open(editor + "?lang=en");
            clickAndWait(driver.findElement(By.id("public-link")));
            assertThat(heading()).isEqualTo("CNC machinist");
            assertThat(mainText()).contains("Machinists").contains(added).contains("Birmingham, AL");
            String publicPath = path();
            driver.manage().deleteAllCookies();
            findings.check("en", publicPath, "public job page");
            findings.check("es", publicPath, "public job page");
            assertThat(mainText()).contains("Habilidades");
        } finally {
            unloadAxe(preloaded);
        }
        findings.report("job pages");
    }
}
