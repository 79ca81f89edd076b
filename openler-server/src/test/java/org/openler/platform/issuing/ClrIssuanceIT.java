package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.JsonFields;
import org.openler.platform.support.PlatformTest;
import org.openler.standards.json.StrictJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A CLR 2.0 bundling one learner's credentials from one provider, issued, verified and revoked over the real API. */
@PlatformTest
class ClrIssuanceIT {

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
                {"name": "Pipe Fitting", "description": "Measures, cuts and joins pipe.",
                 "criteria": "Passed the practical assessment.", "achievementType": "Certificate"}""");
    }

    @Test
    void bundlesExactlyTheLearnersActiveCredentialsAndVerifies() {
        String first = issue("clr-learner@example.org");
        String second = issue("clr-learner@example.org");
        issue("someone-else@example.org");

        HttpResponse<String> answer = clr("Clr-Learner@Example.org", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String clr = unwrap(answer.body());
        assertThat(clr)
                .contains("ClrCredential", "ClrSubject", "eddsa-rdfc-2022", "BitstringStatusListEntry", "did:web:")
                .doesNotContain("clr-learner@example.org");
        assertThat(bundledIds(clr)).containsExactlyInAnyOrder(id(first), id(second));
        assertThat(bundled(clr))
                .as("bundled exactly as signed")
                .containsExactlyInAnyOrder(StrictJson.parseObject(first), StrictJson.parseObject(second));
        assertThat(jdbc.sql("select achievement_id is null from issued_credential where id = ?")
                        .param(UUID.fromString(id(clr)))
                        .query(Boolean.class)
                        .single())
                .isTrue();

        HttpResponse<String> verified = verify(clr);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(JsonFields.verified(verified.body())).isTrue();

        HttpResponse<String> again = clr("clr-learner@example.org", null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(bundledIds(unwrap(again.body())))
                .as("an earlier CLR is not bundled into the next")
                .containsExactlyInAnyOrder(id(first), id(second));
    }

    @Test
    void aRevokedCredentialIsLeftOut() {
        String kept = issue("partly-revoked@example.org");
        String revoked = issue("partly-revoked@example.org");
        revoke(id(revoked));

        String clr = unwrap(clr("partly-revoked@example.org", null).body());
        assertThat(bundledIds(clr)).containsExactly(id(kept));
    }

    @Test
    void aTamperedBundledCredentialFailsVerification() {
        issue("tamper@example.org");
        String clr = unwrap(clr("tamper@example.org", null).body());
        assertThat(clr).contains("Pipe Fitting");

        String tampered = clr.replace("Pipe Fitting", "Pipe Mastery");
        HttpResponse<String> rejected = verify(tampered);
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonFields.booleans(rejected.body(), "verified")).contains(false);
        assertThat(rejected.body()).contains("CRYPTOGRAPHIC_SECURITY_ERROR");
    }

    @Test
    void aRevokedClrNoLongerVerifies() {
        issue("revoke-clr@example.org");
        String clr = unwrap(clr("revoke-clr@example.org", null).body());
        revoke(id(clr));

        HttpResponse<String> verified = verify(clr);
        assertThat(verified.statusCode()).isEqualTo(422);
        assertThat(JsonFields.strings(verified.body(), "check")).contains("status");
        assertThat(JsonFields.strings(verified.body(), "result")).contains("failed");
    }

    @Test
    void aLearnerWithNoActiveCredentialsHereIsNotFound() {
        HttpResponse<String> answer = clr("nobody@example.org", null);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void retryingWithTheSameIdempotencyKeyReturnsTheSameBytes() {
        issue("retry-clr@example.org");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = clr("retry-clr@example.org", key);
        HttpResponse<String> again =
                post("/orgs/" + issuer.provider.slug() + "/credentials/clr", """
                {"recipient": {"email": "retry-clr@example.org"}, "idempotencyKey": "%s"}""".formatted(key), null);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("select count(*) from issued_credential where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aLearnerKnownOnlyByTheirDidGetsAClrOfTheCredentialsIssuedToThatDid() {
        String did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
        String first = issueTo("{\"did\": \"" + did + "\"}");
        String second = issueTo("{\"did\": \"" + did + "\"}");
        issueTo("{\"did\": \"did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG\"}");
        issue("not-the-did@example.org");

        HttpResponse<String> answer = clrFor("{\"did\": \"" + did + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String clr = unwrap(answer.body());
        assertThat(StrictJson.parseObject(clr)
                        .getJsonObject("credentialSubject")
                        .getString("id"))
                .isEqualTo(did);
        assertThat(bundledIds(clr)).containsExactlyInAnyOrder(id(first), id(second));
        HttpResponse<String> verified = verify(clr);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    }

    @Test
    void aDidWithNoCredentialsHereIsNotFoundAndAnInvalidDidIsRefused() {
        assertThat(clrFor("{\"did\": \"did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG\"}")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> invalid = clrFor("{\"did\": \"not-a-did\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("recipient.did");
        assertThat(clrFor("{\"email\": \"a@example.org\", \"did\": \"did:key:z6Mk\"}")
                        .statusCode())
                .as("one of e-mail or DID, not both")
                .isEqualTo(400);
    }

    @Test
    void vcJwtCredentialsAreNotBundledBecauseAClrEmbedsJsonCredentialsOnly() {
        String embedded = issue("mixed-formats@example.org");
        HttpResponse<String> jwt = post(
                "/orgs/" + issuer.provider.slug() + "/credentials/issue",
                "{\"achievementId\": \"" + issuer.achievementId
                        + "\", \"recipient\": {\"email\": \"mixed-formats@example.org\"}, \"format\": \"jwt\"}",
                null);
        assertThat(jwt.statusCode()).as(jwt.body()).isEqualTo(201);

        String clr = unwrap(clr("mixed-formats@example.org", null).body());
        assertThat(bundledIds(clr)).containsExactly(id(embedded));
    }

    private String issueTo(String recipient) {
        HttpResponse<String> issued = post(
                "/orgs/" + issuer.provider.slug() + "/credentials/issue",
                "{\"achievementId\": \"" + issuer.achievementId + "\", \"recipient\": " + recipient + "}",
                null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return unwrap(issued.body());
    }

    private HttpResponse<String> clrFor(String recipient) {
        return post("/orgs/" + issuer.provider.slug() + "/credentials/clr", "{\"recipient\": " + recipient + "}", null);
    }

    private String issue(String email) {
        return issuer.issue(email);
    }

    private HttpResponse<String> clr(String email, String idempotencyKey) {
        return issuer.postOnce(
                "/orgs/" + issuer.provider.slug() + "/credentials/clr", """
                {"recipient": {"email": "%s"}}""".formatted(email), idempotencyKey);
    }

    private void revoke(String id) {
        HttpResponse<String> revoked =
                post("/orgs/" + issuer.provider.slug() + "/credentials/status", """
                {"credentialId": "%s", "credentialStatus": [{"type": "BitstringStatusListCredential", "status": "revoked"}]}""".formatted(id), null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    }

    private HttpResponse<String> verify(String credential) {
        return post("/credentials/verify", "{\"verifiableCredential\":" + credential + "}", null);
    }

    private HttpResponse<String> post(String path, String json, String bearer) {
        return issuer.post(path, json, bearer == null ? issuer.token : bearer);
    }

    private static List<JsonValue> bundled(String clr) {
        return StrictJson.parseObject(clr).getJsonObject("credentialSubject").getJsonArray("verifiableCredential");
    }

    private static List<String> bundledIds(String clr) {
        return bundled(clr).stream().map(c -> id(StrictJson.write(c))).toList();
    }

    private static String id(String credential) {
        return StrictJson.parseObject(credential).getString("id").replace("urn:uuid:", "");
    }

    private static String unwrap(String body) {
        return IssuerClient.unwrap(body);
    }
}
