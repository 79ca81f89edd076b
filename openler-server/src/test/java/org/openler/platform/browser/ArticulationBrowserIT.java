package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.accounts.AccountService;
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
}
