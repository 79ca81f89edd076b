package org.openler.platform.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openler.platform.issuing.IssuerClient;
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
 * The W3C CCG VC-API's normative statements as its test suites judge them, one test each, named after the statement
 * (its words are the {@code @DisplayName}). The issuer's come from vc-api-issuer-test-suite (4aa46e2, the version
 * OpenLER is judged by: a refusal is 400 or 422, never 401 or 500), in both formats the suite runs (Data Integrity,
 * the default, and {@code options.format: "jwt"}); the verifier's from vc-api-verifier-test-suite (41541ee), whose
 * refusals are 400 or 422 as well. The requests are written here, not copied: the suite's valid credential is a VC
 * Data Model 1.1 credential naming the issuer's id, and its valid VC for the verifier a VC 2.0 alumni credential,
 * which OpenLER's own issuer signs here (the suite's vector is signed by a key its issuer does not control, see
 * docs/w3c-conformance.md). The presentation statements are VC-API's {@code options.challenge} and {@code domain}.
 */
@PlatformTest
class VcApiMustIT {

    /** The two issuers the suite configures for OpenLER: Data Integrity (no options) and VC-JWT. */
    enum Format {
        DATA_INTEGRITY(JsonValue.EMPTY_JSON_OBJECT),
        JWT(Json.createObjectBuilder().add("format", "jwt").build());

        final JsonObject options;

