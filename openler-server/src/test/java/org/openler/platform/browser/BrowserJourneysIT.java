package org.openler.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.kernel.StaffRole;
import org.openler.platform.organizations.Organization;
import org.openler.platform.organizations.OrganizationService;
import org.openler.platform.outbox.MailOutbox;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People's journeys through the real pages in a real browser (the Debian Chromium, headless), and every page they see
 * checked with axe-core against WCAG 2.2 AA in English and in Spanish. Nothing is downloaded: the browser and its
 * driver come from the system, axe from the test class path.
 */
@PlatformTest
class BrowserJourneysIT extends ChromiumPages {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MailOutbox outbox;

    @Autowired
    OrganizationService organizations;

    @BeforeEach
    void freshVisitor() {
        freshSession(port);
    }

    @Test
    void aLearnerSignsUpSignsInLandsOnTheirRecordAndSignsOut() {
        String email = Fixtures.unique("browser-learner") + "@example.org";

        open("/signup");
        type("displayName", "Ada Learner");
        type("email", email);
        type("password", Fixtures.PASSWORD);
        assertThat(driver.findElement(By.id("role-learner")).isSelected()).isTrue();
        submitMainForm();
        assertThat(path()).isEqualTo("/login?registered");
        assertThat(mainText()).contains("Your account is ready");

        signIn(email, Fixtures.PASSWORD);
        assertThat(path()).isEqualTo("/home");
        assertThat(heading()).isEqualTo("Welcome, Ada Learner");
        assertThat(driver.findElement(By.cssSelector(".signed-in")).getText()).isEqualTo("Signed in as Ada Learner");

        signOut();
        assertThat(path()).isEqualTo("/?signedOut");
        assertThat(mainText()).contains("You are signed out.");
        open("/home");
        assertThat(path()).startsWith("/login");
        assertThat(heading()).isEqualTo("Sign in");
    }

    @Test
    void aProviderAdminInvitesStaffWhoSignUpFromTheLinkAcceptAndAppearOnTheStaffPage() {
        String adminEmail = Fixtures.unique("browser-admin") + "@example.org";
        String orgName = "Browser Academy " + Fixtures.unique("x").substring(2);

        open("/signup");
        type("displayName", "Grace Admin");
        type("email", adminEmail);
        type("password", Fixtures.PASSWORD);
        driver.findElement(By.id("role-provider")).click();
        type("organizationName", orgName);
        submitMainForm();
        assertThat(path()).isEqualTo("/login?registered");

        signIn(adminEmail, Fixtures.PASSWORD);
        assertThat(path()).as("an admin of one organization lands on it").startsWith("/orgs/");
        String slug = path().substring("/orgs/".length());
        assertThat(heading()).isEqualTo(orgName);
        assertThat(mainText()).contains("Your role: admin");

        String inviteeEmail = Fixtures.unique("browser-invitee") + "@example.org";
        open("/orgs/" + slug + "/staff");
        type("invite-email", inviteeEmail);
        new Select(driver.findElement(By.id("invite-role"))).selectByValue("ISSUER");
        clickAndWait(driver.findElement(By.cssSelector("form[action$='/invitations'] button[type=submit]")));
        assertThat(driver.findElement(By.cssSelector("main .notice")).getText()).isEqualTo("The invitation is sent.");
        assertThat(mainText()).contains(inviteeEmail + " — issuer");
        signOut();

        List<MailOutbox.Message> mail = outbox.to(inviteeEmail);
        assertThat(mail).hasSize(1);
        Matcher link = Pattern.compile("(http://\\S+/invitations/[A-Za-z0-9_-]+)")
                .matcher(mail.get(0).body());
        assertThat(link.find()).as("the invitation e-mail has a link").isTrue();
        driver.get(link.group(1));
        assertThat(heading()).isEqualTo("Join " + orgName);
        assertThat(mainText()).contains("as issuer");

        clickAndWait(driver.findElement(By.cssSelector("main a[href*='/signup?invitation=']")));
        assertThat(path()).startsWith("/signup?invitation=");
        assertThat(driver.findElements(By.id("role-learner")))
                .as("an invited person joins as staff")
                .isEmpty();
        type("displayName", "Linus Invitee");
        type("email", inviteeEmail);
        type("password", Fixtures.PASSWORD);
        submitMainForm();
        assertThat(path()).startsWith("/login?registered&continue=/invitations/");

        signInOnThisPage(inviteeEmail, Fixtures.PASSWORD);
        assertThat(path()).startsWith("/invitations/");
        clickAndWait(driver.findElement(By.xpath("//main//button[normalize-space()='Accept the invitation']")));
        assertThat(path()).isEqualTo("/orgs/" + slug + "?joined");
        assertThat(heading()).isEqualTo(orgName);
        assertThat(mainText()).contains("Welcome to the team.").contains("Your role: issuer");
        signOut();

        signIn(adminEmail, Fixtures.PASSWORD);
        open("/orgs/" + slug + "/staff");
        WebElement row = driver.findElement(By.xpath("//table//tr[td[normalize-space()='" + inviteeEmail + "']]"));
        assertThat(row.getText()).contains("Linus Invitee").contains("issuer");
        assertThat(mainText()).contains("No pending invitations.");
    }

