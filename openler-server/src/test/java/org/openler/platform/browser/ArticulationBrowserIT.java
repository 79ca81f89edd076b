package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
import org.openler.platform.articulation.ArticulationRule;
import org.openler.platform.articulation.ArticulationRules;
import org.openler.platform.kernel.AccountKind;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.wallet.Claims;
import org.openler.platform.wallet.WalletKit;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Andre, a welder, sees in his wallet that his welding certificate is worth college credit, asks for it with one click
 * and receives the college's credit credential in his wallet, in a real browser (headless Chromium); the index and
 * the credit page meet WCAG 2.2 AA (axe-core) in English and Spanish.
 */
@PlatformTest
class ArticulationBrowserIT extends ChromiumPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    Claims claims;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticulationRules rules;

    @Test
    void andreAsksForCreditForHisWeldingCertificateAndReceivesItInHisWallet() throws Exception {
        WalletKit.Provider university = kit.provider(Fixtures.unique("Welding Fundamentals"));
        String email = Fixtures.unique("andre") + "@example.org";
        Account andre = accounts.create(
                new AccountService.NewAccount(email, "Andre Jackson", Fixtures.PASSWORD, AccountKind.LEARNER, "en"));
        claims.placeForDemo(andre.id(), kit.issue(university, email).id());
        Fixtures.Org college = kit.fixturesForTests().organization(Organization.Kind.PROVIDER);
        ObjectNode rule = JSON.createObjectNode();
        rule.putObject("source")
                .put("kind", "achievement")
                .put("issuer", university.org().slug())
                .put("name", university.achievement().name());
        rule.put("type", "direct").put("automatic", true).put("status", "published");
        rule.put("effectiveFrom", "2026-01-01").put("approvedBy", "Articulation Committee");
        rule.putArray("courses")
                .addObject()
                .put("code", "WLD 110")
                .put("title", "Welding I")
                .put("creditHours", 3)
                .put("creditType", "semester")
                .put("level", "lower-division");
        rules.create(college.organization(), rule);

        driver = browser.driver();
        base = "http://localhost:" + port;
        open("/");
        driver.manage().deleteAllCookies();
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            for (String lang : LANGUAGES) {
                findings.check(lang, "/articulation?credential=Welding", "the articulation index");
            }
            open("/login?lang=en");
            type("email", email);
            type("password", Fixtures.PASSWORD);
            submitMainForm();
            open("/wallet?lang=en");
            assertThat(driver.findElement(By.cssSelector("a.credit-worth")).getText())
                    .isEqualTo("Worth 3 credits at " + college.organization().name());
            clickAndWait(driver.findElement(By.cssSelector("a.credit-worth")));
            assertThat(heading()).isEqualTo("My college credit");
            for (String lang : LANGUAGES) {
                findings.check(lang, "/me/credit", "the learner's credit page");
            }
            open("/me/credit?lang=en");
            clickAndWait(driver.findElement(By.cssSelector(".credit-offer form button[type=submit]")));
            assertThat(driver.findElement(By.id("credit-notice")).getText())
                    .isEqualTo("Credit awarded: the college's credential is in your wallet.");
            assertThat(driver.findElement(By.id("credit-requests")).getText()).contains("Awarded");
            findings.checkHere("en", "the learner's credit page after the award");
            open("/wallet?lang=en");
            assertThat(driver.findElement(By.id("credentials")).getText()).contains("WLD 110: Welding I");
        } finally {
            unloadAxe(preloaded);
        }
        assertThat(findings.blocking)
                .as("serious or critical WCAG 2.2 AA violations (axe-core)")
                .isEmpty();
    }

    @Test
    void aCollegesStaffRecordEditPublishAndWithdrawARuleInTheBrowserWithEachMistakeNextToItsField() throws Exception {
        Fixtures.Org college = kit.fixturesForTests().organization(Organization.Kind.PROVIDER);
        String slug = college.organization().slug();
        String source = Fixtures.unique("CompTIA A+");
        freshSession(port);
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            signIn(college.admin().email().value());
            for (String lang : LANGUAGES) {
                findings.check(lang, "/orgs/" + slug + "/articulation/rules/new", "the new rule form");
            }
            // on the Spanish page a field's rule is said in Spanish (the API's own words stay on the English page)
            open("/orgs/" + slug + "/articulation/rules/new?lang=es");
            type("source-issuer", "CompTIA");
            type("source-name", source);
            type("courses-0-code", "CIS 110");
            type("courses-0-title", "Introducción al hardware");
            type("courses-0-creditHours", "-3");
            type("effectiveFrom", "2026-01-01");
            type("approvedBy", "Comité de articulación");
            submitMainForm();
            assertThat(driver.findElement(By.id("courses-0-creditHours-error")).getText())
                    .startsWith("Horas de crédito: más de cero");
            assertThat(rules.list(college.organization().id())).isEmpty();

            open("/orgs/" + slug + "/articulation?lang=en");
            clickAndWait(driver.findElement(By.id("new-rule")));
            assertThat(heading()).isEqualTo("Record a new rule");
            type("source-issuer", "CompTIA");
            type("source-name", source);
            type("courses-0-code", "CIS 110");
            type("courses-0-title", "Introduction to Computer Hardware");
            type("courses-0-creditHours", "-3");
            type("courses-1-code", "CIS 111");
            type("courses-1-title", "Computer Support Lab");
            type("courses-1-creditHours", "25");
            type("effectiveFrom", "2026-01-01");
            submitMainForm();

            // refused as the API refuses: every wrong field named next to its input, everything typed kept
            assertThat(driver.findElement(By.id("form-errors")).getText()).contains("Some fields need your attention");
            assertThat(driver.findElement(By.id("courses-0-creditHours-error")).getText())
                    .isEqualTo("Credit hours are more than zero.");
            assertThat(driver.findElement(By.id("courses-1-creditHours-error")).getText())
                    .contains("20");
            assertThat(driver.findElement(By.id("approvedBy-error")).getText()).contains("approved");
            assertThat(driver.findElement(By.id("courses-0-creditHours")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(driver.findElement(By.id("source-name")).getAttribute("value"))
                    .isEqualTo(source);
            assertThat(rules.list(college.organization().id())).isEmpty();
            findings.checkHere("en", "the rule form with mistakes");

            type("courses-0-creditHours", "3");
            type("courses-1-creditHours", "1");
            type("approvedBy", "Articulation Committee, 12 January 2026");
            submitMainForm();
            assertThat(path()).startsWith("/orgs/" + slug + "/articulation");
            var saved = rules.list(college.organization().id());
            assertThat(saved).hasSize(1);
            var rule = saved.getFirst();
            assertThat(rule.status()).isEqualTo(ArticulationRule.Status.DRAFT);
            assertThat(rule.totalCredits()).isEqualByComparingTo("4");
            assertThat(rule.approvedBy()).isEqualTo("Articulation Committee, 12 January 2026");

            // publish the draft from the list: version 2, in the public index
            clickAndWait(
                    driver.findElement(By.cssSelector("#rule-" + rule.id() + " form[action$='publish-page'] button")));
            assertThat(rules.get(college.organization(), rule.id()).status())
                    .isEqualTo(ArticulationRule.Status.PUBLISHED);
            assertThat(rules.get(college.organization(), rule.id()).version()).isEqualTo(2);
            open("/articulation?credential="
                    + java.net.URLEncoder.encode(source, java.nio.charset.StandardCharsets.UTF_8) + "&lang=en");
            assertThat(mainText()).contains("CIS 110");

            // edit: a new version with the change, the form filled in with the current one
            open("/orgs/" + slug + "/articulation?lang=en");
            clickAndWait(driver.findElement(By.cssSelector("#rule-" + rule.id() + " a[href$='/edit']")));
            assertThat(driver.findElement(By.id("courses-0-code")).getAttribute("value"))
                    .isEqualTo("CIS 110");
            for (String lang : LANGUAGES) {
                findings.check(lang, "/orgs/" + slug + "/articulation/rules/" + rule.id() + "/edit", "the edit form");
            }
            open("/orgs/" + slug + "/articulation/rules/" + rule.id() + "/edit?lang=en");
            type("courses-1-title", "Computer Support Lab II");
            submitMainForm();
            var edited = rules.get(college.organization(), rule.id());
            assertThat(edited.version()).isEqualTo(3);
            assertThat(edited.courses().get(1).title()).isEqualTo("Computer Support Lab II");
            assertThat(edited.status()).isEqualTo(ArticulationRule.Status.PUBLISHED);

            // withdraw it from the list
            clickAndWait(
                    driver.findElement(By.cssSelector("#rule-" + rule.id() + " form[action$='withdraw-page'] button")));
            assertThat(rules.get(college.organization(), rule.id()).status())
                    .isEqualTo(ArticulationRule.Status.WITHDRAWN);
            findings.checkHere("en", "the college's rules after withdrawing");
        } finally {
            unloadAxe(preloaded);
        }
        assertThat(findings.blocking)
                .as("serious or critical WCAG 2.2 AA violations (axe-core)")
                .isEmpty();
    }
}
