package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openler.platform.skills.load.FrameworkImports;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.skills.sources.NiceReader;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The skills pages in a real browser, from the frameworks list to a framework, a work role and a competency, and the
 * operators' import page; every page checked with axe-core against WCAG 2.2 AA in English and Spanish. NICE is the
 * framework here: it has both competencies and occupations and loads in a second.
 */
@PlatformTest
class SkillPagesBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    FrameworkImports imports;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void someoneBrowsesAFrameworkToAWorkRoleAndACompetencyAndEveryPageMeetsWcag22Aa() throws Exception {
        imports.load(NiceReader::read);
        freshSession(port);
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            for (String lang : LANGUAGES) {
                findings.check(lang, "/skills", "frameworks");
                findings.check(lang, "/skills/nice/2.0.0", "framework");
                findings.check(lang, "/skills/nice/2.0.0/occupations", "occupations");
                findings.check(lang, "/skills/nice/2.0.0/occupations/OG-WRL-001", "occupation");
                findings.check(lang, "/skills/nice/2.0.0/competencies/K0018", "competency");
            }
            open("/skills?lang=en");
            clickAndWait(driver.findElement(By.partialLinkText("NICE Workforce Framework")));
            assertThat(path()).isEqualTo("/skills/nice/2.0.0");
            clickAndWait(driver.findElement(By.linkText("Next page")));
            assertThat(mainText()).contains("Page 2 of");
            open("/skills/nice/2.0.0/occupations/OG-WRL-001?lang=en");
            assertThat(heading()).isEqualTo("Communications Security (COMSEC) Management");
            clickAndWait(driver.findElement(By.cssSelector("main table tbody tr td a")));
            assertThat(path()).startsWith("/skills/nice/2.0.0/competencies/");
            assertThat(mainText()).contains("Occupations that require it");

            var operator = fixtures.staff();
            jdbc.sql("update account set platform_operator = true where id = ?")
                    .param(operator.id().value())
                    .update();
            signIn(operator.email().value());
            for (String lang : LANGUAGES) {
                findings.check(lang, "/skills/import", "import");
            }
            open("/skills/import?lang=en");
            submitMainForm(); // no file chosen: the form again, with the message
            assertThat(mainText()).contains("Choose a file");
            findings.checkHere("en", "import, no file");
        } finally {
            unloadAxe(preloaded);
        }
        findings.report("skills pages");
    }
}
