package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A provider's issuing journey in a real browser (the Debian Chromium, headless): define an achievement (first with a
 * mistake), issue it, download its JSON, verify it, revoke it, verify it again by uploading the file, rotate the key.
 * Every page on the way is checked with axe-core against WCAG 2.2 AA in English and in Spanish, as in
 * {@link BrowserJourneysIT}.
 */
@PlatformTest
class IssuerPagesBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void aProviderDefinesIssuesRevokesAndRotatesAndEveryPageMeetsWcag22AaInEnglishAndSpanish() throws Exception {
        freshSession(port);
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        String orgPath = "/orgs/" + org.slug();
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        Path file = Files.createTempFile("openler-credential-", ".json");
        try {
            for (String lang : LANGUAGES) {
                findings.check(lang, "/verify", "verify, signed out");
            }
            open("/verify?lang=en");
            type("json", "{not json");
            submitMainForm();
            assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Not verified");
            assertThat(mainText()).contains("We could not read this");
            findings.checkHere("en", "verify, could not read");

            signIn(org.admin().email().value());
            open(orgPath + "?lang=en");
            clickAndWait(driver.findElement(By.linkText("Achievements")));
            assertThat(path()).isEqualTo(orgPath + "/achievements");
            for (String lang : LANGUAGES) {
                findings.check(lang, orgPath + "/achievements", "achievements, none yet");
                findings.check(lang, orgPath + "/issue", "issue, nothing to issue");
            }

            open(orgPath + "/achievements?lang=en");
            type("description", "Keeps a warehouse tidy and safe.");
            type("criteria", "Passed the inspection.");
            new Select(driver.findElement(By.id("achievementType"))).selectByValue("Badge");
            type("alignments", "https://example.org/skills/tidy Tidiness\nnot-an-address Safety");
            submitMainForm();
            assertThat(driver.findElement(By.id("name-error")).getText())
                    .isEqualTo("Give a name, up to 300 characters.");
            assertThat(driver.findElement(By.id("name")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(driver.findElement(By.id("alignments-error")).getText())
                    .contains("Lines that cannot be read: 2.");
            assertThat(driver.findElement(By.id("description")).getAttribute("value"))
                    .as("what was typed is kept")
                    .isEqualTo("Keeps a warehouse tidy and safe.");
            findings.checkHere("en", "achievements, with mistakes");

            type("name", "Warehouse Steward");
            type("alignments", "https://example.org/skills/tidy Tidiness");
            submitMainForm();
            assertThat(driver.findElement(By.cssSelector("main .notice")).getText())
                    .isEqualTo("The achievement \"Warehouse Steward\" is defined.");
            findings.checkHere("en", "achievements, one defined");
            for (String lang : LANGUAGES) {
                findings.check(lang, orgPath + "/achievements", "achievements");
                findings.check(lang, orgPath + "/issue", "issue");
            }

            open(orgPath + "/achievements?lang=en");
            clickAndWait(driver.findElement(By.linkText("Issue")));
            assertThat(new Select(driver.findElement(By.id("achievement")))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("Warehouse Steward");
            type("recipient", "not an address");
            submitMainForm();
            assertThat(driver.findElement(By.id("recipient-error")).getText())
                    .isEqualTo("Give a valid e-mail address, or a DID that starts with did:");
            findings.checkHere("en", "issue, with a mistake");
            type("recipient", "steward@example.org");
            submitMainForm();
            assertThat(path()).isEqualTo(orgPath + "/credentials/issued");
            assertThat(driver.findElement(By.cssSelector("main .notice")).getText())
                    .contains("The credential is issued.");
            String credentialId =
                    driver.findElement(By.id("issued-id")).getText().substring("urn:uuid:".length());
            findings.checkHere("en", "issued credentials, just issued");
            for (String lang : LANGUAGES) {
                findings.check(lang, orgPath + "/credentials/issued", "issued credentials");
            }

            open(orgPath + "/credentials/" + credentialId);
            String credential = driver.findElement(By.tagName("pre")).getText();
            assertThat(credential).startsWith("{").contains("Warehouse Steward");

            open("/verify?lang=en");
            paste(credential);
            submitMainForm();
            assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Verified");
            findings.checkHere("en", "verify, verified");

            open(orgPath + "/credentials/issued?lang=en");
            clickAndWait(driver.findElement(
                    By.cssSelector("form[action$='/credentials/" + credentialId + "/suspend'] button")));
            assertThat(driver.findElement(By.id("credential-" + credentialId)).getText())
                    .contains("suspended");
            findings.checkHere("en", "issued credentials, just suspended");
            clickAndWait(driver.findElement(
                    By.cssSelector("form[action$='/credentials/" + credentialId + "/reinstate'] button")));
            assertThat(driver.findElement(By.cssSelector("main .notice")).getText())
                    .contains("reinstated");

            open(orgPath + "/credentials/issued?lang=en");
            clickAndWait(driver.findElement(By.cssSelector("a[href$='/credentials/" + credentialId + "/revoke']")));
            assertThat(heading()).isEqualTo("Revoke a credential");
            for (String lang : LANGUAGES) {
                findings.check(lang, orgPath + "/credentials/" + credentialId + "/revoke", "revoke, confirmation");
            }
            open(orgPath + "/credentials/" + credentialId + "/revoke?lang=en");
            clickAndWait(
                    driver.findElement(By.xpath("//main//button[normalize-space()='Yes, revoke this credential']")));
            assertThat(driver.findElement(By.cssSelector("main .notice")).getText())
                    .contains("The credential is revoked.");
            assertThat(driver.findElement(By.id("credential-" + credentialId)).getText())
                    .contains("revoked");
            findings.checkHere("en", "issued credentials, just revoked");

            Files.writeString(file, credential, StandardCharsets.UTF_8);
            for (String lang : LANGUAGES) {
                open("/verify?lang=" + lang);
                driver.findElement(By.id("file")).sendKeys(file.toString());
                submitMainForm();
                assertThat(driver.findElement(By.id("verdict")).getText())
                        .isEqualTo(lang.equals("en") ? "Not verified" : "No verificada");
                findings.checkHere(lang, "verify, not verified (uploaded file)");
            }
            assertThat(mainText()).contains("Estado (revocación, suspensión)");

            for (String lang : LANGUAGES) {
                findings.check(lang, orgPath + "/keys", "keys");
            }
            open(orgPath + "/keys?lang=en");
            assertThat(driver.findElement(By.id("did")).getText())
                    .startsWith("did:web:")
                    .endsWith(org.slug());
            submitMainForm();
            assertThat(driver.findElement(By.cssSelector("main .notice")).getText())
                    .isEqualTo("The key is rotated: key-2 signs from now on.");
            findings.checkHere("en", "keys, just rotated");
            open(orgPath + "?lang=en");
            assertThat(driver.findElements(By.linkText("Issuing keys and DID"))).hasSize(1);
        } finally {
            unloadAxe(preloaded);
            Files.deleteIfExists(file);
        }

        findings.report("issuing pages");
    }

    /** Puts a whole credential into the text area at once (typing several kilobytes key by key is slow). */
    private void paste(String text) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("json")), text);
    }
}
