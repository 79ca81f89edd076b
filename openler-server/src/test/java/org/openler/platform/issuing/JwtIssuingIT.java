package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.standards.json.StrictJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * VC-JWT, the second format: issued over the API and the issue page, verified by the platform's verifier with the key
 * its did:web document publishes as a JsonWebKey, revoked, replayed, and verifying across a key rotation.
 */
@PlatformTest
class JwtIssuingIT {

    private static final Pattern OPTION = Pattern.compile("<option value=\"([0-9a-f-]{36})\"");
    private static final Pattern ISSUED_ID = Pattern.compile("id=\"issued-id\">urn:uuid:([0-9a-f-]{36})<");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    IssuerClient issuer;

    @BeforeEach
    void aProviderWithAnAchievement() {
        issuer = IssuerClient.aProvider(fixtures, port, """
                {"name": "Welding Fundamentals", "description": "Safe, code-compliant MIG and TIG welds.",
                 "criteria": "Passed the practical assessment.", "achievementType": "Certificate"}""");
    }

    @Test
    void aVcJwtIsIssuedVerifiedAndNoLongerVerifiesOnceRevoked() {
        HttpResponse<String> issued = issue("jwt.learner@example.org", null, "\"format\": \"jwt\"");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String jwt = StrictJson.parseObject(issued.body()).getString("verifiableCredential");
        String did = "did:web:localhost%3A" + port + ":orgs:" + issuer.provider.slug();

        JsonObject header = part(jwt, 0);
        assertThat(header.getString("alg")).isEqualTo("ES256");
        assertThat(header.getString("typ")).isEqualTo("JWT");
        assertThat(header.getString("kid")).isEqualTo(did + "#jwk-1");
        JsonObject claims = part(jwt, 1);
        JsonObject vc = claims.getJsonObject("vc");
        assertThat(claims.getString("iss")).isEqualTo(did);
        assertThat(claims.getString("jti")).isEqualTo(vc.getString("id"));
        assertThat(claims.getJsonNumber("nbf").longValue()).isPositive();
        assertThat(vc).doesNotContainKey("proof").containsKeys("credentialStatus", "validFrom");
        assertThat(JsonFields.strings(StrictJson.write(vc.get("credentialStatus")), "statusPurpose"))
                .as("the same status entries as a Data Integrity credential")
                .contains("revocation", "suspension");
        assertThat(StrictJson.write(vc))
                .contains("OpenBadgeCredential", "BitstringStatusListEntry", "IdentityObject", "Welding Fundamentals")
                .doesNotContain("jwt.learner@example.org");
        UUID id = UUID.fromString(vc.getString("id").replace("urn:uuid:", ""));
        assertThat(jdbc.sql("select format from issued_credential where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("jwt");

        HttpResponse<String> verified = post("/credentials/verify", issued.body());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(JsonFields.verified(verified.body())).isTrue();
        assertThat(verified.body()).contains("The VC-JWT ES256 signature verifies");
        HttpResponse<String> asJwt = verifyAsApplicationJwt(jwt);
        assertThat(asJwt.statusCode()).as(asJwt.body()).isEqualTo(200);

        HttpResponse<String> revoked =
                post("/orgs/" + issuer.provider.slug() + "/credentials/status", """
                {"credentialId": "urn:uuid:%s", "credentialStatus": [{"type": "BitstringStatusListCredential", "status": "revoked"}]}""".formatted(id));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        HttpResponse<String> afterRevocation = post("/credentials/verify", issued.body());
        assertThat(afterRevocation.statusCode()).isEqualTo(422);
        JsonObject report = StrictJson.parseObject(afterRevocation.body());
        assertThat(report.getBoolean("verified")).isFalse();
        assertThat(report.getJsonArray("checks").stream()
                        .map(JsonObject.class::cast)
                        .filter(c -> c.getString("check").equals("status"))
                        .map(c -> c.getString("result")))
                .as("the revocation entry fails, the suspension entry passes")
                .containsExactlyInAnyOrder("failed", "passed");
        assertThat(afterRevocation.body()).contains("The VC-JWT ES256 signature verifies");
    }

    @Test
    void aSuspendedVcJwtDoesNotVerifyUntilReinstated() {
        HttpResponse<String> issued = issue("suspend.jwt@example.org", null, "\"format\": \"jwt\"");
        String id = part(StrictJson.parseObject(issued.body()).getString("verifiableCredential"), 1)
                .getString("jti");
        String change = "{\"credentialId\": \"" + id
                + "\", \"credentialStatus\": [{\"type\": \"BitstringStatusListCredential\", \"status\": \"%s\"}]}";

        assertThat(post("/orgs/" + issuer.provider.slug() + "/credentials/status", change.formatted("suspended"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> suspended = post("/credentials/verify", issued.body());
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(422);
        assertThat(post("/orgs/" + issuer.provider.slug() + "/credentials/status", change.formatted("active"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> reinstated = post("/credentials/verify", issued.body());
        assertThat(reinstated.statusCode()).as(reinstated.body()).isEqualTo(200);
    }

    @Test
    void aTamperedVcJwtIsRefused() {
        String jwt = jwtFor("tamper@example.org");
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("Welding Fundamentals", "Welding Mastery")
                        .getBytes(StandardCharsets.UTF_8));
        char last = parts[2].charAt(10);
        String otherSignature = parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);

        for (String tampered : List.of(
                parts[0] + "." + otherPayload + "." + parts[2], parts[0] + "." + parts[1] + "." + otherSignature)) {
            HttpResponse<String> refused =
                    post("/credentials/verify", "{\"verifiableCredential\":\"" + tampered + "\"}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("CRYPTOGRAPHIC_SECURITY_ERROR", "Invalid JWT signature");
        }
        HttpResponse<String> unsigned = verifyAsApplicationJwt(base64("{\"alg\":\"none\"}") + "." + parts[1] + ".");
        assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(422);
        assertThat(unsigned.body()).contains("alg: none");
    }

    @Test
    void retryingWithTheSameIdempotencyKeyReturnsTheSameJwtAndHoldsOneStatusIndex() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = issue("retry.jwt@example.org", key, "\"options\": {\"format\": \"jwt\"}");
        HttpResponse<String> again = issue("retry.jwt@example.org", key, "\"options\": {\"format\": \"jwt\"}");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body()).startsWith("{\"verifiableCredential\":\"eyJ");
        assertThat(jdbc.sql("select count(*) from issued_credential where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void rotationRetiresTheJwtKeyWithTheEd25519KeyAndOldJwtsKeepVerifying() {
        String before = jwtFor("rotate.jwt@example.org");
        fixtures.rotateIssuerKey(issuer.provider);
        String after = jwtFor("rotate.jwt@example.org");

        assertThat(part(before, 0).getString("kid")).endsWith("#jwk-1");
        assertThat(part(after, 0).getString("kid")).endsWith("#jwk-2");
        assertThat(jdbc.sql("select key_id from issuer_jwt_key where organization_id = ? and retired_at is null")
                        .param(issuer.provider.organization().id().value())
                        .query(String.class)
                        .list())
                .as("only the new key may sign")
                .containsExactly("jwk-2");
        for (String jwt : List.of(before, after)) {
            HttpResponse<String> verified = post("/credentials/verify", "{\"verifiableCredential\":\"" + jwt + "\"}");
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        }
    }

    @Test
    void theDidDocumentPublishesEachJwtKeyAsAJsonWebKeyForAssertions() {
        String kid = part(jwtFor("did.jwt@example.org"), 0).getString("kid");

        HttpResponse<String> did =
                WebClient.on(port).get("/orgs/" + issuer.provider.slug() + "/did.json", "application/json");
        assertThat(did.statusCode()).isEqualTo(200);
        JsonObject document = StrictJson.parseObject(did.body());
        JsonObject method = document.getJsonArray("verificationMethod").stream()
                .map(JsonObject.class::cast)
                .filter(m -> m.getString("id").equals(kid))
                .findFirst()
                .orElseThrow();
        assertThat(method.getString("type")).isEqualTo("JsonWebKey");
        assertThat(method.getString("controller")).isEqualTo(document.getString("id"));
        JsonObject jwk = method.getJsonObject("publicKeyJwk");
        assertThat(jwk.getString("kty")).isEqualTo("EC");
        assertThat(jwk.getString("crv")).isEqualTo("P-256");
        assertThat(jwk).containsKeys("x", "y").doesNotContainKey("d");
        assertThat(document.getJsonArray("assertionMethod").getValuesAs(jakarta.json.JsonString::getString))
                .contains(kid);
        assertThat(document.getJsonArray("@context").getValuesAs(jakarta.json.JsonString::getString))
                .contains("https://w3id.org/security/jwk/v1");
    }

    @Test
    void theProviderRetrievesTheStoredJwtAsApplicationJwt() {
        HttpResponse<String> issued = issue("retrieve.jwt@example.org", null, "\"format\": \"jwt\"");
        String jwt = StrictJson.parseObject(issued.body()).getString("verifiableCredential");
        String location = issued.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> stored = new WebClient(issuer.base)
                .send(HttpRequest.newBuilder(URI.create(issuer.base + location))
                        .header("Authorization", "Bearer " + issuer.token)
                        .GET()
                        .build());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.headers().firstValue("Content-Type")).hasValue("application/jwt");
        assertThat(stored.body()).isEqualTo(jwt);
    }

    @Test
    void anUnknownOrContradictoryFormatIsRefusedAndNothingIsStored() {
        long before = count();
        HttpResponse<String> unknown = issue("format@example.org", null, "\"format\": \"jwt_vc_json-ld\"");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("format");
        HttpResponse<String> contradictory =
                issue("format@example.org", null, "\"format\": \"jwt\", \"options\": {\"format\": \"ldp\"}");
        assertThat(contradictory.statusCode()).isEqualTo(400);
        HttpResponse<String> byDidKey =
                issue("format@example.org", null, "\"format\": \"jwt\", \"didMethod\": \"key\"");
        assertThat(byDidKey.statusCode())
                .as("a did:key here is Ed25519, which VC-JWT cannot use")
                .isEqualTo(400);
        assertThat(byDidKey.body()).contains("did:web");
        HttpResponse<String> byDefault = issue("format@example.org", null, "\"options\": {}");
        assertThat(byDefault.statusCode()).isEqualTo(201);
        assertThat(byDefault.body()).startsWith("{\"verifiableCredential\":{").contains("eddsa-rdfc-2022");
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void theIssuePageOffersBothFormatsAndTheVerifyPageReadsAPastedJwt() {
        WebClient admin = WebClient.on(port);
        admin.signIn(issuer.provider.admin().email().value(), Fixtures.PASSWORD);
        String orgPath = "/orgs/" + issuer.provider.slug();
        String page = admin.page(orgPath + "/issue").body();
        assertThat(page).contains("value=\"ldp\" checked=\"checked\"", "value=\"jwt\"", "VC-JWT");
        Matcher option = OPTION.matcher(page);
        assertThat(option.find()).isTrue();

        HttpResponse<String> issued = issueAsJwtOnThePage(admin, orgPath, option.group(1), "page.jwt@example.org");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(302);
        Matcher id =
                ISSUED_ID.matcher(admin.page(orgPath + "/credentials/issued").body());
        assertThat(id.find()).isTrue();
        HttpResponse<String> stored = admin.get(orgPath + "/credentials/" + id.group(1), "application/jwt");
        assertThat(stored.body()).startsWith("eyJ");

        WebClient anyone = WebClient.on(port);
        HttpResponse<String> verified = anyone.submit("/verify", "/verify", Map.of("json", stored.body() + "\n"));
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("<h2 id=\"verdict\">Verified</h2>");
        HttpResponse<String> wrapped = anyone.submit(
                "/verify", "/verify", Map.of("json", "{\"verifiableCredential\": \"" + stored.body() + "\"}"));
        assertThat(wrapped.body()).contains("<h2 id=\"verdict\">Verified</h2>");

        HttpResponse<String> invalid = issueAsJwtOnThePage(admin, orgPath, option.group(1), "not an address");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).as("the choice survives a form error").contains("value=\"jwt\" checked=\"checked\"");
    }

    /** The issue page's form, filled in for a VC-JWT and sent. */
    private static HttpResponse<String> issueAsJwtOnThePage(
            WebClient admin, String orgPath, String achievement, String recipient) {
        return admin.submit(
                orgPath + "/issue",
                orgPath + "/issue",
                Map.of(
                        "achievement",
                        achievement,
                        "recipient",
                        recipient,
                        "validUntil",
                        "",
                        "idempotencyKey",
                        UUID.randomUUID().toString(),
                        "format",
                        "jwt"));
    }

    private long count() {
        return jdbc.sql("select count(*) from issued_credential where organization_id = ?")
                .param(issuer.provider.organization().id().value())
                .query(Long.class)
                .single();
    }

    private String jwtFor(String email) {
        HttpResponse<String> issued = issue(email, null, "\"format\": \"jwt\"");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return StrictJson.parseObject(issued.body()).getString("verifiableCredential");
    }

    private HttpResponse<String> issue(String email, String idempotencyKey, String extra) {
        return issuer.issueRequest(email, idempotencyKey, extra);
    }

    private HttpResponse<String> verifyAsApplicationJwt(String jwt) {
        return new WebClient(issuer.base)
                .send(HttpRequest.newBuilder(URI.create(issuer.base + "/credentials/verify"))
                        .header("Content-Type", "application/jwt")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(jwt))
                        .build());
    }

    private HttpResponse<String> post(String path, String json) {
        return issuer.post(path, json);
    }

    private static JsonObject part(String jwt, int index) {
        return StrictJson.parseObject(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
