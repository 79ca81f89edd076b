package org.openler.standards.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openler.standards.Fixtures.ISSUER_DID;
import static org.openler.standards.Fixtures.ISSUER_KEY;
import static org.openler.standards.Fixtures.NOW;
import static org.openler.standards.Fixtures.OTHER_KEY;

import com.nimbusds.jose.util.Base64URL;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openler.standards.Fixtures;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidDocument;
import org.openler.standards.did.DidKey;
import org.openler.standards.did.DidResolvers;
import org.openler.standards.did.DidWeb;
import org.openler.standards.did.VerificationMethod;
import org.openler.standards.json.StrictJson;

/** Each test is named after the attack it stops. */
class AttackTests {

    private final Verifier verifier =
            Verifier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    @Test
    void unknownRemoteContextIsRefusedAndNeverFetched() {
        JsonObject signed = Fixtures.signedBadge();
        JsonObject attacked = Json.createObjectBuilder(signed)
                .add(
                        "@context",
                        Json.createArrayBuilder(signed.getJsonArray("@context"))
                                .add("https://attacker.example/ctx.jsonld"))
                .build();
        CheckResult.Failed failure = firstFailure(attacked);
        assertThat(failure.check()).isEqualTo(Check.CONTEXTS);
        assertThat(failure.message())
                .contains("https://attacker.example/ctx.jsonld")
                .contains("nothing is fetched");
        assertThat(failure.problemType()).isEqualTo(ProblemType.MALFORMED_VALUE_ERROR);
    }

    @Test
    void inlineContextRedefiningTermsIsRefused() {
        JsonObject signed = Fixtures.signedBadge();
        JsonObject attacked = Json.createObjectBuilder(signed)
                .add(
                        "@context",
                        Json.createArrayBuilder(signed.getJsonArray("@context"))
                                .add(Json.createObjectBuilder().add("name", "https://attacker.example/name")))
                .build();
        // An inline context is accepted only as far as it cannot change what the bundled, protected terms mean.
        assertThat(firstFailure(attacked).message()).contains("PROTECTED_TERM_REDEFINITION");
    }

    @Test
    void algNoneJwtIsRefused() {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        String payload = Base64URL.encode(StrictJson.write(Json.createObjectBuilder()
                        .add("iss", ISSUER_DID.value())
                        .add("vc", Fixtures.unsignedBadge(ISSUER_DID, Optional.empty()))
                        .build()))
                .toString();
        VerificationReport report = verifier.verifyJwt(header + "." + payload + ".", (i, k) -> {
            throw new AssertionError("no key lookup for an unsecured JWT");
        });
        assertThat(report.verified()).isFalse();
        assertThat(report.firstFailure().orElseThrow().message()).contains("alg: none");
    }

    @Test
    void hmacJwtIsRefusedAsNotOnTheAllowList() {
        String header = Base64URL.encode("{\"alg\":\"HS256\"}").toString();
        VerificationReport report = verifier.verifyJwt(header + ".e30.AAAA", (i, k) -> {
            throw new AssertionError("no key lookup");
        });
        assertThat(report.firstFailure().orElseThrow().message()).contains("'HS256' is not on the allow-list");
    }

    @Test
    void wrongProofPurposeIsRejected() {
        JsonObject signed = EddsaRdfc2022.sign(
                Fixtures.unsignedBadge(ISSUER_DID, Optional.empty()),
                ISSUER_KEY,
                ProofOptions.authentication(
                        DidKey.verificationMethodId(ISSUER_KEY.publicKey()), NOW, "c", Optional.empty()));
        CheckResult.Failed failure = firstFailure(signed);
        assertThat(failure.check()).isEqualTo(Check.PROOF);
        assertThat(failure.message()).contains("Proof purpose is 'authentication' but 'assertionMethod' is required");
    }

    @Test
    void unknownCryptosuiteIsRejectedByName() {
        JsonObject signed = Fixtures.signedBadge();
        JsonObject attacked = Json.createObjectBuilder(signed)
                .add(
                        "proof",
                        Json.createObjectBuilder(signed.getJsonObject("proof")).add("cryptosuite", "eddsa-2099"))
                .build();
        assertThat(firstFailure(attacked).message()).contains("Cryptosuite 'eddsa-2099' is not on the allow-list");
    }

    @Test
    void verificationMethodFromAnotherControllerIsRejected() {
        // Claims ISSUER_DID as issuer, signs with a did:key the attacker controls.
        JsonObject signed = Fixtures.sign(
                Fixtures.unsignedBadge(ISSUER_DID, Optional.empty()),
                OTHER_KEY,
                DidKey.verificationMethodId(OTHER_KEY.publicKey()));
        CheckResult.Failed failure = firstFailure(signed);
        assertThat(failure.check()).isEqualTo(Check.PROOF);
        assertThat(failure.message())
                .contains("belongs to " + DidKey.of(OTHER_KEY.publicKey()))
                .contains("not to " + ISSUER_DID);
    }

    @Test
    void didWebDocumentListingAKeyControlledElsewhereIsRejected() {
        Did did = DidWeb.forOrganization("demo.example", "victim");
        Ed25519KeyPair attacker = OTHER_KEY;
        Did attackerDid = DidKey.of(attacker.publicKey());
        // The document lists the attacker's key under the victim's id, but says the attacker controls it.
        DidDocument document = new DidDocument(
                did,
                List.of(new VerificationMethod(did + "#key-1", attackerDid, attacker.publicKey())),
                List.of(did + "#key-1"),
                List.of());
        Verifier v = Verifier.builder()
                .didResolver(DidResolvers.keyAndDocuments(Map.of(did, document)))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        JsonObject signed = Fixtures.sign(Fixtures.unsignedBadge(did, Optional.empty()), attacker, did + "#key-1");
        VerificationReport report = v.verifyCredential(RoundTripTests.bytes(signed));
        assertThat(report.firstFailure().orElseThrow().message()).contains("controlled by another DID");
    }

