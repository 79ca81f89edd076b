package org.openler.standards.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openler.standards.Fixtures.ISSUER_DID;
import static org.openler.standards.Fixtures.ISSUER_KEY;
import static org.openler.standards.Fixtures.NOW;
import static org.openler.standards.Fixtures.OTHER_KEY;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openler.standards.Fixtures;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.dataintegrity.Proofs;
import org.openler.standards.did.DidKey;
import org.openler.standards.jsonld.BundledContexts;

/**
 * A general VC Data Model 2.0 verifier: any credential type, the Open Badges 3.0 / CLR 2.0 rules only when the type
 * names them or the caller asks, optional {@code validFrom}, inline contexts that import and protect nothing, the W3C
 * examples context, eddsa-jcs-2022 proofs and proof sets. Tests are named after the rule they hold to.
 */
class GeneralVerifierTests {

    private final Verifier verifier =
            Verifier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    /** An AlumniCredential, as the W3C examples write one, issued by ISSUER_DID, without validFrom. */
    private static JsonObjectBuilder alumni() {
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder().add(BundledContexts.VC_V2).add(BundledContexts.EXAMPLES_V2))
                .add("id", "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33")
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("AlumniCredential"))
                .add("name", "Alumni Credential")
                .add("issuer", ISSUER_DID.value())
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", "did:example:abcdefgh")
                                .add("alumniOf", "The School of Examples"));
    }

    private static JsonObject signed(JsonObject unsigned) {
        return Fixtures.sign(unsigned, ISSUER_KEY, DidKey.verificationMethodId(ISSUER_KEY.publicKey()));
    }

    @Test
    void aCredentialOfAnyTypeVerifiesUnderTheDataModelAlone() {
        VerificationReport report = verifier.verifyCredential(signed(alumni().build()));
        assertThat(report.failures()).isEmpty();
        assertThat(report.result(Check.STRUCTURE).orElseThrow().message())
                .isEqualTo("The credential follows the data model's rules");
    }

    @Test
    void validFromIsOptionalInVcDataModel20() {
        JsonObject credential = alumni().build();
        assertThat(credential).doesNotContainKey("validFrom");
        assertThat(verifier.verifyCredential(signed(credential)).verified()).isTrue();
    }

    @Test
    void theOpenBadgesProfileAppliesWhenTheCallerAsksForIt() {
        VerificationReport report = verifier.verifyCredential(signed(alumni().build()), Profile.OPEN_BADGES);
        assertThat(report.verified()).isFalse();
        assertThat(report.failures())
                .extracting(CheckResult::message)
                .anyMatch(m -> m.contains("must include OpenBadgeCredential"));
    }

    @Test
    void typeMustIncludeVerifiableCredential() {
        JsonObject credential = alumni().add("type", Json.createArrayBuilder().add("AlumniCredential"))
                .build();
        VerificationReport report = verifier.verifyCredential(signed(credential));
        assertThat(report.failures())
                .anyMatch(f -> f.check() == Check.STRUCTURE && f.message().contains("VerifiableCredential"));
    }

    @Test
    void credentialSubjectMustBeAnObject() {
        JsonObject credential =
                alumni().add("credentialSubject", "did:example:abcdefgh").build();
        VerificationReport report = verifier.verifyCredential(credential);
        assertThat(report.failures())
                .anyMatch(f -> f.check() == Check.STRUCTURE && f.message().contains("credentialSubject"));
    }

    @Test
    void theFirstContextMustBeTheVcContext() {
        JsonObject credential = alumni().add(
                        "@context",
                        Json.createArrayBuilder()
                                .add(BundledContexts.EXAMPLES_V2)
                                .add(BundledContexts.VC_V2))
                .build();
        assertThat(verifier.verifyCredential(credential).failures())
                .anyMatch(f -> f.check() == Check.STRUCTURE && f.message().contains("first @context"));
    }

    @Test
    void anInlineContextThatImportsAndProtectsNothingIsAccepted() {
        JsonObject credential = alumni().add(
                        "@context",
                        Json.createArrayBuilder()
                                .add(BundledContexts.VC_V2)
                                .add(Json.createObjectBuilder()
                                        .add("alumniOf", "https://example.org/vocab#alumniOf")
                                        .add("AlumniCredential", "https://example.org/vocab#AlumniCredential")))
                .build();
        VerificationReport report = verifier.verifyCredential(signed(credential));
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void anInlineContextThatImportsAnotherIsRefused() {
        JsonObject credential = alumni().add(
                        "@context",
                        Json.createArrayBuilder()
                                .add(BundledContexts.VC_V2)
                                .add(BundledContexts.EXAMPLES_V2)
                                .add(Json.createObjectBuilder().add("@import", "https://attacker.example/c.json")))
                .build();
        CheckResult.Failed failure = verifier.verifyCredential(credential).failures().stream()
                .filter(f -> f.check() == Check.CONTEXTS)
                .findFirst()
                .orElseThrow();
        assertThat(failure.message()).contains("@import").contains("imports another context");
    }

    @Test
    void anInlineContextThatProtectsTermsIsRefused() {
        JsonObject credential = alumni().add(
                        "@context",
                        Json.createArrayBuilder()
                                .add(BundledContexts.VC_V2)
                                .add(Json.createObjectBuilder()
                                        .add("@protected", true)
                                        .add("@vocab", "https://example.org/vocab#")))
                .build();
        assertThat(verifier.verifyCredential(credential).failures())
                .anyMatch(f -> f.check() == Check.CONTEXTS && f.message().contains("protects terms"));
    }

    @Test
    void anInlineContextNamingARemoteContextInsideIsRefused() {
        JsonObject credential = alumni().add(
                        "@context",
                        Json.createArrayBuilder()
                                .add(BundledContexts.VC_V2)
                                .add(Json.createObjectBuilder()
                                        .add(
                                                "AlumniCredential",
                                                Json.createObjectBuilder()
                                                        .add("@id", "https://example.org/vocab#AlumniCredential")
                                                        .add("@context", "https://attacker.example/c.json"))))
                .build();
        assertThat(verifier.verifyCredential(credential).failures())
                .anyMatch(f -> f.check() == Check.CONTEXTS && f.message().contains("names a context by URL"));
    }

    @Test
    void anEddsaJcs2022CredentialOfItsIssuerVerifies() {
        JsonObject signed = Proofs.signJcs(
                alumni().build(),
                ISSUER_KEY,
                ProofOptions.assertion(DidKey.verificationMethodId(ISSUER_KEY.publicKey()), NOW));
        VerificationReport report = verifier.verifyCredential(signed);
        assertThat(report.failures()).isEmpty();
        assertThat(report.result(Check.PROOF).orElseThrow().message()).isEqualTo("The eddsa-jcs-2022 proof verifies");
    }

    @Test
    void anEddsaJcs2022CredentialIsRefusedWhenExpansionWouldDropWhatItSays() {
        // JCS signs the JSON text, so the signature covers the relative id; but the credential's meaning (its RDF)
        // would not hold it, and every other verifier that reads it as JSON-LD loses it: refused as for RDFC
        JsonObject relative = alumni().add(
                        "credentialSubject",
                        Json.createObjectBuilder().add("id", "not/an/iri").add("alumniOf", "The School of Examples"))
                .build();
        JsonObject signed = Proofs.signJcs(
                relative, ISSUER_KEY, ProofOptions.assertion(DidKey.verificationMethodId(ISSUER_KEY.publicKey()), NOW));
        VerificationReport report = verifier.verifyCredential(signed);
        assertThat(report.failures()).anyMatch(f -> f.message().contains("DATA_LOSS_DETECTION_ERROR"));
    }

    @Test
    void aProofSetWithTheIssuersProofAndAnotherPartysVerifies() {
        JsonObject unsigned = alumni().build();
        JsonObject issuers = signed(unsigned);
        JsonObject others = Proofs.signJcs(
                unsigned, OTHER_KEY, ProofOptions.assertion(DidKey.verificationMethodId(OTHER_KEY.publicKey()), NOW));
        JsonObject set = Json.createObjectBuilder(unsigned)
                .add(
                        "proof",
                        Json.createArrayBuilder().add(issuers.get("proof")).add(others.get("proof")))
                .build();
        VerificationReport report = verifier.verifyCredential(set);
        assertThat(report.failures()).isEmpty();
        assertThat(report.result(Check.PROOF).orElseThrow().message())
                .isEqualTo("All 2 proofs of the proof set verify (eddsa-rdfc-2022, eddsa-jcs-2022)");
    }

    @Test
    void aProofSetWithNoProofByTheIssuerIsRefused() {
        // The W3C vectors name an https issuer their did:key signers are not bound to.
        JsonObject vector =
                Fixtures.json("/org/openler/standards/w3c/vc-di-eddsa/proof-set-chain/signedProofSet2.json");
        VerificationReport report = verifier.verifyCredential(vector);
        assertThat(report.failures())
                .anyMatch(f ->
                        f.check() == Check.PROOF && f.message().contains("not to https://vc.example/issuers/5678"));
    }

    /** VC DM 2.0 MUSTs on a credential's shape, each broken once: the structure check names it by path. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "idMustBeASingleUrl | id | 42 | /id",
                "issuerMustBeAUrl | issuer | \"not a url\" | /issuer",
                "issuerObjectMustHaveAnIdThatIsAUrl | issuer | {\"name\": \"X\"} | /issuer/id",
                "credentialSubjectMustBeNonEmpty | credentialSubject | {} | /credentialSubject",
                "validFromMustBeADateTimeStamp | validFrom | \"2024-01-01\" | /validFrom",
                "validUntilMustBeADateTimeStamp | validUntil | \"tomorrow\" | /validUntil",
                "credentialStatusMustHaveAType | credentialStatus | {\"id\": \"https://x.example/1\"} | /credentialStatus",
                "credentialSchemaMustHaveAnIdAndAType | credentialSchema | {\"id\": \"https://x.example/s\"} | /credentialSchema/0/type",
                "typeValuesMustBeStrings | type | [\"VerifiableCredential\", 7] | /type"
            })
    void aBrokenDataModelRuleIsAStructureFailureNamingItsPath(String rule, String property, String json, String path) {
        JsonObject credential = alumni().add(
                        property,
                        jakarta.json.Json.createReader(new java.io.StringReader(json))
                                .readValue())
                .build();
        assertThat(verifier.verifyCredential(credential).failures())
                .as(rule)
                .anyMatch(f -> f.check() == Check.STRUCTURE && f.message().startsWith(path + ":"));
    }

    @Test
    void validUntilBeforeValidFromIsARangeError() {
        JsonObject credential = alumni().add("validFrom", "2025-01-01T00:00:00Z")
                .add("validUntil", "2024-01-01T00:00:00Z")
                .build();
        assertThat(verifier.verifyCredential(credential).failures())
                .anyMatch(f -> f.check() == Check.STRUCTURE && f.problemType() == ProblemType.RANGE_ERROR);
    }

    @Test
    void eachContextItemAfterTheFirstIsAUrlOrAnObject() {
        JsonObject credential = alumni().add(
                        "@context",
                        Json.createArrayBuilder().add(BundledContexts.VC_V2).add(7))
                .build();
        assertThat(verifier.verifyCredential(credential).failures())
                .anyMatch(f -> f.check() == Check.STRUCTURE && f.message().startsWith("/@context/1:"));
    }

    @Test
    void everyBundledContextMatchesItsPinnedDigest() {
        assertThat(BundledContexts.ALLOW_LIST)
                .allSatisfy(entry -> assertThat(BundledContexts.isAllowed(entry.url()))
                        .as(entry.url())
                        .isTrue());
    }

    @Test
    void theW3cExamplesContextIsBundledAndPinned() {
        assertThat(BundledContexts.isAllowed(BundledContexts.EXAMPLES_V2)).isTrue();
        assertThat(BundledContexts.entry(BundledContexts.EXAMPLES_V2)
                        .orElseThrow()
                        .sha256())
                .isEqualTo("57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c");
    }
}
