package org.openler.platform.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openler.platform.organizations.Organization;
import org.openler.platform.support.Fixtures;
import org.openler.platform.support.PlatformTest;
import org.openler.platform.support.WebClient;
import org.openler.standards.json.StrictJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The VC-API issuer: {@code POST /orgs/<org>/credentials/issue} with an {@code IssueCredentialRequest} whose credential
 * the caller wrote. Each test is named after the rule (VC DM 2.0, VC-API, Bitstring Status List) it holds to.
 */
@PlatformTest
class VcApiIssuingIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    String base;
    Fixtures.Org provider;
    String token;
    String did;

    @BeforeEach
    void aProviderWithAMachineClient() {
        base = "http://localhost:" + port;
        provider = fixtures.organization(Organization.Kind.PROVIDER);
        var client = fixtures.client(provider);
        token = WebClient.clientToken(base, client.client().clientId(), client.secret());
        did = "did:web:localhost%3A" + port + ":orgs:" + provider.slug();
    }

    private String credential(String issuer, String subject) {
        return """
                {"@context": ["https://www.w3.org/ns/credentials/v2"],
                 "type": ["VerifiableCredential"],
                 "issuer": "%s",
                 "credentialSubject": %s}""".formatted(issuer, subject);
    }

    @Test
    void anIssueCredentialRequestIsSignedWithStatusEntriesAndAnswered201WithTheVerifiableCredential() {
        HttpResponse<String> issued = issue("{\"credential\": "
                + credential(did, "{\"id\": \"did:example:learner\", \"name\": \"Ada\"}") + ", \"options\": {}}");

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonObject vc = StrictJson.parseObject(issued.body()).getJsonObject("verifiableCredential");
        assertThat(vc.getString("issuer")).isEqualTo(did);
        assertThat(vc.getJsonObject("credentialSubject").getString("name")).isEqualTo("Ada");
        assertThat(vc).doesNotContainKey("validFrom"); // VC DM 2.0 makes it optional; the issuer adds nothing unasked
        JsonObject proof = vc.getJsonObject("proof");
        assertThat(proof.getString("type")).isEqualTo("DataIntegrityProof");
        assertThat(proof.getString("cryptosuite")).isEqualTo("eddsa-rdfc-2022");
        assertThat(proof.getString("proofPurpose")).isEqualTo("assertionMethod");
        assertThat(proof.getString("verificationMethod")).startsWith(did + "#");
        JsonArray status = vc.getJsonArray("credentialStatus");
        assertThat(status.getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("type"), s -> s.getString("statusPurpose"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("BitstringStatusListEntry", "revocation"),
                        org.assertj.core.groups.Tuple.tuple("BitstringStatusListEntry", "suspension"));

        HttpResponse<String> verified = post("/credentials/verify", issued.body());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(StrictJson.parseObject(verified.body()).getBoolean("verified"))
                .isTrue();
    }

    @Test
    void aCredentialIssuedThroughTheVcApiIsStoredSoRevocationWorks() {
        HttpResponse<String> issued =
                issue("{\"credential\": " + credential(did, "{\"id\": \"did:example:revoked\"}") + "}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String location = issued.headers().firstValue("Location").orElseThrow();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select recipient_did from issued_credential where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("did:example:revoked");

        HttpResponse<String> revoked = post("/orgs/" + provider.slug() + "/credentials/status", """
                {"credentialId": "%s", "credentialStatus": [{"type": "BitstringStatusListCredential", "status": "revoked"}]}""".formatted(id));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        HttpResponse<String> afterRevocation = post("/credentials/verify", issued.body());
        assertThat(afterRevocation.statusCode()).isEqualTo(422);
        assertThat(StrictJson.parseObject(afterRevocation.body()).getString("type"))
                .isEqualTo("https://openler.org/problems/credential-revoked");
    }

    @Test
    void optionsFormatJwtIssuesAVcJwtOfTheCallersCredential() {
        HttpResponse<String> issued = issue("{\"credential\": " + credential(did, "{\"id\": \"did:example:jwt\"}")
                + ", \"options\": {\"format\": \"jwt\"}}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String jwt = StrictJson.parseObject(issued.body()).getString("verifiableCredential");
        JsonObject claims = StrictJson.parseObject(
                new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.getString("iss")).isEqualTo(did);
        assertThat(claims.getJsonObject("vc").getJsonArray("credentialStatus")).hasSize(2);
        HttpResponse<String> verified = post("/credentials/verify", issued.body());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    }

    @Test
    void theIdempotencyKeyAnswersTheFirstCredentialAgainAndStoresOne() {
        String body = "{\"credential\": " + credential(did, "{\"id\": \"did:example:again\"}") + "}";
        HttpResponse<String> first = post(issuePath(), body, "vcapi-key-1");
        HttpResponse<String> second = post(issuePath(), body, "vcapi-key-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(issuedCount()).isEqualTo(1);
    }

    @Test
    void credentialSubjectMustBeAnObjectAndEachViolationIsNamed() {
        HttpResponse<String> refused = issue(
                "{\"credential\": {\"@context\": [\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                        + " \"type\": [\"VerifiableCredential\"], \"issuer\": \"did:web:elsewhere.example\","
                        + " \"validFrom\": \"yesterday\", \"credentialSubject\": \"not an object\"}}");
        assertRefusedNaming(refused)
                .contains(
                        "credential/credentialSubject",
                        "credential/@context",
                        "credential/issuer",
                        "credential/validFrom");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertCountUnchanged();
    }

    @Test
    void theFirstContextMustBeTheVc2Context() {
        HttpResponse<String> refused =
                issue("{\"credential\": {\"@context\": [\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\","
                        + " \"https://www.w3.org/ns/credentials/v2\"], \"type\": [\"VerifiableCredential\"],"
                        + " \"issuer\": \"" + did + "\", \"credentialSubject\": {\"id\": \"did:example:x\"}}}");
        assertRefusedNaming(refused).contains("credential/@context");
    }

    @Test
    void theIssuerMustBeThisOrganizationsDid() {
        HttpResponse<String> refused = issue(
                "{\"credential\": " + credential("did:web:someone-else.example", "{\"id\": \"did:example:x\"}") + "}");
        assertRefusedNaming(refused).containsExactly("credential/issuer");
        assertCountUnchanged();
    }

    @Test
    void typeMustIncludeVerifiableCredential() {
        HttpResponse<String> refused = issue(
                "{\"credential\": {\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"type\": [\"Thing\"],"
                        + " \"issuer\": \"" + did + "\", \"credentialSubject\": {\"id\": \"did:example:x\"}}}");
        assertRefusedNaming(refused).contains("credential/type");
    }

    @Test
    void validUntilBeforeValidFromIsRefused() {
        HttpResponse<String> refused = issue(
                v2Credential(", \"validFrom\": \"2031-01-01T00:00:00Z\", \"validUntil\": \"2030-01-01T00:00:00Z\""));
        assertRefusedNaming(refused).contains("credential/validUntil");
    }

    @Test
    void aProofInTheRequestIsRefusedBecauseTheIssuerAddsIt() {
        HttpResponse<String> refused = issue(v2Credential(", \"proof\": {\"type\": \"DataIntegrityProof\"}"));
        assertRefusedNaming(refused).containsExactly("credential/proof");
    }

    /** VC DM 2.0 §4.10 (W3C vc-data-model-2.0-test-suite, Status): a typed status entry of the caller's is kept. */
    @Test
    void credentialStatusObjectsMustHaveATypeAndATypedOneIsKeptBeforeTheIssuersTwo() {
        HttpResponse<String> issued = issue("{\"credential\": {\"@context\": [\"https://www.w3.org/ns/credentials/v2\","
                + " {\"CredentialStatusList2017\": \"https://example.org/examples#CredentialStatusList2017\"}],"
                + " \"type\": [\"VerifiableCredential\"], \"issuer\": \"" + did + "\","
                + " \"credentialSubject\": {\"id\": \"did:example:x\"},"
                + " \"credentialStatus\": {\"id\": \"did:example:status\", \"type\":"
                + " \"CredentialStatusList2017\"}}}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonArray status = StrictJson.parseObject(issued.body())
                .getJsonObject("verifiableCredential")
                .getJsonArray("credentialStatus");
        assertThat(status.getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("type"))
                .containsExactly("CredentialStatusList2017", "BitstringStatusListEntry", "BitstringStatusListEntry");

        HttpResponse<String> untyped = issue(v2Credential(", \"credentialStatus\": {\"id\": \"did:example:status\"}"));
        assertRefusedNaming(untyped).contains("credential/credentialStatus");
    }

    /** VC DM 2.0 §4.5: termsOfUse, evidence and refreshService objects MUST have a type specified. */
    @Test
    void termsOfUseEvidenceAndRefreshServiceObjectsMustHaveATypeSpecified() {
        HttpResponse<String> refused = issue(v2Credential(", \"evidence\": {}, \"termsOfUse\": {\"id\": \"urn:x:1\"},"
                + " \"refreshService\": {\"url\": \"https://example.edu/refresh\"}"));
        assertRefusedNaming(refused)
                .contains(
                        "credential/evidence/0/type",
                        "credential/termsOfUse/0/type",
                        "credential/refreshService/0/type");
    }

    /** VC DM 2.0 §4.9: validUntil is "the date and time the credential ceases to be valid, which could be ... past". */
    @Test
    void validUntilMayBeADateAndTimeInThePast() {
        HttpResponse<String> issued = issue(v2Credential(", \"validUntil\": \"2020-01-01T00:00:00Z\""));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    }

    /**
     * The W3C vc-di-eddsa suite issues a VC Data Model 1.1 credential: signed with a Data Integrity proof, with the
     * status and Data Integrity contexts appended (Data Integrity §2.1.1 context injection), and it verifies.
     */
    @Test
    void aVc11CredentialIsIssuedWithADataIntegrityProofOrAsAVcJwtWithTheContextsItsTermsNeed() {
        HttpResponse<String> issued =
                issue("{\"credential\": {\"@context\": [\"https://www.w3.org/2018/credentials/v1\"],"
                        + " \"id\": \"urn:uuid:" + java.util.UUID.randomUUID() + "\","
                        + " \"type\": [\"VerifiableCredential\"], \"issuer\": \"" + did + "\","
                        + " \"issuanceDate\": \"2020-03-16T22:37:26.544Z\","
                        + " \"credentialSubject\": {\"id\": \"did:example:x\"}}}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonObject vc = StrictJson.parseObject(issued.body()).getJsonObject("verifiableCredential");
        assertThat(vc.getJsonArray("@context").getValuesAs(JsonString.class))
                .extracting(JsonString::getString)
                .containsExactly(
                        "https://www.w3.org/2018/credentials/v1",
                        "https://www.w3.org/ns/credentials/status/v1",
                        "https://w3id.org/security/data-integrity/v2");
        assertThat(vc.getJsonObject("proof").getString("cryptosuite")).isEqualTo("eddsa-rdfc-2022");
        HttpResponse<String> verified = post("/credentials/verify", issued.body());
        assertThat(StrictJson.parseObject(verified.body()).getBoolean("verified"))
                .as(verified.body())
                .isTrue();

        HttpResponse<String> jwt = issue("{\"credential\": {\"@context\": [\"https://www.w3.org/2018/credentials/v1\"],"
                + " \"type\": [\"VerifiableCredential\"], \"issuer\": \"" + did + "\","
                + " \"issuanceDate\": \"2020-03-16T22:37:26.544Z\","
                + " \"expirationDate\": \"2099-03-16T22:37:26Z\","
                + " \"credentialSubject\": {\"id\": \"did:example:x\"}}, \"options\": {\"format\": \"jwt\"}}");
        assertThat(jwt.statusCode()).as(jwt.body()).isEqualTo(201);
        String compact = StrictJson.parseObject(jwt.body()).getString("verifiableCredential");
        JsonObject claims = StrictJson.parseObject(
                new String(Base64.getUrlDecoder().decode(compact.split("\\.")[1]), StandardCharsets.UTF_8));
        // VC DM 1.1 §6.3.1: issuanceDate and expirationDate travel as nbf and exp
        assertThat(claims.getJsonNumber("nbf").longValue())
                .isEqualTo(java.time.Instant.parse("2020-03-16T22:37:26.544Z").getEpochSecond());
        assertThat(claims.getJsonNumber("exp").longValue())
                .isEqualTo(java.time.Instant.parse("2099-03-16T22:37:26Z").getEpochSecond());
        assertThat(claims.getJsonObject("vc").getJsonArray("@context").getValuesAs(JsonString.class))
                .extracting(JsonString::getString)
                .as("a VC-JWT carries no proof object, so only the status context is added")
                .containsExactly(
                        "https://www.w3.org/2018/credentials/v1", "https://www.w3.org/ns/credentials/status/v1");
        HttpResponse<String> jwtVerified = post("/credentials/verify", jwt.body());
        assertThat(StrictJson.parseObject(jwtVerified.body()).getBoolean("verified"))
                .as(jwtVerified.body())
                .isTrue();
    }

    @Test
    void anUndefinedTermOrUnbundledContextIsRefusedWith400NotSigned() {
        HttpResponse<String> undefined =
                issue("{\"credential\": " + credential(did, "{\"id\": \"did:example:x\", \"notATerm\": 1}") + "}");
        HttpResponse<String> unbundled =
                issue("{\"credential\": {\"@context\": [\"https://www.w3.org/ns/credentials/v2\","
                        + " \"https://unknown.example/context.json\"], \"type\": [\"VerifiableCredential\"],"
                        + " \"issuer\": \"" + did + "\", \"credentialSubject\": {\"id\": \"did:example:x\"}}}");
        assertThat(undefined.statusCode()).as(undefined.body()).isEqualTo(400);
        assertRefusedNaming(unbundled).contains("credential");
        assertCountUnchanged();
    }

    @Test
    void unknownOptionsAndPropertiesAreRefusedByName() {
        HttpResponse<String> refused = issue("{\"credential\": " + credential(did, "{\"id\": \"did:example:x\"}")
                + ", \"options\": {\"format\": \"sd-jwt\", \"mystery\": true}, \"extra\": 1}");
        assertRefusedNaming(refused).contains("options.format", "options.mystery", "extra");
    }

    @Test
    void theAchievementShapeStillRefusesPropertiesItDoesNotKnow() {
        HttpResponse<String> refused = issue("{\"achievementId\": \"" + UUID.randomUUID() + "\", \"surprise\": 1}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(StrictJson.parseObject(refused.body()).getString("detail"))
                .isEqualTo("The JSON body has a property this endpoint does not know.");
    }

    private HttpResponse<String> issue(String request) {
        return post(issuePath(), request);
    }

    private String issuePath() {
        return "/orgs/" + provider.slug() + "/credentials/issue";
    }

    /** An issue request whose VC 2.0 credential, from this organization about {@code did:example:x}, has {@code more}. */
    private String v2Credential(String more) {
        return "{\"credential\": {\"@context\": [\"https://www.w3.org/ns/credentials/v2\"],"
                + " \"type\": [\"VerifiableCredential\"], \"issuer\": \"" + did + "\","
                + " \"credentialSubject\": {\"id\": \"did:example:x\"}" + more + "}}";
    }

    /** A 400 problem; the answer is an assertion on the fields its errors name. */
    private static ListAssert<String> assertRefusedNaming(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        return assertThat(fields(refused));
    }

    private void assertCountUnchanged() {
        assertThat(issuedCount()).isZero();
    }

    private long issuedCount() {
        return jdbc.sql("select count(*) from issued_credential where organization_id = ?")
                .param(provider.organization().id().value())
                .query(Long.class)
                .single();
    }

    private static List<String> fields(HttpResponse<String> response) {
        JsonObject problem = StrictJson.parseObject(response.body());
        JsonArray errors = problem.getJsonArray("errors");
        return errors.getValuesAs(JsonObject.class).stream()
                .map(e -> e.get("field") instanceof JsonString s ? s.getString() : "")
                .toList();
    }

    private HttpResponse<String> post(String path, String body) {
        return post(path, body, null);
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey) {
        WebClient web = new WebClient(base);
        HttpRequest.Builder request = web.jsonPost(path, body).header("Authorization", "Bearer " + token);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return web.send(request.build());
    }

    @Test
    void aCredentialMustHaveAnIssuerInEitherFormat() {
        // VC-API issuer suite (4aa46e2), for Data Integrity and JWT alike: 'credential MUST have property "issuer"'
        String noIssuer = """
                {"@context": ["https://www.w3.org/ns/credentials/v2"],
                 "type": ["VerifiableCredential"],
                 "credentialSubject": {"id": "did:example:unnamed"}}""";
        for (String options : List.of("{}", "{\"format\": \"jwt\"}")) {
            assertRefusedNaming(issue("{\"credential\": " + noIssuer + ", \"options\": " + options + "}"))
                    .as(options)
                    .contains("credential/issuer");
        }
    }
}
