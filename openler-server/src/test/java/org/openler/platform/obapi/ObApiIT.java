package org.openler.platform.obapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openler.platform.sharing.ShareKit;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.NodeCrossCheck;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.platform.wallet.WalletImport;
import org.openler.platform.wallet.WalletKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Badges 3.0 and CLR 2.0 APIs end to end, as an application uses them: it registers, the learner signs in
 * and consents on the real authorization endpoint, the application exchanges the code with its PKCE verifier, pages
 * through the learner's credentials, upserts one, reads and changes the profile — and after the learner removes its
 * access in the privacy center, its token is refused. What it received is then verified by two independent verifiers
 * (interop/crosscheck.mjs), and a copy kept under target/ob-api-received for the shared interop tool.
 */
@PlatformTest
class ObApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OB = "/ims/ob/v3p0";
    private static final String CLR = "/ims/clr/v2p0";
    private static final Path RECEIVED = Path.of("target", "ob-api-received").toAbsolutePath();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ShareKit shareKit;

    @Autowired
    WalletImport imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    /** A registered application with a token the learner's consent gave it. */
    record Connected(String clientId, String secret, String token, String scope, String refreshToken) {}

    @Test
    void anApplicationTheLearnerConsentedToReadsPagesUpsertsAndUsesTheProfileUntilTheLearnerRevokesIt()
            throws Exception {
        ShareKit.Holder holder = shareKit.holder("Crane Operation", "Forklift Safety", "First Aid");
        imports.importFile(
                Fixtures.person(holder.account()),
                WalletKit.jwt("Signed As A JWT").getBytes(StandardCharsets.UTF_8));
        WebClient browser = WalletKit.signedIn(port, holder.account());
        Connected app = connect(browser, "Badge Display App");
        assertThat(app.scope().split(" ")).hasSize(8);

        // paging: four OB credentials (one issued here, two from did:key issuers, one VC-JWT), two per page
        HttpResponse<String> first = api("GET", OB + "/credentials?limit=2&offset=0", app.token(), null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Total-Count")).contains("4");
        Map<String, String> links = links(first);
        assertThat(links.keySet()).containsExactlyInAnyOrder("next", "last", "first");
        assertThat(links.get("next")).endsWith(OB + "/credentials?limit=2&offset=2");
        assertThat(links.get("last")).endsWith(OB + "/credentials?limit=2&offset=2");
        HttpResponse<String> second = get(links.get("next"), app.token());
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(links(second).keySet()).containsExactlyInAnyOrder("prev", "last", "first");
        assertThat(links(second).get("prev")).endsWith(OB + "/credentials?limit=2&offset=0");

        List<JsonNode> received = new ArrayList<>();
        List<String> jws = new ArrayList<>();
        for (HttpResponse<String> page : List.of(first, second)) {
            JsonNode body = JSON.readTree(page.body());
            assertThat(body.get("credential").size()
                            + body.get("compactJwsString").size())
                    .isEqualTo(2);
            body.get("credential").forEach(received::add);
            body.get("compactJwsString").forEach(s -> jws.add(s.asString()));
        }
        assertThat(received).hasSize(3);
        assertThat(jws).hasSize(1);
        assertThat(received)
                .extracting(c -> c.get("name").asString())
                .containsExactly("Crane Operation", "Forklift Safety", "First Aid");
        assertThat(ObCredentials.credentialOfJwt(jws.getFirst()).orElseThrow().getString("name"))
                .isEqualTo("Signed As A JWT");
        HttpResponse<String> badLimit = api("GET", OB + "/credentials?limit=0", app.token(), null, null);
        assertImsx(badLimit, 400, "invalid_query_parameter");

        // upsert: a new credential is created (201), the same one again replaces it (200), a forged one is refused
        String upserted = WalletKit.elsewhere("Rigging Basics");
        HttpResponse<String> created = api("POST", OB + "/credentials", app.token(), "application/json", upserted);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("name").asString()).isEqualTo("Rigging Basics");
        HttpResponse<String> replaced = api("POST", OB + "/credentials", app.token(), "application/json", upserted);
        assertThat(replaced.statusCode()).isEqualTo(200);
        HttpResponse<String> forged = api(
                "POST",
                OB + "/credentials",
                app.token(),
                "application/json",
                upserted.replace("Rigging Basics", "Rigging Mastery"));
        assertImsx(forged, 422, "invalid_data");
        String compact = WalletKit.jwt("Upserted As A JWT");
        HttpResponse<String> createdJws = api("POST", OB + "/credentials", app.token(), "text/plain", compact);
        assertThat(createdJws.statusCode()).isEqualTo(201);
        assertThat(createdJws.body()).isEqualTo(compact);
        assertImsx(
                api("POST", OB + "/credentials", app.token(), "application/json", "{\"type\":\"x\"}"),
                422,
                "invalid_data");
        assertImsx(api("POST", OB + "/credentials", app.token(), "application/json", "not json"), 422, "invalid_data");
        HttpResponse<String> all = api("GET", OB + "/credentials", app.token(), null, null);
        assertThat(all.headers().firstValue("X-Total-Count")).contains("6");
        assertThat(jdbc.sql("select count(*) from wallet_credential where account_id = ?")
                        .param(holder.account().id().value())
                        .query(Integer.class)
                        .single())
                .as("the replaced credential is held once")
                .isEqualTo(6);

        // CLR: the same operations over ClrCredentials; an Open Badge is not one
        HttpResponse<String> clr = api("GET", CLR + "/credentials", app.token(), null, null);
        assertThat(clr.statusCode()).isEqualTo(200);
        assertThat(clr.headers().firstValue("X-Total-Count")).contains("0");
        assertThat(JSON.readTree(clr.body()).get("credential").size()).isZero();
        assertImsx(api("POST", CLR + "/credentials", app.token(), "application/json", upserted), 422, "invalid_data");

        // profile: read, then change the name the learner goes by
        HttpResponse<String> profile = api("GET", OB + "/profile", app.token(), null, null);
        assertThat(profile.statusCode()).isEqualTo(200);
        JsonNode read = JSON.readTree(profile.body());
        assertThat(read.get("id").asString())
                .isEqualTo("urn:uuid:" + holder.account().id().value());
        assertThat(read.get("type").get(0).asString()).isEqualTo("Profile");
        assertThat(read.get("name").asString()).isEqualTo(holder.account().displayName());
        HttpResponse<String> put = api(
                "PUT",
                OB + "/profile",
                app.token(),
                "application/json",
                "{\"type\":\"Profile\",\"name\":\"Ada Renamed\"}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(put.body()).get("name").asString()).isEqualTo("Ada Renamed");
        assertImsx(
                api("PUT", OB + "/profile", app.token(), "application/json", "{\"type\":\"Profile\"}"),
                422,
                "invalid_data");
        assertThat(JSON.readTree(api("GET", CLR + "/profile", app.token(), null, null)
                                .body())
                        .get("name")
                        .asString())
                .isEqualTo("Ada Renamed");

        // no token, a made-up token, and the learner's own session cookie are all refused the same way
        assertImsx(api("GET", OB + "/credentials", null, null, null), 401, "unauthorizedrequest");
        assertImsx(
                api("GET", OB + "/credentials", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", null, null),
                401,
                "unauthorizedrequest");
        HttpResponse<String> withCookie =
                browser.send(HttpRequest.newBuilder(URI.create(browser.base() + OB + "/credentials"))
                        .header("Accept", "application/json")
                        .build());
        assertImsx(withCookie, 401, "unauthorizedrequest");

        verifyWhatItReceived(received, holder.provider().org().slug());

        // a refreshed token acts for the same learner
        HttpResponse<String> refreshed = refresh(app);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String refreshedToken =
                JSON.readTree(refreshed.body()).get("access_token").asString();
        assertThat(JSON.readTree(api("GET", OB + "/profile", refreshedToken, null, null)
                                .body())
                        .get("id")
                        .asString())
                .isEqualTo("urn:uuid:" + holder.account().id().value());

        // the learner sees the application in the privacy center and removes its access
        HttpResponse<String> apps = browser.page("/privacy/apps");
        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(apps.body()).contains("Badge Display App");
        HttpResponse<String> revoked =
                browser.submit("/privacy/apps", "/privacy/apps/" + app.clientId() + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertImsx(api("GET", OB + "/credentials", app.token(), null, null), 401, "unauthorizedrequest");
        assertImsx(api("GET", OB + "/profile", app.token(), null, null), 401, "unauthorizedrequest");
        assertImsx(api("GET", OB + "/profile", refreshedToken, null, null), 401, "unauthorizedrequest");
        assertThat(refresh(app).statusCode())
                .as("the refresh token went with the authorization")
                .isEqualTo(400);
        assertThat(browser.page("/privacy/apps").body()).doesNotContain("Badge Display App");
        assertThat(jdbc.sql("select count(*) from oauth2_authorization where registered_client_id ="
                                + " (select id from oauth2_registered_client where client_id = ?)")
                        .param(app.clientId())
                        .query(Integer.class)
                        .single())
                .as("every authorization of the application for the learner is gone")
                .isZero();
    }

    @Test
    void aTokenActsOnlyWithTheScopesTheLearnerGrantedAndOnlyForThatLearner() throws Exception {
        ShareKit.Holder holder = shareKit.holder("Welding", "Scaffolding");
        ShareKit.Holder other = shareKit.holder("Plumbing", "Masonry", "Carpentry");
        WebClient browser = WalletKit.signedIn(port, holder.account());
        String read = ObScopes.CREDENTIAL_READONLY.uri();
        Connected app = connect(browser, "Read Only App", read);
        assertThat(app.scope()).isEqualTo(read);

        HttpResponse<String> list = api("GET", OB + "/credentials", app.token(), null, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("X-Total-Count"))
                .as("the consenting learner's two credentials, not the other learner's three")
                .contains("2");
        assertThat(list.body()).doesNotContain("Plumbing");
        assertImsx(
                api("POST", OB + "/credentials", app.token(), "application/json", WalletKit.elsewhere("Nope")),
                403,
                "forbidden");
        assertImsx(api("GET", OB + "/profile", app.token(), null, null), 403, "forbidden");
        assertImsx(api("PUT", OB + "/profile", app.token(), "application/json", "{\"name\":\"x\"}"), 403, "forbidden");
        assertImsx(api("GET", CLR + "/credentials", app.token(), null, null), 403, "forbidden");
        assertThat(api("HEAD", OB + "/profile", app.token(), null, null).statusCode())
                .as("HEAD needs the GET's scope")
                .isEqualTo(403);
        assertThat(api("HEAD", OB + "/credentials", app.token(), null, null)
                        .headers()
                        .firstValue("X-Total-Count"))
                .contains("2");
        HttpResponse<String> head = api("HEAD", CLR + "/credentials", app.token(), null, null);
        assertThat(head.statusCode()).isEqualTo(403);
        assertThat(head.headers().firstValue("X-Total-Count")).isEmpty();
    }

    @Test
    void aClientThatHoldsThePageIsAnsweredNotModifiedUntilTheWalletChanges() throws Exception {
        ShareKit.Holder holder = shareKit.holder("Pipe Fitting", "Blueprint Reading");
        WebClient browser = WalletKit.signedIn(port, holder.account());
        Connected app = connect(browser, "Caching App");

        HttpResponse<String> first = api("GET", OB + "/credentials", app.token(), null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).contains("private, no-cache");

        HttpResponse<String> again = conditional(OB + "/credentials", app.token(), etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(conditional(OB + "/credentials", app.token(), "W/" + etag).statusCode())
                .as("If-None-Match compares weakly")
                .isEqualTo(304);
        assertThat(conditional(OB + "/credentials", app.token(), "\"something-else\", " + etag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(conditional(OB + "/credentials?limit=1", app.token(), etag).statusCode())
                .as("another page has another tag")
                .isEqualTo(200);

        HttpResponse<String> created = api(
                "POST", OB + "/credentials", app.token(), "application/json", WalletKit.elsewhere("Welding Safety"));
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> changed = conditional(OB + "/credentials", app.token(), etag);
        assertThat(changed.statusCode())
                .as("the wallet changed, so the page is sent again")
                .isEqualTo(200);
        assertThat(changed.headers().firstValue("X-Total-Count")).contains("3");
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void pagesReachPastTheFirstBatchOfTheWalletWithTheTotalCounted() throws Exception {
        String[] imported = new String[60];
        for (int i = 0; i < imported.length; i++) {
            imported[i] = "Module " + (i + 2);
        }
        ShareKit.Holder holder = shareKit.holder("Module 1", imported);
        WebClient browser = WalletKit.signedIn(port, holder.account());
        Connected app = connect(browser, "Paging App", ObScopes.CREDENTIAL_READONLY.uri());

        HttpResponse<String> last = api("GET", OB + "/credentials?limit=10&offset=55", app.token(), null, null);
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(last.headers().firstValue("X-Total-Count")).contains("61");
        assertThat(JSON.readTree(last.body()).get("credential"))
                .extracting(c -> c.get("name").asString())
                .containsExactly("Module 56", "Module 57", "Module 58", "Module 59", "Module 60", "Module 61");
        HttpResponse<String> beyond = api("GET", OB + "/credentials?limit=10&offset=70", app.token(), null, null);
        assertThat(beyond.headers().firstValue("X-Total-Count")).contains("61");
        assertThat(JSON.readTree(beyond.body()).get("credential").size()).isZero();
    }

    @Test
    void theConnectedApplicationsAreInTheLearnersExportWithTheirScopes() throws Exception {
        ShareKit.Holder holder = shareKit.holder("Hydraulics");
        WebClient browser = WalletKit.signedIn(port, holder.account());
        connect(browser, "Exported App", ObScopes.CREDENTIAL_READONLY.uri(), ObScopes.PROFILE_READONLY.uri());

        HttpResponse<String> export = browser.get("/privacy/export", "application/json");
        assertThat(export.statusCode()).isEqualTo(200);
        JsonNode apps = JSON.readTree(export.body())
                .path("sections")
                .path("connectedApps")
                .path("applications");
        assertThat(apps.size()).isEqualTo(1);
        assertThat(apps.get(0).get("application").asString()).isEqualTo("Exported App");
        assertThat(apps.get(0).get("scopes"))
                .extracting(JsonNode::asString)
                .containsExactly(ObScopes.CREDENTIAL_READONLY.uri(), ObScopes.PROFILE_READONLY.uri());
        HttpResponse<String> page = browser.get("/privacy", "text/html");
        assertThat(page.body()).contains("Applications you let into your wallet (Open Badges / CLR API): 1");
    }

    @Test
    void theLearnerCanOnlyRevokeAnApplicationTheyConnected() throws Exception {
        ShareKit.Holder holder = shareKit.holder("Surveying");
        WebClient owner = WalletKit.signedIn(port, holder.account());
        Connected app = connect(owner, "Another App", ObScopes.CREDENTIAL_READONLY.uri());
        WebClient stranger = WalletKit.signedIn(port, fixtures.learner());
        HttpResponse<String> refused =
                stranger.submit("/privacy/apps", "/privacy/apps/" + app.clientId() + "/revoke", Map.of());
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(api("GET", OB + "/credentials", app.token(), null, null).statusCode())
                .as("another learner's revocation changed nothing")
                .isEqualTo(200);
    }

    @Test
    void theClrApiExchangesClrCredentialsAndOnlyThose() throws Exception {
        ShareKit.Holder holder = shareKit.holder("Geology");
        WebClient browser = WalletKit.signedIn(port, holder.account());
        Connected app = connect(
                browser,
                "Transcript App",
                ObStandard.CLR.scope(ObScopes.CREDENTIAL_READONLY),
                ObStandard.CLR.scope(ObScopes.CREDENTIAL_UPSERT),
                ObScopes.CREDENTIAL_READONLY.uri());
        String transcript = signedClr("Transcript of Records");
        HttpResponse<String> created = api("POST", CLR + "/credentials", app.token(), "application/json", transcript);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertImsx(
                api(
                        "POST",
                        CLR + "/credentials",
                        app.token(),
                        "application/json",
                        transcript.replace("Records", "Marks")),
                422,
                "invalid_data");

        HttpResponse<String> clr = api("GET", CLR + "/credentials?limit=1", app.token(), null, null);
        assertThat(clr.statusCode()).isEqualTo(200);
        assertThat(clr.headers().firstValue("X-Total-Count")).contains("1");
        assertThat(links(clr).keySet()).containsExactlyInAnyOrder("first", "last");
        JsonNode received = JSON.readTree(clr.body()).get("credential").get(0);
        assertThat(received.get("type").toString()).contains("ClrCredential");
        assertThat(received.get("name").asString()).isEqualTo("Transcript of Records");
        HttpResponse<String> ob = api("GET", OB + "/credentials", app.token(), null, null);
        assertThat(ob.headers().firstValue("X-Total-Count"))
                .as("the Open Badges API lists the badge, not the transcript")
                .contains("1");
        assertThat(ob.body()).doesNotContain("Transcript of Records");
        assertThat(crossCheck(JSON.writeValueAsString(received), Map.of(), "received-clr"))
                .containsOnly(true);
    }

    /** A ClrCredential from a did:key issuer, bundling one Open Badge it signed too (eddsa-rdfc-2022). */
    private static String signedClr(String name) {
        var key = org.openler.standards.crypto.Ed25519.generate();
        var issuer = org.openler.standards.did.DidKey.of(key.publicKey());
        var profile = new org.openler.standards.credentials.IssuerProfile(
                issuer, "Elsewhere University", java.util.Optional.empty());
        var options = org.openler.standards.dataintegrity.ProofOptions.assertion(
                org.openler.standards.did.DidKey.verificationMethodId(key.publicKey()), java.time.Instant.now());
        var recipient = new org.openler.standards.credentials.Recipient.ByIdentity(
                org.openler.standards.credentials.IdentityObject.saltedEmail("someone@example.org"));
        var badge = org.openler.standards.credentials.Credentials.openBadge()
                .id(URI.create("urn:uuid:" + java.util.UUID.randomUUID()))
                .name("Mineralogy")
                .issuer(profile)
                .recipient(recipient)
                .achievement(new org.openler.standards.credentials.Achievement(
                        URI.create("https://elsewhere.example/achievements/" + java.util.UUID.randomUUID()),
                        "Mineralogy",
                        "Knows minerals.",
                        "Passed.",
                        java.util.Optional.of("Course"),
                        java.util.Optional.empty(),
                        List.of()))
                .validFrom(java.time.Instant.now().minusSeconds(3600))
                .build();
        var clr = org.openler.standards.credentials.Credentials.clr()
                .id(URI.create("urn:uuid:" + java.util.UUID.randomUUID()))
                .name(name)
                .issuer(profile)
                .recipient(recipient)
                .validFrom(java.time.Instant.now().minusSeconds(3600))
                .add(org.openler.standards.dataintegrity.EddsaRdfc2022.sign(badge, key, options))
                .build();
        return org.openler.standards.json.StrictJson.write(
                org.openler.standards.dataintegrity.EddsaRdfc2022.sign(clr, key, options));
    }

    // --- the application's side ---

    /** Registers, has the signed-in learner consent on the real endpoints, and exchanges the code with PKCE. */
    Connected connect(WebClient browser, String name, String... scopes) throws Exception {
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("client_name", name);
        registration.put("redirect_uris", List.of(ObClients.REDIRECT));
        if (scopes.length > 0) {
            registration.put("scope", String.join(" ", scopes));
        }
        HttpResponse<String> registered = ObClients.register(port, registration);
        assertThat(registered.statusCode()).isEqualTo(201);
        JsonNode client = JSON.readTree(registered.body());
        String clientId = client.get("client_id").asString();
        String secret = client.get("client_secret").asString();
        String scope = client.get("scope").asString();

        String verifier = "verifier-" + Fixtures.unique("pkce") + "-0123456789-abcdefghijklmnop";
        String challenge = ObClients.challenge(verifier);
        HttpResponse<String> toConsent = browser.page("/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + ObClients.enc(ObClients.REDIRECT) + "&scope=" + ObClients.enc(scope)
                + "&state=s1&code_challenge=" + challenge
                + "&code_challenge_method=S256");
        assertThat(toConsent.statusCode()).isEqualTo(302);
        URI consentPage = URI.create(browser.base() + "/")
                .resolve(toConsent.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> consent = browser.page(consentPage.getRawPath() + "?" + consentPage.getRawQuery());
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains(name);
        Matcher state = Pattern.compile("name=\"state\" value=\"([^\"]+)\"").matcher(consent.body());
        assertThat(state.find()).isTrue();
        StringBuilder approval =
                new StringBuilder("client_id=" + ObClients.enc(clientId) + "&state=" + ObClients.enc(state.group(1)));
        for (String each : scope.split(" ")) {
            approval.append("&scope=").append(ObClients.enc(each));
        }
        HttpResponse<String> redirected =
                browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/oauth2/authorize"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(approval.toString()))
                        .build());
        assertThat(redirected.statusCode()).isEqualTo(302);
        Matcher code = Pattern.compile("[?&]code=([^&]+)")
                .matcher(redirected.headers().firstValue("Location").orElseThrow());
        assertThat(code.find()).isTrue();

        HttpResponse<String> tokens = ObClients.token(port, clientId, secret, code.group(1), verifier);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode issued = JSON.readTree(tokens.body());
        return new Connected(
                clientId,
                secret,
                issued.get("access_token").asString(),
                issued.get("scope").asString(),
                issued.path("refresh_token").asString(""));
    }

    private HttpResponse<String> refresh(Connected app) {
        assertThat(app.refreshToken()).as("a refresh token was issued").isNotBlank();
        return WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((app.clientId() + ":" + app.secret())
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(WebClient.form(
                                Map.of("grant_type", "refresh_token", "refresh_token", app.refreshToken()))))
                        .build());
    }

    private HttpResponse<String> api(
            String method, String path, @Nullable String token, @Nullable String contentType, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return WebClient.on(port).send(request.build());
    }

    private HttpResponse<String> conditional(String path, String token, String ifNoneMatch) {
        return WebClient.on(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .header("If-None-Match", ifNoneMatch)
                        .GET()
                        .build());
    }

    private HttpResponse<String> get(String absolute, String token) {
        URI uri = URI.create(absolute);
        return api("GET", uri.getRawPath() + "?" + uri.getRawQuery(), token, null, null);
    }

    /** The RFC 8288 Link header as relation to target. */
    private static Map<String, String> links(HttpResponse<String> response) {
        Map<String, String> links = new LinkedHashMap<>();
        Matcher each = Pattern.compile("<([^>]+)>;\\s*rel=\"([a-z]+)\"")
                .matcher(response.headers().firstValue("Link").orElse(""));
        while (each.find()) {
            links.put(each.group(2), each.group(1));
        }
        return links;
    }

    static void assertImsx(HttpResponse<String> response, int status, String codeMinor) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("imsx_codeMajor").asString()).isEqualTo("failure");
        assertThat(body.get("imsx_severity").asString()).isIn("error", "status");
        assertThat(body.get("imsx_description").asString()).isNotBlank();
        assertThat(body.get("imsx_codeMinor")
                        .get("imsx_codeMinorField")
                        .get(0)
                        .get("imsx_codeMinorFieldValue")
                        .asString())
                .isEqualTo(codeMinor);
    }

    // --- what the application received, checked by others' verifiers ---

    /**
     * Every JSON credential the application received, verified by digitalbazaar and DCC's verifier-core through
     * interop/crosscheck.mjs, with this server's DID document and status lists handed over offline. A copy of each is
     * kept in target/ob-api-received for the shared interop tool.
     */
    private void verifyWhatItReceived(List<JsonNode> received, String slug) throws Exception {
        Files.createDirectories(RECEIVED);
        for (int i = 0; i < received.size(); i++) {
            String credential = JSON.writeValueAsString(received.get(i));
            Files.writeString(RECEIVED.resolve("credential-" + i + ".json"), credential);
            Map<String, String> documents = NodeCrossCheck.documents(port, slug, credential);
            for (Map.Entry<String, String> document : documents.entrySet()) {
                // the same documents laid out by path, for the shared tool's serve.mjs and verify.mjs --base-url
                Path copy =
                        RECEIVED.resolve("web" + URI.create(document.getKey()).getPath());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, document.getValue());
            }
            assertThat(crossCheck(credential, documents, "received-" + i))
                    .as("credential " + i + " as the application received it")
                    .containsOnly(true);
        }
    }

    private List<Boolean> crossCheck(String credential, Map<String, String> documents, String name) throws Exception {
        NodeCrossCheck.assertInstalled();
        return NodeCrossCheck.run(dir, name, credential, documents).verdicts();
    }
}