    @Test
    void keyNotAuthorisedForAssertionIsRejected() {
        Did did = DidWeb.forOrganization("demo.example", "org");
        DidDocument authOnly = new DidDocument(
                did,
                List.of(new VerificationMethod(did + "#key-1", did, ISSUER_KEY.publicKey())),
                List.of(),
                List.of(did + "#key-1"));
        Verifier v = Verifier.builder()
                .didResolver(DidResolvers.keyAndDocuments(Map.of(did, authOnly)))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        JsonObject signed = Fixtures.sign(Fixtures.unsignedBadge(did, Optional.empty()), ISSUER_KEY, did + "#key-1");
        assertThat(v.verifyCredential(RoundTripTests.bytes(signed))
                        .firstFailure()
                        .orElseThrow()
                        .message())
                .contains("does not authorise");
    }

    @Test
    void duplicateJsonKeysAreRejectedBeforeAnythingElse() {
        String json = StrictJson.write(Fixtures.signedBadge());
        String duplicated = json.replaceFirst("\"name\":", "\"name\":\"Forged\",\"name\":");
        VerificationReport report = verifier.verifyCredential(duplicated.getBytes(StandardCharsets.UTF_8));
        CheckResult.Failed failure = report.firstFailure().orElseThrow();
        assertThat(failure.check()).isEqualTo(Check.PARSING);
        assertThat(failure.problemType()).isEqualTo(ProblemType.PARSING_ERROR);
        assertThat(failure.message()).contains("Duplicate JSON key \"name\"");
    }

    @Test
    void nestingDepthOfTenThousandIsRejectedQuickly() {
        String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        long start = System.nanoTime();
        VerificationReport report = verifier.verifyCredential(deep.getBytes(StandardCharsets.UTF_8));
        assertThat(report.firstFailure().orElseThrow().message()).contains("nesting exceeds 64 levels");
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        String deepArrays = "[".repeat(10_000) + "]".repeat(10_000);
        assertThat(verifier.verifyPresentation(
                                deepArrays.getBytes(StandardCharsets.UTF_8), PresentationExpectations.NONE)
                        .firstFailure()
                        .orElseThrow()
                        .check())
                .isEqualTo(Check.PARSING);
    }

    @Test
    void bodyOverOneMegabyteIsRejectedUnparsed() {
        String padding = "x".repeat(1024 * 1024);
        byte[] big = ("{\"padding\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8);
        CheckResult.Failed failure =
                verifier.verifyCredential(big).firstFailure().orElseThrow();
        assertThat(failure.check()).isEqualTo(Check.PARSING);
        assertThat(failure.message()).contains("at most 1048576 are accepted");
    }

    @Test
    void malformedJsonIsAParsingError() {
        CheckResult.Failed failure = verifier.verifyCredential("{\"a\":".getBytes(StandardCharsets.UTF_8))
                .firstFailure()
                .orElseThrow();
        assertThat(failure.problemType()).isEqualTo(ProblemType.PARSING_ERROR);
    }

    @Test
    void validSignatureOnMalformedCredentialIsStillRejected() {
        // Signed correctly, but without validFrom and with a subject lacking an achievement.
        JsonObject unsigned = Fixtures.unsignedBadge(ISSUER_DID, Optional.empty());
        JsonObject malformed = Json.createObjectBuilder(unsigned)
                .remove("validFrom")
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder(unsigned.getJsonObject("credentialSubject"))
                                .remove("achievement"))
                .build();
        JsonObject signed = Fixtures.sign(malformed, ISSUER_KEY, DidKey.verificationMethodId(ISSUER_KEY.publicKey()));
        VerificationReport report = verifier.verifyCredential(RoundTripTests.bytes(signed));
        assertThat(report.result(Check.PROOF).orElseThrow()).isInstanceOf(CheckResult.Passed.class);
        assertThat(report.verified()).isFalse();
        assertThat(report.failures())
                .extracting(CheckResult::message)
                .anyMatch(m -> m.contains("validFrom is required"))
                .anyMatch(m -> m.contains("needs an achievement"));
    }

    @Test
    void expiredCredentialIsARangeError() {
        JsonObject signed = Fixtures.signedBadge();
        Verifier later = Verifier.builder()
                .clock(Clock.fixed(NOW.plusSeconds(2L * 365 * 24 * 3600), ZoneOffset.UTC))
                .build();
        CheckResult.Failed failure = later.verifyCredential(RoundTripTests.bytes(signed))
                .firstFailure()
                .orElseThrow();
        assertThat(failure.check()).isEqualTo(Check.VALIDITY_PERIOD);
        assertThat(failure.problemType()).isEqualTo(ProblemType.RANGE_ERROR);
    }

    @Test
    void proofStrippedCredentialIsRejected() {
        JsonObject stripped =
                Json.createObjectBuilder(Fixtures.signedBadge()).remove("proof").build();
        assertThat(firstFailure(stripped).message()).isEqualTo("The document has no proof");
    }

    private CheckResult.Failed firstFailure(JsonObject credential) {
        VerificationReport report = verifier.verifyCredential(RoundTripTests.bytes(credential));
        assertThat(report.verified()).isFalse();
        return report.firstFailure().orElseThrow();
    }
}