    @Test
    void anAdminMakesAMachineClientWhoseSecretGetsATokenUntilItIsRotated() throws Exception {
        Fixtures.Org org = fixtures.organization(Organization.Kind.PROVIDER);
        signIn(org.admin().email().value(), Fixtures.PASSWORD);

        open("/orgs/" + org.slug() + "/clients");
        type("client-name", "Student information system");
        submitMainForm();
        String clientId = driver.findElement(By.id("new-client-id")).getText();
        String secret = driver.findElement(By.id("new-client-secret")).getText();
        assertThat(clientId).isNotBlank();
        assertThat(secret).isNotBlank();

        String token = WebClient.clientToken(base, clientId, secret);
        HttpResponse<String> organization = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/orgs/" + org.slug()))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(organization.statusCode()).isEqualTo(200);
        assertThat(organization.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JsonFields.strings(organization.body(), "slug")).contains(org.slug());

        clickAndWait(driver.findElement(By.cssSelector("form[action$='/clients/" + clientId + "/secret'] button")));
        assertThat(driver.findElement(By.id("new-client-id")).getText()).isEqualTo(clientId);
        String rotated = driver.findElement(By.id("new-client-secret")).getText();
        assertThat(rotated).isNotBlank().isNotEqualTo(secret);

        HttpResponse<String> withOldSecret = tokenRequest(clientId, secret);
        assertThat(withOldSecret.statusCode()).isIn(400, 401);
        assertThat(withOldSecret.body()).contains("invalid_client");
        assertThat(WebClient.clientToken(base, clientId, rotated)).isNotBlank();
    }

    @Test
    void choosingSpanishShowsSpanishAndTheChoiceSticksOnTheNextPage() {
        open("/login?lang=es");
        assertThat(heading()).isEqualTo("Iniciar sesión");
        assertThat(htmlLang()).isEqualTo("es");
        assertThat(driver.findElement(By.cssSelector("label[for=password]")).getText())
                .isEqualTo("Contraseña");
        assertThat(driver.manage().getCookieNamed("openler-lang"))
                .as("the choice is kept in a cookie")
                .isNotNull();

        open("/signup");
        assertThat(heading()).isEqualTo("Crear una cuenta");
        assertThat(htmlLang()).isEqualTo("es");
        assertThat(driver.getTitle()).isEqualTo("Crear una cuenta");

        clickAndWait(driver.findElement(By.linkText("English")));
        assertThat(heading()).isEqualTo("Create an account");
        assertThat(htmlLang()).isEqualTo("en");
    }

    @Test
    void axeReallyRunsUnderTheContentSecurityPolicyAndCatchesABrokenFragment() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));

        open("/login");
        Results injected = axe(AxeInjection.EXECUTE_SCRIPT);
        assertThat(injected.isErrored())
                .as("axe ran without error: %s", injected.getErrorMessage())
                .isFalse();
        assertThat(injected.getViolations()).isNotNull();
        assertThat(injected.getPasses()).as("rules axe checked and passed").isNotEmpty();

        String preloaded = preloadAxe();
        try {
            open("/login");
            assertThat(axe(AxeInjection.PRELOADED).getPasses())
                    .extracting(Rule::getId)
                    .containsAll(injected.getPasses().stream().map(Rule::getId).toList());
            ((JavascriptExecutor) driver).executeScript("""
                            const main = document.querySelector('main');
                            const img = document.createElement('img');
                            img.src = '/css/openler.css';
                            main.appendChild(img);
                            const input = document.createElement('input');
                            input.type = 'text';
                            main.appendChild(input);
                            """);
            assertThat(axe(AxeInjection.PRELOADED).getViolations())
                    .extracting(Rule::getId)
                    .contains("image-alt", "label");
        } finally {
            unloadAxe(preloaded);
        }
    }

    @Test
    void everyPageOfTheJourneysMeetsWcag22AaInEnglishAndSpanish() throws Exception {
        Account learner = fixtures.learner();
        Fixtures.Org org = fixtures.organization(Organization.Kind.EMPLOYER);
        String invitation = organizations.invite(
                org.organization(),
                Fixtures.unique("axe-invitee") + "@example.org",
                StaffRole.VIEWER,
                Fixtures.person(org.admin()),
                base);
        AxeFindings findings = new AxeFindings();

        String preloaded = preloadAxe();
        try {
            for (String lang : LANGUAGES) {
                findings.check(lang, "/", "landing");
                findings.check(lang, "/signup", "sign-up");
                findings.check(lang, "/login", "sign-in");
                findings.check(lang, "/password/forgot", "forgotten password");
                findings.check(lang, "/invitations/" + invitation, "invitation, signed out");
                findings.check(lang, "/invitations/no-such-invitation", "unknown invitation (404)");
                findings.check(lang, "/no/such/page", "unknown page (404)");
            }

            signIn(learner.email().value(), Fixtures.PASSWORD);
            for (String lang : LANGUAGES) {
                findings.check(lang, "/home", "learner home");
                findings.check(lang, "/invitations/" + invitation, "invitation, signed in");
            }
            signOut();

            signIn(org.admin().email().value(), Fixtures.PASSWORD);
            for (String lang : LANGUAGES) {
                findings.check(lang, "/orgs/" + org.slug(), "organization home");
                findings.check(lang, "/orgs/" + org.slug() + "/staff", "staff");
                open("/orgs/" + org.slug() + "/clients?lang=" + lang);
                type("client-name", "Axe client " + lang);
                submitMainForm();
                findings.checkHere(lang, "machine clients, with a new secret");
            }
            signOut();
        } finally {
            unloadAxe(preloaded);
        }

        findings.report("pages");
    }

    private void signIn(String email, String password) {
        open("/login");
        signInOnThisPage(email, password);
    }

    private void signInOnThisPage(String email, String password) {
        type("email", email);
        type("password", password);
        submitMainForm();
        assertThat(path()).as("signed in").doesNotContain("error");
    }

    private void signOut() {
        clickAndWait(driver.findElement(By.cssSelector("header form[action$='/logout'] button")));
    }

    private HttpResponse<String> tokenRequest(String clientId, String secret) throws Exception {
        return WebClient.clientCredentials(base, clientId, secret);
    }
}
