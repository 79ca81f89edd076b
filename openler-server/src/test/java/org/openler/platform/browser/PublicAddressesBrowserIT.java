package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.registry.CredentialOfValue;
import org.openler.platform.registry.RegistryEntries;
import org.openler.platform.registry.RegistryEntry;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.status.CredentialStatuses;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletKit;
import org.openler.standards.json.StrictJson;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a credential links to opens for people: its {@code issuer.url} (once 401) and its achievement's {@code id}
 * (once raw JSON) are readable pages in English and Spanish, and the same addresses give programs JSON-LD. The
 * organization's audit log reads as sentences, not codes, and never names the learner.
 */
@PlatformTest
class PublicAddressesBrowserIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WalletKit kit;

    @Autowired
    Issuance issuance;

    @Autowired
    CredentialStatuses statuses;

    @Autowired
    RegistryEntries entries;

    @Test
    void theIssuerAndAchievementAddressesInACredentialOpenAsPagesForPeopleAndJsonLdForPrograms() throws Exception {
        WalletKit.Provider provider = kit.provider("Forklift Operation");
        Account learner = fixtures.learner();
        Issuance.Issued issued = issuance.issue(
                fixtures.issuer(provider.org()),
                new Issuance.Request(
                        provider.achievement().id(),
                        new Issuance.To.Email(learner.email().value()),
                        Optional.empty(),
                        Optional.empty()),
                Fixtures.person(provider.org().admin()));
        var credential = StrictJson.parseObject(issued.document());
        String issuerUrl = credential.getJsonObject("issuer").getString("url");
        String issuerDid = credential.getJsonObject("issuer").getString("id");
        String achievementId = credential
                .getJsonObject("credentialSubject")
                .getJsonObject("achievement")
                .getString("id");
        String issuerPath = URI.create(issuerUrl).getPath();
        String achievementPath = URI.create(achievementId).getPath();

        WebClient program = WebClient.on(port);
        HttpResponse<String> profile = program.get(issuerPath, "application/ld+json");
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        var profileJson = StrictJson.parseObject(profile.body());
        assertThat(profileJson.getJsonArray("@context").getString(1)).contains("ob/v3p0");
        assertThat(profileJson.getString("id")).isEqualTo(issuerDid);
        assertThat(profileJson.getString("url")).isEqualTo(issuerUrl);
        assertThat(profileJson.getString("name"))
                .isEqualTo(provider.org().organization().name());
        HttpResponse<String> achievement = program.get(achievementPath, "application/json");
        assertThat(achievement.statusCode()).isEqualTo(200);
        var achievementJson = StrictJson.parseObject(achievement.body());
        assertThat(achievementJson.getString("id")).isEqualTo(achievementId);
        assertThat(achievementJson.getJsonArray("type").getString(0)).isEqualTo("Achievement");
        assertThat(achievementJson.getJsonObject("criteria"))
                .isEqualTo(credential
                        .getJsonObject("credentialSubject")
                        .getJsonObject("achievement")
                        .getJsonObject("criteria"));
        assertThat(achievementJson.getJsonObject("creator").getString("id")).isEqualTo(issuerDid);
        assertThat(program.get(achievementPath, "*/*").body())
                .as("a program that accepts anything gets JSON")
                .startsWith("{");

        freshSession(port);
        AxeFindings findings = new AxeFindings();
        String preloaded = preloadAxe();
        try {
            open(issuerPath + "?lang=en");
            assertThat(heading()).isEqualTo(provider.org().organization().name());
            assertThat(driver.findElement(By.id("issuer-did")).getText()).isEqualTo(issuerDid);
            assertThat(mainText()).contains("issues verifiable credentials on OpenLER");
            findings.checkHere("en", "issuer profile");
            findings.check("es", issuerPath, "issuer profile");
            assertThat(mainText()).contains("emite credenciales verificables");

            open(achievementPath + "?lang=en");
            assertThat(heading()).isEqualTo("Forklift Operation");
            assertThat(driver.findElement(By.id("achievement-criteria")).getText())
                    .isNotBlank();
            assertThat(driver.findElement(By.id("achievement-issuer")).getText())
                    .contains(
                            "Defined and issued by",
                            provider.org().organization().name());
            findings.checkHere("en", "achievement");
            findings.check("es", achievementPath, "achievement");
            assertThat(mainText()).contains("Definido y emitido por");
            clickAndWait(driver.findElement(By.cssSelector("#achievement-issuer a")));
            assertThat(path()).isEqualTo(issuerPath);

            signIn(provider.org().admin().email().value());
            open(issuerPath + "?lang=en");
            assertThat(mainText())
                    .as("the organization's own staff still get their home there")
                    .contains("Staff");

            statuses.change(
                    provider.org().organization().id(),
                    issued.id(),
                    CredentialStatus.REVOKED,
                    Fixtures.person(provider.org().admin()));
            RegistryEntry listed = entries.createDraft(
                    provider.org().organization().id(),
                    provider.org().slug(),
                    new CredentialOfValue(
                            "Certificate",
                            "Forklift Operation Course",
                            "Safe forklift operation in a warehouse.",
                            Optional.empty(),
                            "Pass the practical test.",
                            Optional.empty(),
                            Optional.empty(),
                            Set.of(CredentialOfValue.DeliveryMode.IN_PERSON),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            Optional.empty(),
                            List.of()),
                    Fixtures.person(provider.org().admin()));
            entries.publish(
                    provider.org().organization().id(),
                    listed.ctid(),
                    Fixtures.person(provider.org().admin()));
            String audit = issuerPath + "/audit";
            open(audit + "?lang=en");
            String log = driver.findElement(By.id("audit-log")).getText();
            String admin = provider.org().admin().displayName();
            assertThat(log)
                    .contains(provider.org().organization().name() + " issued \"Forklift Operation\" to a learner ("
                            + admin + ").")
                    .contains(admin + " revoked a learner's \"Forklift Operation\".")
                    .contains(admin + " defined the achievement \"Forklift Operation\".")
                    .as("registry publishing is in the log too")
                    .contains(admin + " published \"Forklift Operation Course\" in the Credential Registry.")
                    .doesNotContain("CREDENTIAL_ISSUED", "ACTIVE->REVOKED", "account:", "credential:")
                    .doesNotContain(learner.email().value(), learner.displayName());
            assertThat(driver.findElements(By.cssSelector("#audit-log a[href='" + achievementPath + "']")))
                    .isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#audit-log a[href='/registry/resources/"
                            + listed.ctid().value() + "']")))
                    .isNotEmpty();
            findings.checkHere("en", "audit log");
            findings.check("es", audit, "audit log");
            assertThat(driver.findElement(By.id("audit-log")).getText())
                    .contains("emitió «Forklift Operation» a un estudiante")
                    .contains("revocó «Forklift Operation» de un estudiante")
                    .contains("publicó «Forklift Operation Course» en el Registro de credenciales");
        } finally {
            unloadAxe(preloaded);
        }
        findings.report("issuer, achievement and audit pages");
    }
}
