package org.openler.platform.obapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Badges 3.0 host's way in for an application: it registers itself, sends a signed-in learner to the consent page, and exchanges the code with its PKCE verifier for a token
 * that carries only the scopes the learner granted.
 */
@PlatformTest
class ObConsentFlowIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void aRegisteredApplicationGetsATokenWithTheScopeTheLearnerConsentedToThroughPkce() throws Exception {
        HttpResponse<String> registered = ObClients.register(
                port,
                Map.of(
                        "client_name",
                        "Badge Display App",
                        "redirect_uris",
                        java.util.List.of(ObClients.REDIRECT),
                        "scope",
                        ObClients.READ));
        assertThat(registered.statusCode()).isEqualTo(201);
        JsonNode client = JSON.readTree(registered.body());
        String clientId = client.get("client_id").asString();
        String secret = client.get("client_secret").asString();

        Account learner = fixtures.learner();
        WebClient browser = WebClient.on(port);
        browser.signIn(learner.email().value(), Fixtures.PASSWORD);

        String verifier = "a-verifier-of-enough-length-" + Fixtures.unique("pkce") + "-0123456789";
        String challenge = ObClients.challenge(verifier);
        String authorize = "/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                + ObClients.enc(ObClients.REDIRECT) + "&scope=" + ObClients.enc(ObClients.READ)
                + "&state=xyz&code_challenge=" + challenge
                + "&code_challenge_method=S256";

        HttpResponse<String> toConsent = browser.page(authorize);
        assertThat(toConsent.statusCode()).isEqualTo(302);
        URI consentPage = URI.create(browser.base() + "/")
                .resolve(toConsent.headers().firstValue("Location").orElseThrow());
        assertThat(consentPage.getPath()).isEqualTo("/ims/ob/v3p0/consent");
        HttpResponse<String> consent = browser.page(consentPage.getRawPath() + "?" + consentPage.getRawQuery());
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("Badge Display App").contains(ObClients.READ);

        Matcher state = Pattern.compile("name=\"state\" value=\"([^\"]+)\"").matcher(consent.body());
        assertThat(state.find()).isTrue();
        Map<String, String> approval = new LinkedHashMap<>();
        approval.put("client_id", clientId);
        approval.put("state", state.group(1));
        approval.put("scope", ObClients.READ);
        HttpResponse<String> redirected =
                browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/oauth2/authorize"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(WebClient.form(approval)))
                        .build());
        assertThat(redirected.statusCode()).isEqualTo(302);
        String location = redirected.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(ObClients.REDIRECT).contains("state=xyz");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).isTrue();

        HttpResponse<String> withoutVerifier = ObClients.token(port, clientId, secret, code.group(1), null);
        assertThat(withoutVerifier.statusCode()).isEqualTo(400);

        // a code is single-use and the failed attempt above spent it, so go through consent once more
        HttpResponse<String> again = browser.page(authorize);
        String secondCode = again.statusCode() == 302
                ? again.headers().firstValue("Location").orElseThrow()
                : "";
        assertThat(secondCode).startsWith(ObClients.REDIRECT);
        Matcher second = Pattern.compile("[?&]code=([^&]+)").matcher(secondCode);
        assertThat(second.find()).isTrue();
        HttpResponse<String> tokens = ObClients.token(port, clientId, secret, second.group(1), verifier);
        assertThat(tokens.statusCode()).isEqualTo(200);
        JsonNode issued = JSON.readTree(tokens.body());
        assertThat(issued.get("access_token").asString()).isNotBlank();
        assertThat(issued.get("scope").asString()).isEqualTo(ObClients.READ);
    }
}
