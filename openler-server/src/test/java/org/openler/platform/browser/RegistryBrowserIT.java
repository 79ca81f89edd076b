package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openler.platform.kernel.Actor;
import org.openler.platform.organizations.Organization;
import org.openler.platform.registry.CredentialOfValue;
import org.openler.platform.registry.RegistryEntries;
import org.openler.platform.registry.RegistryEntry;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Credential Registry in a real browser: a provider describes a credential (first with mistakes), saves and
 * publishes it; anyone searches, narrows by a facet and opens the credential's page. Every page on the way is checked
 * with axe-core against WCAG 2.2 AA in English and in Spanish.
 */
@PlatformTest
class RegistryBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegistryEntries entries;

    @Test
    void aProviderPublishesAndAnyoneFindsItAndEveryPageMeetsWcag22AaInEnglishAndSpanish() throws Exception {
        freshSession(port);
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        String marker =
                "quasar" + Long.toString(System.nanoTime() % 100_000, 36).replaceAll("[0-9]", "q");
        Actor.Person admin = Fixtures.person(org.admin());
        RegistryEntry nursing = entries.createDraft(
                org.organization().id(),
                org.slug(),
                new CredentialOfValue(
                        "Certification",
                        "Nursing Assistant " + marker,
                        "Patient care in hospitals and care homes.",
                        Optional.empty(),
                        "Pass the state examination.",
                        Optional.of(new CredentialOfValue.Cost(java.math.BigDecimal.valueOf(1300), "USD")),
                        Optional.of(new CredentialOfValue.EstimatedDuration("P10W")),
                        java.util.Set.of(CredentialOfValue.DeliveryMode.BLENDED),
                        java.util.List.of(new CredentialOfValue.Place("Mobile", "AL", "US")),
                        java.util.List.of(new CredentialOfValue.Alignment(
                                java.net.URI.create(
                                        "http://data.europa.eu/esco/skill/" + "6d13053b-ee35-492c-8976-8178420df398"),
                                "infection control")),
                        java.util.List.of(),
                        java.util.List.of(new CredentialOfValue.Alignment(
                                java.net.URI.create("https://www.onetonline.org/link/summary/31-1131.00"),
                                "Nursing Assistants")),
                        Optional.empty(),
                        java.util.List.of("healthcare")),
                admin);
        entries.publish(org.organization().id(), nursing.ctid(), admin);

        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            for (String lang : LANGUAGES) {
                findings.check(lang, "/registry", "registry search, everything");
                findings.check(lang, "/registry?q=" + marker, "registry search, one word");
                findings.check(lang, "/registry/resources/" + nursing.ctid(), "a credential's page");
            }
            open("/registry?lang=en");
            type("q", marker);
            clickAndWait(driver.findElement(By.cssSelector("form[role=search] button")));
            assertThat(mainText()).contains("1 credential").contains("Nursing Assistant " + marker);
            clickAndWait(driver.findElement(By.partialLinkText("Blended")));
            assertThat(path()).contains("delivery=BLENDED");
            assertThat(driver.findElement(By.cssSelector("a[aria-current=true]"))
                            .getText())
                    .contains("Blended");
            findings.checkHere("en", "registry search, a facet chosen");
            assertThat(driver.findElement(By.cssSelector("ol.hits")).getText())
                    .as("the duration in words, not P10W")
                    .contains("10 weeks")
                    .doesNotContain("P10W");
            open("/registry?q=" + marker + "&lang=es");
            String facetsEs = driver.findElement(By.cssSelector("nav.facets")).getText();
            assertThat(facetsEs)
                    .as("type and delivery facet values in Spanish")
                    .contains("Certificación", "Mixta")
                    .doesNotContain("Blended");
            assertThat(driver.findElement(By.cssSelector("ol.hits")).getText()).contains("Certificación");
            clickAndWait(driver.findElement(By.partialLinkText("Mixta")));
            assertThat(path()).contains("delivery=BLENDED");
            assertThat(mainText()).contains("Nursing Assistant " + marker);
            clickAndWait(driver.findElement(By.linkText("Nursing Assistant " + marker)));
            assertThat(heading()).isEqualTo("Nursing Assistant " + marker);
            assertThat(mainText())
                    .as("on the Spanish page the skill and the occupation read as ESCO names them in Spanish")
                    .contains(
                            "control de infecciones",
                            "auxiliar de enfermería",
                            nursing.ctid().value())
                    .doesNotContain("infection control", "Nursing Assistants");

            signIn(org.admin().email().value());
            String orgPath = "/orgs/" + org.slug() + "/registry";
            open("/orgs/" + org.slug() + "?lang=en");
            clickAndWait(driver.findElement(By.linkText("Registry entries")));
            assertThat(path()).isEqualTo(orgPath);
            for (String lang : LANGUAGES) {
                findings.check(lang, orgPath, "registry entries");
                findings.check(lang, orgPath + "/new", "new registry entry");
            }
            open(orgPath + "/new?lang=en");
            new Select(driver.findElement(By.id("type"))).selectByValue("Badge");
            type("description", "Safe lifting and stacking in a warehouse.");
            type("duration", "two weeks");
            type("teaches", "not-an-address Safety");
            submitMainForm();
            assertThat(driver.findElement(By.id("name")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(driver.findElements(By.id("duration-error"))).hasSize(1);
            assertThat(driver.findElement(By.id("description")).getAttribute("value"))
                    .as("what was typed is kept")
                    .isEqualTo("Safe lifting and stacking in a warehouse.");
            findings.checkHere("en", "new registry entry, with mistakes");

            type("name", "Warehouse Safety " + marker);
            type("duration", "PT16H");
            type("teaches", "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da operate forklift");
            type("price", "150");
            driver.findElement(By.id("delivery-IN_PERSON")).click();
            driver.findElement(By.cssSelector("main form.stack button[type=submit]"))
                    .click();
            // The saved draft's page has its CTID in the address; waiting for that is steadier than for the old
            // page's html element to go stale, which Chromium sometimes reports as an inspector error instead.
            new WebDriverWait(driver, WAIT, POLL)
                    .until(d -> d.getCurrentUrl().contains("/registry/ce-")
                            && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            assertThat(heading()).isEqualTo("Warehouse Safety " + marker);
            assertThat(mainText()).contains("The draft is saved.").contains("Draft");
            findings.checkHere("en", "registry entry, draft");
            clickAndWait(driver.findElement(By.xpath("//button[text()='Publish']")));
            assertThat(mainText()).contains("Published: the new version is public.");
            findings.checkHere("en", "registry entry, published");
            String entryPath = path();
            findings.check("es", entryPath, "registry entry, published");

            open("/registry?lang=en&q=" + marker);
            assertThat(mainText()).contains("2 credentials").contains("Warehouse Safety " + marker);
        } finally {
            unloadAxe(preloaded);
        }

        findings.report("registry pages");
    }
}
