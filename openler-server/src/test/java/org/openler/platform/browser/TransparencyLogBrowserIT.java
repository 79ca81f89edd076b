package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anyone verifies an issued credential at /verify in a real browser (headless Chromium) and sees that it is recorded
 * in the public log, in English and in Spanish; the page with that line meets WCAG 2.2 AA (axe-core).
 */
@PlatformTest
class TransparencyLogBrowserIT extends ChromiumPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void aVerifierSeesThatAnIssuedCredentialIsRecordedInThePublicLog() throws Exception {
        driver = browser.driver();
        base = "http://localhost:" + port;
        String credential = issued();
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            for (String lang : LANGUAGES) {
                open("/verify?lang=" + lang);
                ((JavascriptExecutor) driver)
                        .executeScript(
                                "arguments[0].value = arguments[1];", driver.findElement(By.id("json")), credential);
                submitMainForm();
                assertThat(driver.findElement(By.id("verdict")).getText())
                        .isEqualTo(lang.equals("en") ? "Verified" : "Verificada");
                // a verified credential's checks are one click away, as a person opens them
                driver.findElement(By.cssSelector("#checks summary")).click();
                WebElement row = driver.findElement(By.xpath("//tr[th[normalize-space()='"
                        + (lang.equals("en") ? "Public log" : "Registro público") + "']]"));
                assertThat(row.getText()).contains("Recorded in the public log on ");
                findings.checkHere(lang, "verify, recorded in the public log");
            }
            // Within about a second the sequencer puts it in a signed checkpoint, and the line says which entry it is.
            new WebDriverWait(driver, WAIT, POLL).until(d -> {
                open("/verify?lang=en");
                ((JavascriptExecutor) d)
                        .executeScript("arguments[0].value = arguments[1];", d.findElement(By.id("json")), credential);
                submitMainForm();
                d.findElement(By.cssSelector("#checks summary")).click();
                return mainText().matches("(?s).*Recorded in the public log on .* \\(entry \\d+ of \\d+.*");
            });
        } finally {
            unloadAxe(preloaded);
        }
        assertThat(findings.blocking)
                .as("serious or critical WCAG 2.2 AA violations (axe-core)")
                .isEmpty();
    }

    /** A credential issued over the API by a new provider, as its exact JSON. */
    private String issued() {
        Fixtures.Org provider = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(provider);
        String token = WebClient.clientToken(base, client.client().clientId(), client.secret());
        String achievement = JSON.readTree(post("/orgs/" + provider.slug() + "/achievements", """
                        {"name": "Open Records", "description": "Keeps records anyone can check.",
                         "criteria": "Kept them.", "achievementType": "Certificate"}""", token))
                .get("id")
                .asString();
        String body = post("/orgs/" + provider.slug() + "/credentials/issue", """
                {"achievementId": "%s", "recipient": {"email": "open-records@example.org"}}""".formatted(achievement), token);
        assertThat(JSON.readTree(body).get("verifiableCredential").isObject()).isTrue();
        return body.substring("{\"verifiableCredential\":".length(), body.length() - 1); // the exact signed bytes
    }

    private String post(String path, String json, String token) {
        HttpResponse<String> response = new WebClient(base)
                .send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }
}
