package org.openler.platform.presentations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.verification.Verification;
import org.openler.platform.wallet.Claims;
import org.openler.platform.wallet.WalletKit;
import org.openler.standards.json.StrictJson;
import org.openler.standards.sdjwt.KeyBindingExpectations;
import org.openler.standards.sdjwt.VerifiedSdJwt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The learner's wallet answers an OpenID4VP 1.0 request from a verifier on another host — here a local HTTP server
 * on 127.0.0.1, which the operator allowed — with a direct_post of the SD-JWT VC holding only the claim the learner
 * chose and a Key Binding JWT over that verifier's nonce and client_id, which the verifier checks; a verifier on a
 * host nobody allowed is refused before the learner sees anything to consent to.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalVerifierIT {

    /**
     * The one origin this test allows: plain HTTP on 127.0.0.1 at a port chosen before the application starts (the
     * allow-list compares scheme, host and port, so "127.0.0.1" alone would allow nothing here).
     */
    private static final int SITE_PORT = org.openler.platform.support.FreePort.pick();

    @DynamicPropertySource
    static void allowOnlyThisSite(DynamicPropertyRegistry registry) {
        registry.add("openler.verification.allowed-hosts", () -> "http://127.0.0.1:" + SITE_PORT);
        registry.add("openler.presentations.external-verifiers", () -> "http://127.0.0.1:" + SITE_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    Claims claims;

    @Autowired
    Verification verification;

    @Autowired
    JdbcClient jdbc;

    private HttpServer verifier;
    private String responseUri;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private Account learner;
    private WebClient web;
    private UUID held;

    @BeforeAll
    void aVerifierElsewhere() throws Exception {
        verifier = HttpServer.create(new InetSocketAddress("127.0.0.1", SITE_PORT), 0);
        verifier.createContext("/response", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            received.add(form);
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        verifier.start();
        responseUri = "http://127.0.0.1:" + verifier.getAddress().getPort() + "/response";
    }

    @AfterAll
    void stopTheVerifier() {
        verifier.stop(0);
    }

    @BeforeEach
    void aLearnerHoldingAnSdJwtVc() {
        WalletKit.Provider provider = kit.provider("Forklift Safety");
        learner = kit.fixturesForTests().learner();
        Issuance.Issued issued = kit.issueSdJwt(provider, learner.email().value());
        held = claims.placeForDemo(learner.id(), issued.id());
        web = WalletKit.signedIn(port, learner);
        received.clear();
    }

    private String link(String uri, String nonce) {
        String dcql = "{\"credentials\": [{\"id\": \"badge\", \"format\": \"dc+sd-jwt\", \"claims\": [{\"path\":"
                + " [\"achievement_name\"]}, {\"path\": [\"email\"]}]}]}";
        return "openid4vp://?client_id=" + enc("redirect_uri:" + uri) + "&response_type=vp_token"
                + "&response_mode=direct_post&response_uri=" + enc(uri) + "&nonce=" + nonce + "&state=s"
                + UUID.randomUUID().toString().replace("-", "") + "&dcql_query=" + enc(dcql);
    }

    @Test
    void theWalletAnswersAnAllowedVerifierElsewhereWithOnlyTheChosenClaimBoundToItsNonce() {
        String nonce = "n" + UUID.randomUUID().toString().replace("-", "");
        String link = link(responseUri, nonce);

        HttpResponse<String> consent = web.get("/wallet/present?request=" + enc(link), "text/html");
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("A verifier at 127.0.0.1, not on this platform");

        HttpResponse<String> answered = web.submit(
                "/wallet/present?request=" + enc(link),
                "/wallet/present",
                Map.of("request", link, "credential", held.toString(), "claim", "achievement_name"));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(302);
        assertThat(received).hasSize(1);
        String vpToken = received.get(0).get("vp_token");
        String presentation =
                StrictJson.parseObject(vpToken).getJsonArray("badge").getString(0);
        Verification.SdJwtResult checked = verification.verifySdJwt(
                presentation, KeyBindingExpectations.presentation(nonce, "redirect_uri:" + responseUri));
        assertThat(checked.report().firstFailure()).isEmpty();
        VerifiedSdJwt verified = checked.verified().orElseThrow();
        assertThat(verified.disclosedNames()).containsExactly("achievement_name");
        assertThat(presentation).doesNotContain(learner.email().value());
        assertThat(verification
                        .verifySdJwt(
                                presentation,
                                KeyBindingExpectations.presentation("another-nonce", "redirect_uri:" + responseUri))
                        .report()
                        .firstFailure())
                .as("bound to that verifier's nonce only")
                .isPresent();
        assertThat(jdbc.sql("select verifier_name || ' ' || claims from presentation_made where account_id = ?")
                        .param(learner.id().value())
                        .query(String.class)
                        .single())
                .as("the learner's record of what went where")
                .isEqualTo("127.0.0.1 achievement_name");
    }

    @Test
    void aVerifierOnAHostNobodyAllowedIsRefusedBeforeAnythingIsShown() {
        String link = link("https://verifier.example.net/response", "n1234567890abcdef");

        HttpResponse<String> refused = web.get("/wallet/present?request=" + enc(link), "application/json");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("verifier.example.net").contains("external-verifiers");
        assertThat(received).isEmpty();
    }

    @Test
    void anAllowedHostOnAPortNobodyAllowedIsRefusedBeforeAnythingIsShown() {
        int otherPort = org.openler.platform.support.FreePort.pick();
        String link = link("http://127.0.0.1:" + otherPort + "/response", "n1234567890abcdef");

        HttpResponse<String> refused = web.get("/wallet/present?request=" + enc(link), "application/json");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("http://127.0.0.1:" + otherPort).contains("external-verifiers");
        assertThat(received).isEmpty();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