        Format(JsonObject options) {
            this.options = options;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    IssuerClient issuer;
    String did;

    @BeforeEach
    void aProviderWithAMachineClient() {
        issuer = IssuerClient.aProvider(fixtures, port);
        did = "did:web:localhost%3A" + port + ":orgs:" + issuer.slug();
    }

    // ---- the issuer: POST /orgs/{org}/credentials/issue {"credential", "options"} ----

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("MUST successfully issue a credential.")
    void mustSuccessfullyIssueACredential(Format format) {
        HttpResponse<String> issued = issue(validCredential().build(), format);

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonValue answer = StrictJson.parseObject(issued.body()).get("verifiableCredential");
        JsonObject vc;
        if (format == Format.JWT) {
            // A VC-JWT is the compact JWS (its signature is the proof; there is no proof object in a JWT)
            String[] parts = ((JsonString) answer).getString().split("\\.");
            assertThat(parts).hasSize(3).allSatisfy(part -> assertThat(part).isNotEmpty());
            JsonObject header = decode(parts[0]);
            assertThat(header.getString("alg")).isIn("ES256", "EdDSA");
            assertThat(header.getString("kid")).startsWith(did + "#");
            JsonObject claims = decode(parts[1]);
            assertThat(claims.getString("iss")).isEqualTo(did);
            vc = claims.getJsonObject("vc");
        } else {
            vc = (JsonObject) answer;
            JsonObject proof = vc.getJsonObject("proof");
            assertThat(proof.getString("type")).isEqualTo("DataIntegrityProof");
            assertThat(proof.getString("proofPurpose")).isEqualTo("assertionMethod");
            assertThat(proof.getString("verificationMethod")).startsWith(did + "#");
            assertThat(proof.getString("proofValue")).startsWith("z");
        }
        assertThat(vc.getJsonArray("@context").getString(0)).isEqualTo("https://www.w3.org/2018/credentials/v1");
        assertThat(vc.getJsonArray("type").getValuesAs(JsonString::getString)).contains("VerifiableCredential");
        assertThat(vc.getString("id")).startsWith("urn:uuid:");
        assertThat(vc.getString("issuer")).isEqualTo(did);
        assertThat(vc.getJsonObject("credentialSubject")).isNotEmpty();

        HttpResponse<String> verified = verify(answer);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("Request body MUST have property \"credential\".")
    void requestBodyMustHavePropertyCredential(Format format) {
        JsonObject body = Json.createObjectBuilder()
                .add("verifiableCredential", validCredential())
                .add("options", format.options)
                .build();
        HttpResponse<String> refused = issuer.post(issuePath(), StrictJson.write(body));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // the body binds to no request shape: an unknown property, not a credential without its members
        assertThat(StrictJson.parseObject(refused.body()).getString("type"))
                .isEqualTo("https://openler.org/problems/malformed-request");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("credential MUST have property \"@context\".")
    void credentialMustHavePropertyContext(Format format) {
        assertRefusedNaming(issue(validCredential().remove("@context").build(), format), "credential/@context");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("credential \"@context\" MUST be an array.")
    void credentialContextMustBeAnArray(Format format) {
        assertRefusedNaming(issue(validCredential().add("@context", 4).build(), format), "credential/@context");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("credential \"@context\" items MUST be strings.")
    void credentialContextItemsMustBeStrings(Format format) {
        for (JsonValue notStrings : List.of(
                Json.createObjectBuilder().add("foo", true).build(),
                Json.createValue(4),
                JsonValue.FALSE,
                JsonValue.NULL,
                Json.createArrayBuilder()
                        .add("https://www.w3.org/2018/credentials/v1")
                        .add(4)
                        .build())) {
            assertRefusedNaming(
                    issue(validCredential().add("@context", notStrings).build(), format), "credential/@context");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("credential MUST have property \"type\"")
    void credentialMustHavePropertyType(Format format) {
        assertRefusedNaming(issue(validCredential().remove("type").build(), format), "credential/type");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("\"credential.type\" MUST be an array.")
    void credentialTypeMustBeAnArray(Format format) {
        assertRefusedNaming(issue(validCredential().add("type", 4).build(), format), "credential/type");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("\"credential.type\" items MUST be strings")
    void credentialTypeItemsMustBeStrings(Format format) {
        for (JsonValue notStrings : List.of(
                JsonValue.NULL,
                JsonValue.TRUE,
                Json.createValue(4),
                JsonValue.EMPTY_JSON_ARRAY,
                Json.createArrayBuilder().add("VerifiableCredential").add(4).build())) {
            assertRefusedNaming(issue(validCredential().add("type", notStrings).build(), format), "credential/type");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("credential MUST have property \"issuer\"")
    void credentialMustHavePropertyIssuer(Format format) {
        assertRefusedNaming(issue(validCredential().remove("issuer").build(), format), "credential/issuer");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("\"credential.issuer\" MUST be a string or an object")
    void credentialIssuerMustBeAStringOrAnObject(Format format) {
        for (JsonValue neither :
                List.of(JsonValue.NULL, JsonValue.TRUE, Json.createValue(4), JsonValue.EMPTY_JSON_ARRAY)) {
            assertRefusedNaming(issue(validCredential().add("issuer", neither).build(), format), "credential/issuer");
        }
        // the accepting half: an object whose id is the issuer's
        HttpResponse<String> asObject = issue(
                validCredential()
                        .add("issuer", Json.createObjectBuilder().add("id", did))
                        .build(),
                format);
        assertThat(asObject.statusCode()).as(asObject.body()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("credential MUST have property \"credentialSubject\"")
    void credentialMustHavePropertyCredentialSubject(Format format) {
        assertRefusedNaming(
                issue(validCredential().remove("credentialSubject").build(), format), "credential/credentialSubject");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("\"credential.credentialSubject\" MUST be an object")
    void credentialSubjectMustBeAnObject(Format format) {
        for (JsonValue notAnObject : List.of(
                JsonValue.NULL,
                JsonValue.TRUE,
                Json.createValue(4),
                JsonValue.EMPTY_JSON_ARRAY,
                Json.createValue("did:example:1234"))) {
            assertRefusedNaming(
                    issue(
                            validCredential()
                                    .add("credentialSubject", notAnObject)
                                    .build(),
                            format),
                    "credential/credentialSubject");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("credential MAY have property \"issuanceDate\"")
    void credentialMayHavePropertyIssuanceDate(Format format) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> issued =
                issue(validCredential().add("issuanceDate", now).build(), format);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(issuedCredential(issued, format).getString("issuanceDate")).isEqualTo(now);

        // the suite's credential is VC DM 1.1, where issuanceDate is required (§4.6), so without one it is refused
        assertRefusedNaming(issue(validCredential().remove("issuanceDate").build(), format), "credential/issuanceDate");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Format.class)
    @DisplayName("credential MAY have property \"expirationDate\"")
    void credentialMayHavePropertyExpirationDate(Format format) {
        String inAYear = Instant.now()
                .plus(Duration.ofDays(365))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        HttpResponse<String> issued =
                issue(validCredential().add("expirationDate", inAYear).build(), format);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(issuedCredential(issued, format).getString("expirationDate")).isEqualTo(inAYear);
    }

    // ---- the verifier: POST /credentials/verify {"verifiableCredential", "options"} ----

    @Test
    @DisplayName("MUST verify a valid VC.")
    void mustVerifyAValidVc() {
        HttpResponse<String> answer = verify(validVc());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonObject result = StrictJson.parseObject(answer.body());
        assertThat(result.getBoolean("verified")).isTrue();
        assertThat(result.getJsonArray("checks").getValuesAs(JsonString::getString))
                .contains("proof");
        assertThat(result.getJsonArray("errors")).isEmpty();
        assertThat(result.getJsonArray("warnings")).isNotNull();
    }

    /**
     * One of the suite's statements that a broken VC must not verify: how a valid VC is broken (one or more ways, each
     * sent on its own), and the check its error is titled by. Shown by its statement, as each was its own test.
     */
    record Broken(String statement, String check, Function<JsonObject, List<JsonObject>> ways) {

        static Broken missing(String statement, String check, String member) {
            return new Broken(statement, check, vc -> List.of(without(vc, member)));
        }

        static Broken missingInProof(String statement, String member) {
            return new Broken(statement, "proof", vc -> List.of(withoutInProof(vc, member)));
        }

        static Broken as(String statement, String check, String member, JsonValue... values) {
            return new Broken(
                    statement,
                    check,
                    vc -> Stream.of(values)
                            .map(value -> with(vc, member, value))
                            .toList());
        }

        static Broken itemsAs(String statement, String member, JsonValue... items) {
            return new Broken(
                    statement,
                    "structure",
                    vc -> Stream.of(items)
                            .map(item -> with(
                                    vc,
                                    member,
                                    Json.createArrayBuilder().add(item).build()))
                            .toList());
        }

        @Override
        public String toString() {
            return statement;
        }
    }

    static Stream<Broken> brokenVcs() {
        JsonValue string = Json.createValue("string");
        JsonValue ten = Json.createValue(10);
        JsonValue array = JsonValue.EMPTY_JSON_ARRAY;
        JsonValue object = JsonValue.EMPTY_JSON_OBJECT;
        JsonValue nil = JsonValue.NULL;
        JsonValue yes = JsonValue.TRUE;
        return Stream.of(
                Broken.missing("MUST not verify if \"@context\" property is missing.", "structure", "@context"),
                Broken.missing("MUST not verify if \"type\" property is missing.", "structure", "type"),
                Broken.missing("MUST not verify if \"issuer\" property is missing.", "structure", "issuer"),
                Broken.missing(
                        "MUST not verify if \"credentialSubject\" property is missing.",
                        "structure",
                        "credentialSubject"),
                Broken.missing("MUST not verify if \"proof\" property is missing.", "proof", "proof"),
                Broken.missingInProof("MUST not verify if \"proof.type\" property is missing.", "type"),
                // Data Integrity makes created optional, but it was signed: without it the signature does not verify
                Broken.missingInProof("MUST not verify if \"proof.created\" property is missing.", "created"),
                Broken.missingInProof(
                        "MUST not verify if \"proof.verificationMethod\" property is missing.", "verificationMethod"),
                Broken.missingInProof("MUST not verify if \"proof.proofValue\" property is missing.", "proofValue"),
                Broken.missingInProof("MUST not verify if \"proof.proofPurpose\" property is missing.", "proofPurpose"),
                Broken.itemsAs(
                        "MUST not verify if \"@context\" items are not strings or objects.",
                        "@context",
                        array,
                        nil,
                        ten,
                        yes),
                // VC DM 2.0 §4.5 allows one type as a string, but VerifiableCredential must be among them: "string"
                // is not it
                Broken.as(
                        "MUST not verify if \"type\" is not an array.",
                        "structure",
                        "type",
                        string,
                        object,
                        nil,
                        ten,
                        yes),
                Broken.itemsAs(
                        "MUST not verify if \"type\" items are not strings.", "type", array, object, nil, ten, yes),
                Broken.as(
                        "MUST not verify if \"issuer\" is not an object or a string.",
                        "structure",
                        "issuer",
                        array,
                        nil,
                        ten,
                        yes),
                Broken.as(
                        "MUST not verify if \"credentialSubject\" is not an object.",
                        "structure",
                        "credentialSubject",
                        string,
                        nil,
                        ten,
                        yes,
                        array),
                Broken.as(
                        "MUST not verify if \"proof\" is not an object.",
                        "proof",
                        "proof",
                        string,
                        nil,
                        ten,
                        yes,
                        array));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenVcs")
    void mustNotVerifyABrokenVc(Broken broken) {
        for (JsonObject vc : broken.ways().apply(validVc())) {
            assertNotVerified(verify(vc), broken.check());
        }
    }

    @Test
    @DisplayName("MUST not verify if \"@context\" is not an array.")
    void mustNotVerifyIfContextIsNotAnArray() {
        JsonObject vc = validVc();
        // A lone URL is read as a set of one (JSON-LD's compact form); a credential signed with two contexts then
        // loses its terms and its proof fails (DATA_LOSS_DETECTION_ERROR), so it does not verify either.
        assertNotVerified(
                verify(with(vc, "@context", Json.createValue("https://www.w3.org/ns/credentials/v2"))), "proof");
        for (JsonValue notAnArray : List.of(
                Json.createValue("string"),
                JsonValue.EMPTY_JSON_OBJECT,
                JsonValue.NULL,
                Json.createValue(10),
                JsonValue.TRUE)) {
            assertNotVerified(verify(with(vc, "@context", notAnArray)), "structure", "contexts");
        }
    }

    @Test
    @DisplayName("MUST not verify a credential changed after it was signed")
    void mustNotVerifyATamperedCredential() {
        JsonObject vc = validVc();
        JsonObject forged = with(
                vc,
                "credentialSubject",
                Json.createObjectBuilder(vc.getJsonObject("credentialSubject"))
                        .add("alumniOf", "Forged U")
                        .build());
        HttpResponse<String> answer = verify(forged);
        JsonObject error = assertNotVerified(answer, "proof");
        assertThat(error.getString("type"))
                .isEqualTo("https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR");
    }

    // ---- the verifier: POST /presentations/verify {"verifiablePresentation", "options": {"challenge", "domain"}} --

    @Test
    @DisplayName("A presentation signed for the verifier's challenge and domain MUST verify, with its credentials")
    void aPresentationForTheChallengeAndDomainVerifies() {
        HttpResponse<String> answer =
                verifyPresentation(signedPresentation("challenge-1", "https://verifier.example"), "challenge-1");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonObject result = StrictJson.parseObject(answer.body());
        assertThat(result.getBoolean("verified")).isTrue();
        assertThat(result.getJsonArray("checks").getValuesAs(JsonString::getString))
                .contains("proof", "verifiableCredential");
        assertThat(result.getJsonArray("errors")).isEmpty();
    }

    @Test
    @DisplayName("MUST not verify a presentation whose proof's challenge is not options.challenge")
    void mustNotVerifyAPresentationForAnotherChallenge() {
        JsonObject error = assertNotVerified(
                verifyPresentation(signedPresentation("challenge-1", "https://verifier.example"), "challenge-2"),
                "proof");
        assertThat(error.getString("detail")).contains("challenge");
    }

    @Test
    @DisplayName("MUST not verify a presentation whose proof's domain is not options.domain")
    void mustNotVerifyAPresentationForAnotherDomain() {
        JsonObject error = assertNotVerified(
                verifyPresentation(signedPresentation("challenge-1", "https://elsewhere.example"), "challenge-1"),
                "proof");
        assertThat(error.getString("detail")).contains("domain");
    }

    // ---- helpers ----

    /** The suite's shape of a valid request's credential: VC DM 1.1, a fresh urn:uuid id, the issuer's own id. */
    private jakarta.json.JsonObjectBuilder validCredential() {
        return Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add("https://www.w3.org/2018/credentials/v1"))
                .add("id", "urn:uuid:" + UUID.randomUUID())
                .add("type", Json.createArrayBuilder().add("VerifiableCredential"))
                .add("issuer", did)
                .add(
                        "issuanceDate",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .add("credentialSubject", Json.createObjectBuilder().add("id", "did:example:learner"));
    }

    private HttpResponse<String> issue(JsonObject credential, Format format) {
        JsonObject body = Json.createObjectBuilder()
                .add("credential", credential)
                .add("options", format.options)
                .build();
        return issuer.post(issuePath(), StrictJson.write(body));
    }

    private String issuePath() {
        return "/orgs/" + issuer.slug() + "/credentials/issue";
    }

    /** The credential an issue answer carries: the object, or a VC-JWT's {@code vc} claim. */
    private static JsonObject issuedCredential(HttpResponse<String> issued, Format format) {
        JsonValue answer = StrictJson.parseObject(issued.body()).get("verifiableCredential");
        if (format == Format.JWT) {
            return decode(((JsonString) answer).getString().split("\\.")[1]).getJsonObject("vc");
        }
        return (JsonObject) answer;
    }

    /** A refusal as the suite asks (400 or 422, problem+json), naming the member at fault. */
    private static void assertRefusedNaming(HttpResponse<String> refused, String field) {
        assertThat(refused.statusCode()).as(refused.body()).isIn(400, 422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = StrictJson.parseObject(refused.body());
        assertThat(fields(problem)).as(refused.body()).anyMatch(f -> f.equals(field) || f.startsWith(field + "/"));
    }

    private static List<String> fields(JsonObject problem) {
        if (!(problem.get("errors") instanceof JsonArray errors)) {
            return List.of();
        }
        return errors.getValuesAs(JsonObject.class).stream()
                .map(e -> e.get("field") instanceof JsonString s ? s.getString() : "")
                .toList();
    }

    /** A VC 2.0 alumni credential (the verifier suite's kind) signed by this organization with eddsa-rdfc-2022. */
    private JsonObject validVc() {
        JsonObject credential = Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add("https://www.w3.org/ns/credentials/v2")
                                .add("https://www.w3.org/ns/credentials/examples/v2"))
                .add("id", "urn:uuid:" + UUID.randomUUID())
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("AlumniCredential"))
                .add("name", "Alumni Credential")
                .add("issuer", did)
                .add("validFrom", "2023-01-01T00:00:00Z")
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", "did:example:alumna")
                                .add("alumniOf", "The School of Examples"))
                .build();
        HttpResponse<String> issued = issue(credential, Format.DATA_INTEGRITY);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return StrictJson.parseObject(issued.body()).getJsonObject("verifiableCredential");
    }

    private HttpResponse<String> verify(JsonValue credential) {
        JsonObject body = Json.createObjectBuilder()
                .add("verifiableCredential", credential)
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("checks", Json.createArrayBuilder().add("proof")))
                .build();
        return issuer.post("/credentials/verify", StrictJson.write(body), null);
    }

    /**
     * Not verified as the suite asks (400 or 422). A 422 is the VC-API verification result: {@code verified: false}
     * and an error (a problem detail) titled by the check that failed, which is answered; a 400 is a problem naming
     * the request member that could not be read as a credential at all.
     */
    private static JsonObject assertNotVerified(HttpResponse<String> answer, String... checks) {
        assertThat(answer.statusCode()).as(answer.body()).isIn(400, 422);
        JsonObject body = StrictJson.parseObject(answer.body());
        if (answer.statusCode() == 400) {
            assertThat(fields(body)).as(answer.body()).contains("verifiableCredential");
            return body.getJsonArray("errors").getJsonObject(0);
        }
        assertThat(body.getBoolean("verified")).isFalse();
        List<JsonObject> errors = body.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertThat(errors)
                .as(answer.body())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getString("type")).isNotBlank());
        return errors.stream()
                .filter(e -> List.of(checks).contains(e.getString("title")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + List.of(checks) + " error in " + answer.body()));
    }

    private static JsonObject without(JsonObject object, String key) {
        return Json.createObjectBuilder(object).remove(key).build();
    }

    private static JsonObject with(JsonObject object, String key, JsonValue value) {
        return Json.createObjectBuilder(object).add(key, value).build();
    }

    private static JsonObject withoutInProof(JsonObject vc, String key) {
        return with(vc, "proof", without(vc.getJsonObject("proof"), key));
    }

    private static JsonObject decode(String base64url) {
        return StrictJson.parseObject(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8));
    }

    /** A holder's presentation of a valid VC, signed for {@code challenge} and {@code domain} (authentication). */
    private JsonObject signedPresentation(String challenge, String domain) {
        Ed25519KeyPair holder = Ed25519.generate();
        JsonObject presentation = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/credentials/v2"))
                .add("type", Json.createArrayBuilder().add("VerifiablePresentation"))
                .add("holder", DidKey.of(holder.publicKey()).value())
                .add("verifiableCredential", Json.createArrayBuilder().add(validVc()))
                .build();
        return EddsaRdfc2022.sign(
                presentation,
                holder,
                ProofOptions.authentication(
                        DidKey.verificationMethodId(holder.publicKey()),
                        Instant.now(),
                        challenge,
                        Optional.of(domain)));
    }

    /** {@code POST /presentations/verify} with the verifier's challenge and its domain, https://verifier.example. */
    private HttpResponse<String> verifyPresentation(JsonObject presentation, String challenge) {
        JsonObject body = Json.createObjectBuilder()
                .add("verifiablePresentation", presentation)
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("challenge", challenge)
                                .add("domain", "https://verifier.example"))
                .build();
        return issuer.post("/presentations/verify", StrictJson.write(body), null);
    }
}
