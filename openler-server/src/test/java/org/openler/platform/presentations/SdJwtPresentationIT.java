package org.openler.platform.presentations;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.accounts.Account;
import org.openler.platform.issuing.Issuance;
import org.openler.platform.kernel.PlatformUrls;
import org.openler.platform.organizations.Organization;
import org.openler.platform.status.CredentialId;
import org.openler.platform.status.CredentialStatus;
import org.openler.platform.status.CredentialStatuses;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.HolderKeys;
import org.openler.platform.wallet.WalletKit;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.openler.standards.sdjwt.Disclosure;
import org.openler.standards.sdjwt.JoseKeys;
import org.openler.standards.sdjwt.SdJwt;
import org.openler.standards.sdjwt.SdJwtHolder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SD-JWT VCs from issuance to an employer's verified answer over OpenID4VP 1.0: a provider issues one, the learner
 * claims it (bound to the wallet's key), an employer asks for one claim, the learner discloses only that claim, and
 * the employer sees it verified — and nothing else. Replays and tampering are refused.
 */
@PlatformTest
class SdJwtPresentationIT {

    private static final Pattern WALLET_ID = Pattern.compile("/wallet/credentials/([0-9a-f-]{36})");
    private static final Pattern REQUEST_ID = Pattern.compile("/presentation-requests/([0-9a-f-]{36})");
    private static final Pattern WALLET_LINK = Pattern.compile("id=\"wallet-link\" href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    WalletKit kit;

    @Autowired
    CredentialStatuses statuses;

    @Autowired
    HolderKeys holderKeys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformUrls urls;

    @Autowired
    PresentationsMade made;

    WalletKit.Provider provider;
    Fixtures.Org employer;
    Account learner;

    @BeforeEach
    void aProviderAnEmployerAndALearner() {
        provider = kit.provider("Data Analysis with Python");
        employer = kit.fixturesForTests().organization(Organization.Kind.EMPLOYER);
        learner = kit.fixturesForTests().learner();
    }

    Issuance.Issued issueSdJwt(String email) {
        return kit.issueSdJwt(provider, email);
    }

    static JsonObject payload(String sdJwt) {
        return StrictJson.parseObject(
                new Base64URL(SdJwt.parse(sdJwt).issuerJwt().split("\\.")[1]).decode());
    }

    static JsonObject header(String sdJwt) {
        return StrictJson.parseObject(
                new Base64URL(SdJwt.parse(sdJwt).issuerJwt().split("\\.")[0]).decode());
    }

    @Test
    void anSdJwtVcIsIssuedWithEveryPersonalOrResultClaimSelectivelyDisclosable() {
        Issuance.Issued issued = issueSdJwt(learner.email().value());
        JsonObject payload = payload(issued.document());

        assertThat(header(issued.document()).getString("typ")).isEqualTo("dc+sd-jwt");
        assertThat(header(issued.document()).getString("alg")).isEqualTo("ES256");
        assertThat(payload.getString("iss"))
                .startsWith("did:web:")
                .endsWith(":orgs:" + provider.org().slug());
        assertThat(payload.getString("vct"))
                .isEqualTo(urls.base() + "/orgs/" + provider.org().slug() + "/achievements/"
                        + provider.achievement().id());
        assertThat(payload.getString("_sd_alg")).isEqualTo("sha-256");
        assertThat(payload)
                .doesNotContainKeys(
                        "email", "achievement_name", "achievement_description", "achievement_criteria", "cnf");
        assertThat(SdJwt.parse(issued.document()).disclosures())
                .extracting(d -> d.claimName().orElseThrow())
                .contains("email", "achievement_name", "achievement_description", "achievement_criteria");
        assertThat(jdbc.sql("select format from issued_credential where id = ?")
                        .param(issued.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("sd-jwt");
    }

    @Test
    void theIssueApiAnswersAnSdJwtVcAsAJsonString() {
        var client = kit.fixturesForTests().client(provider.org());
        String token = WebClient.clientToken(
                "http://localhost:" + port, client.client().clientId(), client.secret());
        HttpResponse<String> response = WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orgs/"
                                + provider.org().slug() + "/credentials/issue"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"achievementId\": \""
                                + provider.achievement().id()
                                + "\", \"recipient\": {\"email\": \"api-" + UUID.randomUUID() + "@example.org\"},"
                                + " \"format\": \"sd-jwt\"}"))
                        .build());
        assertThat(response.statusCode()).isEqualTo(201);
        String document = StrictJson.parseObject(response.body()).getString("verifiableCredential");
        assertThat(document).contains("~");
        assertThat(header(document).getString("typ")).isEqualTo("dc+sd-jwt");

        HttpResponse<String> verified = WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/credentials/verify"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(response.body()))
                        .build());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(StrictJson.parseObject(verified.body()).getBoolean("verified"))
                .isTrue();

        String tampered = document.replaceFirst("~[A-Za-z0-9_-]", "~A");
        HttpResponse<String> refused = WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/credentials/verify"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"verifiableCredential\": \"" + tampered + "\"}"))
                        .build());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    }

    /** Claims the SD-JWT VC through the link in the claim message, as the learner, and returns its wallet id. */
    UUID claimed(WebClient web) {
        issueSdJwt(learner.email().value());
        String token = kit.claimToken(learner.email().value());
        HttpResponse<String> claim = web.submit("/wallet/claim/" + token, "/wallet/claim/" + token, Map.of());
        assertThat(claim.statusCode()).isEqualTo(302);
        Matcher m = WALLET_ID.matcher(claim.headers().firstValue("Location").orElse(""));
        assertThat(m.find()).isTrue();
        return UUID.fromString(m.group(1));
    }

    WebClient signedIn(Account account) {
        WebClient web = WebClient.on(port);
        web.signIn(account.email().value(), Fixtures.PASSWORD);
        return web;
    }

    String heldDocument(UUID id) {
        return jdbc.sql("select document from wallet_credential where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    @Test
    void aClaimedSdJwtVcIsBoundToTheWalletsHolderKeyAndVerifiesInTheWallet() {
        WebClient web = signedIn(learner);
        UUID held = claimed(web);

        JsonObject payload = payload(heldDocument(held));
        String x = payload.getJsonObject("cnf").getJsonObject("jwk").getString("x");
        byte[] holderPublic =
                holderKeys.signingKey(learner.id()).keyPair().publicKey().bytes();
        assertThat(new Base64URL(x).decode()).isEqualTo(holderPublic);
        assertThat(jdbc.sql("select format from wallet_credential where id = ?")
                        .param(held)
                        .query(String.class)
                        .single())
                .isEqualTo("SD_JWT");

        HttpResponse<String> page = web.page("/wallet/credentials/" + held);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Data Analysis with Python").contains("Verified");
    }

    /** An employer's request made through the page; returns its id. */
    UUID request(WebClient staff, String format, Map<String, String> extra) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("purpose", "Checking your data analysis skills for the analyst position");
        fields.put("format", format);
        fields.putAll(extra);
        HttpResponse<String> made = staff.submit(
                "/orgs/" + employer.slug() + "/presentation-requests",
                "/orgs/" + employer.slug() + "/presentation-requests",
                fields);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
        Matcher m = REQUEST_ID.matcher(made.headers().firstValue("Location").orElse(""));
        assertThat(m.find()).isTrue();
        return UUID.fromString(m.group(1));
    }

    String walletLink(WebClient staff, UUID request) {
        HttpResponse<String> page = staff.page("/orgs/" + employer.slug() + "/presentation-requests/" + request);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("openid4vp://?client_id=redirect_uri%3A");
        Matcher m = WALLET_LINK.matcher(page.body());
        assertThat(m.find()).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void theLearnerDisclosesOnlyTheAskedClaimAndTheEmployerSeesItVerifiedAndNothingElse() {
        WebClient web = signedIn(learner);
        UUID held = claimed(web);
        WebClient staff = signedIn(employer.admin());
        UUID request = request(
                staff,
                "dc+sd-jwt",
                Map.of(
                        "vct",
                        urls.base() + "/orgs/" + provider.org().slug() + "/achievements/"
                                + provider.achievement().id(),
                        "claim",
                        "achievement_name"));
        String link = walletLink(staff, request);

        HttpResponse<String> consent = web.page(link);
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        assertThat(consent.body())
                .contains(employer.organization().name())
                .contains("Checking your data analysis skills")
                .contains("Data Analysis with Python");
        String requestLink = hidden(consent.body(), "request");

        HttpResponse<String> sent = web.submit(
                link,
                "/wallet/present",
                Map.of("request", requestLink, "credential", held.toString(), "claim", "achievement_name"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/wallet/presentations");

        HttpResponse<String> answer = staff.page("/orgs/" + employer.slug() + "/presentation-requests/" + request);
        assertThat(answer.body())
                .contains("Verified")
                .contains("Data Analysis with Python")
                .doesNotContain(learner.email().value())
                .doesNotContain("Passed the assessment")
                .doesNotContain("Does the thing well");
        String stored = jdbc.sql("select result from presentation_request where id = ?")
                .param(request)
                .query(String.class)
                .single();
        assertThat(StrictJson.parseObject(stored)
                        .getJsonArray("credentials")
                        .getJsonObject(0)
                        .getJsonObject("claims")
                        .keySet())
                .containsExactly("achievement_name");
        assertThat(stored).doesNotContain(learner.email().value());

        HttpResponse<String> mine = web.page("/wallet/presentations");
        assertThat(mine.body())
                .contains(employer.organization().name())
                .contains("Checking your data analysis skills")
                .contains("Achievement");
    }

    @Test
    void fieldByFieldAnUndisclosedClaimIsNotInWhatTheVerifierReceives() {
        WebClient web = signedIn(learner);
        String held = heldDocument(claimed(web));
        SdJwt sdJwt = SdJwt.parse(held);
        for (Disclosure withheld : sdJwt.disclosures()) {
            String name = withheld.claimName().orElseThrow();
            Set<String> others = new java.util.HashSet<>();
            sdJwt.disclosures().forEach(d -> others.add(d.claimName().orElseThrow()));
            others.remove(name);
            String presentation = SdJwtHolder.present(
                    sdJwt,
                    others,
                    JoseKeys.ed25519(holderKeys.signingKey(learner.id()).keyPair()),
                    "n",
                    "a",
                    Instant.now());
            String everything = decodedParts(presentation);
            assertThat(presentation).as(name).doesNotContain(withheld.encoded());
            assertThat(everything).as(name).doesNotContain("\"" + name + "\"");
            String value = withheld.value() instanceof jakarta.json.JsonString s ? s.getString() : null;
            if (value != null) {
                assertThat(everything).as(name).doesNotContain(value);
            }
        }
    }

    @Test
    void aVpTokenReplayedToAnotherRequestOrWithAnotherNonceIsRefused() {
        WebClient web = signedIn(learner);
        SdJwt held = SdJwt.parse(heldDocument(claimed(web)));
        WebClient staff = signedIn(employer.admin());
        UUID first = request(staff, "dc+sd-jwt", Map.of("claim", "achievement_name"));
        UUID second = request(staff, "dc+sd-jwt", Map.of("claim", "achievement_name"));
        Map<String, String> a = parameters(staff, first);
        Map<String, String> b = parameters(staff, second);

        String tokenForA = vpToken(held, a);
        assertThat(post(a.get("state"), tokenForA).statusCode()).isEqualTo(200);
        assertThat(post(a.get("state"), tokenForA).statusCode())
                .as("same token, same request")
                .isEqualTo(409);
        assertThat(post(b.get("state"), tokenForA).statusCode())
                .as("same token, other request")
                .isEqualTo(409);
        // Ed25519 signatures are deterministic: disclose nothing so that this token differs from the first one.
        assertThat(post(b.get("state"), vpToken(held, a, Set.of())).statusCode())
                .as("fresh token bound to the first request's nonce")
                .isEqualTo(422);
        assertThat(post(
                                b.get("state"),
                                vpToken(
                                        held,
                                        Map.of(
                                                "nonce",
                                                b.get("nonce"),
                                                "client_id",
                                                "redirect_uri:https://elsewhere.example/response")))
                        .statusCode())
                .as("another audience")
                .isEqualTo(422);
        assertThat(post(b.get("state"), vpToken(held, b)).statusCode())
                .as("the genuine answer still works")
                .isEqualTo(200);
    }

    @Test
    void aRevokedSdJwtVcShowsRevokedInTheWalletAndIsRefusedByTheVerifier() {
        WebClient web = signedIn(learner);
        UUID held = claimed(web);
        UUID issuedId = jdbc.sql("select issued_credential_id from wallet_credential where id = ?")
                .param(held)
                .query(UUID.class)
                .single();
        statuses.change(
                provider.org().organization().id(),
                new CredentialId(issuedId),
                CredentialStatus.REVOKED,
                Fixtures.person(provider.org().admin()));

        assertThat(web.page("/wallet/credentials/" + held).body()).contains("Revoked");
        WebClient staff = signedIn(employer.admin());
        Map<String, String> p = parameters(staff, request(staff, "dc+sd-jwt", Map.of("claim", "achievement_name")));
        HttpResponse<String> refused = post(p.get("state"), vpToken(SdJwt.parse(heldDocument(held)), p));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("revoked");
    }

    @Test
    void aDataIntegrityCredentialIsPresentedInAHolderSignedPresentationBoundToTheNonceAndClientId() {
        WebClient web = signedIn(learner);
        kit.issue(provider, learner.email().value());
        String token = kit.claimToken(learner.email().value());
        HttpResponse<String> claim = web.submit("/wallet/claim/" + token, "/wallet/claim/" + token, Map.of());
        Matcher m = WALLET_ID.matcher(claim.headers().firstValue("Location").orElse(""));
        assertThat(m.find()).isTrue();
        UUID held = UUID.fromString(m.group(1));

        WebClient staff = signedIn(employer.admin());
        UUID request = request(staff, "ldp_vc", Map.of());
        String link = walletLink(staff, request);
        HttpResponse<String> consent = web.page(link);
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        String requestLink = hidden(consent.body(), "request");
        HttpResponse<String> sent =
                web.submit(link, "/wallet/present", Map.of("request", requestLink, "credential", held.toString()));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);

        assertThat(staff.page("/orgs/" + employer.slug() + "/presentation-requests/" + request)
                        .body())
                .contains("Verified")
                .contains("Data Analysis with Python");
    }

    @Test
    void anotherOrganizationsRequestIsNotFoundForStaffOfThisOne() {
        WebClient staff = signedIn(employer.admin());
        UUID request = request(staff, "dc+sd-jwt", Map.of("claim", "achievement_name"));
        Fixtures.Org other = kit.fixturesForTests().organization(Organization.Kind.EMPLOYER);
        WebClient otherStaff = signedIn(other.admin());
        assertThat(otherStaff
                        .page("/orgs/" + other.slug() + "/presentation-requests/" + request)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anSdJwtVcFromAFileEntersTheWalletVerifiedAndOneCarryingAKeyBindingJwtIsRefused() {
        Issuance.Issued issued = issueSdJwt("someone-" + UUID.randomUUID() + "@example.org");
        WebClient web = signedIn(learner);
        HttpResponse<String> imported = web.submit("/wallet", "/wallet/import", Map.of("text", issued.document()));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
        assertThat(jdbc.sql("select format from wallet_credential where account_id = ?")
                        .param(learner.id().value())
                        .query(String.class)
                        .list())
                .containsExactly("SD_JWT");

        String presented = SdJwtHolder.present(
                SdJwt.parse(issued.document()),
                Set.of("achievement_name"),
                JoseKeys.ed25519(holderKeys.signingKey(learner.id()).keyPair()),
                "n",
                "a",
                Instant.now());
        HttpResponse<String> refused = web.submit("/wallet", "/wallet/import", Map.of("text", presented));
        assertThat(refused.statusCode()).isEqualTo(422);
    }

    @Test
    void thePresentationsSectionExportsAndRestoresIntoAnotherAccountAndListsAccessesAndConsents() {
        WebClient web = signedIn(learner);
        SdJwt held = SdJwt.parse(heldDocument(claimed(web)));
        WebClient staff = signedIn(employer.admin());
        UUID request = request(staff, "dc+sd-jwt", Map.of("claim", "achievement_name"));
        String link = walletLink(staff, request);
        HttpResponse<String> consent = web.page(link);
        UUID credential = jdbc.sql("select id from wallet_credential where account_id = ?")
                .param(learner.id().value())
                .query(UUID.class)
                .single();
        web.submit(
                link,
                "/wallet/present",
                Map.of(
                        "request",
                        hidden(consent.body(), "request"),
                        "credential",
                        credential.toString(),
                        "claim",
                        "achievement_name"));
        assertThat(held.disclosures()).isNotEmpty();

        assertThat(made.summary(learner.id()).get(0).count()).isEqualTo(1);
        assertThat(made.accesses(learner.id()))
                .singleElement()
                .satisfies(access -> assertThat(access.party())
                        .isEqualTo(employer.organization().name()));
        assertThat(made.consents(learner.id()))
                .singleElement()
                .satisfies(c -> assertThat(c.purpose()).startsWith("Checking your data analysis skills"));
        var exported = made.export(learner.id());
        Account fresh = kit.fixturesForTests().learner();
        org.openler.platform.privacy.IdMap ids = new org.openler.platform.privacy.IdMap();
        made.restore(fresh.id(), exported, ids);
        assertThat(made.list(fresh.id())).singleElement().satisfies(m -> {
            assertThat(m.verifierName()).isEqualTo(employer.organization().name());
            assertThat(m.claims()).containsExactly("achievement_name");
            assertThat(m.credentialId()).as("no wallet id mapped yet").isNull();
        });
        assertThat(made.list(learner.id())).hasSize(1);
    }

    Map<String, String> parameters(WebClient staff, UUID request) {
        String link = walletLink(staff, request);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    String vpToken(SdJwt held, Map<String, String> request) {
        return vpToken(held, request, Set.of("achievement_name"));
    }

    String vpToken(SdJwt held, Map<String, String> request, Set<String> claims) {
        String presentation = SdJwtHolder.present(
                held,
                claims,
                JoseKeys.ed25519(holderKeys.signingKey(learner.id()).keyPair()),
                request.get("nonce"),
                request.get("client_id"),
                Instant.now());
        return StrictJson.write(Jsons.PROVIDER
                .createObjectBuilder()
                .add("credential", Jsons.PROVIDER.createArrayBuilder().add(presentation))
                .build());
    }

    HttpResponse<String> post(String state, String vpToken) {
        return WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oid4vp/response"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                WebClient.form(Map.of("state", state, "vp_token", vpToken))))
                        .build());
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    static String decodedParts(String presentation) {
        StringBuilder everything = new StringBuilder(presentation);
        for (String part : presentation.split("[~.]")) {
            if (!part.isEmpty()) {
                everything.append('\n').append(new String(new Base64URL(part).decode(), StandardCharsets.UTF_8));
            }
        }
        return everything.toString();
    }
}
