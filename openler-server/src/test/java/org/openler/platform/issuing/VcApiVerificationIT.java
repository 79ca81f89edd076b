package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.DidKey;
import org.openler.standards.json.StrictJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The verifier in VC-API shapes: {@code POST /credentials/verify} with {@code {"verifiableCredential", "options"}} and
 * {@code POST /presentations/verify} with {@code {"verifiablePresentation", "options": {"challenge", "domain"}}},
 * answered in the VC-API form ({@code checks}, {@code warnings}, {@code errors}) beside the plain-words
 * {@code results}; credentials issued through the VC-API issuer, of a type that is not Open Badges, and signed with
 * eddsa-jcs-2022.
 */
@PlatformTest
class VcApiVerificationIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    IssuerClient issuer;
    String did;

    @BeforeEach
    void aProvider() {
        issuer = IssuerClient.aProvider(fixtures, port);
        did = "did:web:localhost%3A" + port + ":orgs:" + issuer.slug();
    }

    private String issue(String options, String id) {
        HttpResponse<String> issued =
                issuer.post("/orgs/" + issuer.slug() + "/credentials/issue", """
                {"credential": {
                  "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
                  "id": "%s",
                  "type": ["VerifiableCredential", "AlumniCredential"],
                  "issuer": "%s",
                  "credentialSubject": {"id": "did:example:alumna", "alumniOf": "The School of Examples"}},
                 "options": %s}""".formatted(id, did, options));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return IssuerClient.unwrap(issued.body());
    }

    private HttpResponse<String> verify(String credential, String options) {
        return issuer.post(
                "/credentials/verify",
                "{\"verifiableCredential\": " + credential + ", \"options\": " + options + "}",
                null);
    }

    @Test
    void aVerifyCredentialRequestIsAnsweredWithChecksWarningsAndErrors() {
        String credential = issue("{}", "urn:uuid:" + UUID.randomUUID());
        HttpResponse<String> answer = verify(credential, "{\"checks\": [\"proof\", \"credentialStatus\"]}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonObject body = StrictJson.parseObject(answer.body());
        assertThat(body.getBoolean("verified")).isTrue();
        assertThat(body.getJsonArray("checks").getValuesAs(JsonString::getString))
                .contains("proof", "credentialStatus", "validityPeriod", "structure");
        assertThat(body.getJsonArray("errors")).isEmpty();
        assertThat(body.getJsonArray("warnings")).isNotNull();
        assertThat(body.getJsonArray("results").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("message"))
                .contains("The credential follows the data model's rules", "The eddsa-rdfc-2022 proof verifies");
    }

    @Test
    void aFailedVerificationNamesEachErrorAsAProblemDetail() {
        String credential = issue("{}", "urn:uuid:" + UUID.randomUUID()).replace("The School of Examples", "Forged U");
        HttpResponse<String> answer = verify(credential, "{}");
        assertThat(answer.statusCode()).isEqualTo(422);
        JsonObject body = StrictJson.parseObject(answer.body());
        assertThat(body.getBoolean("verified")).isFalse();
        JsonObject error = body.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("type"))
                .isEqualTo("https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR");
        assertThat(error.getString("title")).isEqualTo("proof");
        assertThat(error.getString("detail")).contains("Invalid signature");
    }

    @Test
    void theOpenBadgesProfileIsAppliedWhenOptionsAskForIt() {
        String credential = issue("{}", "urn:uuid:" + UUID.randomUUID());
        HttpResponse<String> answer = verify(credential, "{\"profile\": \"open-badges\"}");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(StrictJson.parseObject(answer.body()).getJsonArray("errors").getValuesAs(JsonObject.class))
                .anyMatch(e -> e.getString("title").equals("structure")
                        && e.getString("detail").contains("OpenBadgeCredential"));
    }

    @Test
    void anEddsaJcs2022CredentialIsIssuedAndVerified() {
        String credential = issue("{\"cryptosuite\": \"eddsa-jcs-2022\"}", "urn:uuid:" + UUID.randomUUID());
        assertThat(StrictJson.parseObject(credential).getJsonObject("proof").getString("cryptosuite"))
                .isEqualTo("eddsa-jcs-2022");
        HttpResponse<String> answer = verify(credential, "{}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void aCredentialsOwnUrnUuidIsItsStoredIdSoItsStatusCanBeChangedByIt() {
        UUID id = UUID.randomUUID();
        String credential = issue("{}", "urn:uuid:" + id);
        assertThat(issuer.changeStatus(credential, "revoked").statusCode()).isEqualTo(200);
        HttpResponse<String> answer = verify(credential, "{}");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(StrictJson.parseObject(answer.body()).getString("type"))
                .isEqualTo("https://openler.org/problems/credential-revoked");

        HttpResponse<String> again =
                issuer.post("/orgs/" + issuer.slug() + "/credentials/issue", """
                {"credential": {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:uuid:%s",
                  "type": ["VerifiableCredential"], "issuer": "%s", "credentialSubject": {"id": "did:example:x"}}}""".formatted(id, did));
        assertThat(again.statusCode()).as("an id issued before").isEqualTo(409);
    }

    @Test
    void aVerifyPresentationRequestChecksTheHoldersChallengeAndDomain() {
        String credential = issue("{}", "urn:uuid:" + UUID.randomUUID());
        Ed25519KeyPair holder = Ed25519.generate();
        JsonObject presentation = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/credentials/v2"))
                .add("type", Json.createArrayBuilder().add("VerifiablePresentation"))
                .add("holder", DidKey.of(holder.publicKey()).value())
                .add("verifiableCredential", Json.createArrayBuilder().add(StrictJson.parseObject(credential)))
                .build();
        JsonObject signed = EddsaRdfc2022.sign(
                presentation,
                holder,
                ProofOptions.authentication(
                        DidKey.verificationMethodId(holder.publicKey()),
                        Instant.now(),
                        "challenge-42",
                        Optional.of("https://verifier.example")));

        HttpResponse<String> answer = issuer.post(
                "/presentations/verify",
                "{\"verifiablePresentation\": " + StrictJson.write(signed)
                        + ", \"options\": {\"challenge\": \"challenge-42\", \"domain\": \"https://verifier.example\"}}",
                null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonObject body = StrictJson.parseObject(answer.body());
        assertThat(body.getJsonArray("checks").getValuesAs(JsonString::getString))
                .contains("proof", "verifiableCredential");

        HttpResponse<String> replayed = issuer.post(
                "/presentations/verify",
                "{\"verifiablePresentation\": " + StrictJson.write(signed)
                        + ", \"options\": {\"challenge\": \"another\", \"domain\": \"https://verifier.example\"}}",
                null);
        assertThat(replayed.statusCode()).isEqualTo(422);
        assertThat(StrictJson.parseObject(replayed.body())
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("detail"))
                .contains("challenge");
    }
}
