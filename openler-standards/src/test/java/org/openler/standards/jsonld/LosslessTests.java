package org.openler.standards.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openler.standards.Fixtures;
import org.openler.standards.StandardsException;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofExpectations;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.DidKey;
import org.openler.standards.did.DidResolvers;

/** The lossless rule, and the values written as jsonld.js writes them. */
class LosslessTests {

    private static JsonObjectBuilder vc() {
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder().add(BundledContexts.VC_V2).add(BundledContexts.OB_V3P0_3_0_3))
                .add("id", "urn:uuid:00000000-0000-4000-8000-000000000001")
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
                .add("issuer", Fixtures.ISSUER_DID.value())
                .add("validFrom", "2026-01-01T00:00:00Z");
    }

    @Test
    void anUndefinedTypeIsRefusedWithItsPathNotDroppedFromTheSignature() {
        JsonObject document = vc().add(
                        "type",
                        Json.createArrayBuilder()
                                .add("VerifiableCredential")
                                .add("OpenBadgeCredential")
                                .add("UndefinedType"))
                .build();
        assertThatThrownBy(() -> Canonicalizer.canonicalize(document))
                .isInstanceOfSatisfying(
                        StandardsException.class,
                        e -> assertThat(e.code()).isEqualTo(StandardsException.Code.DATA_LOSS))
                .hasMessageContaining("DATA_LOSS_DETECTION_ERROR at $.type")
                .hasMessageContaining("UndefinedType");
    }

    @Test
    void theSignerRefusesADocumentWithARelativeIdNamingItsPath() {
        JsonObject document = vc().add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", "relative/learner")
                                .add("type", Json.createArrayBuilder().add("AchievementSubject")))
                .build();
        assertThatThrownBy(() -> EddsaRdfc2022.sign(
                        document,
                        Fixtures.ISSUER_KEY,
                        ProofOptions.assertion(
                                DidKey.verificationMethodId(Fixtures.ISSUER_KEY.publicKey()), Instant.now())))
                .isInstanceOfSatisfying(
                        StandardsException.class,
                        e -> assertThat(e.code()).isEqualTo(StandardsException.Code.DATA_LOSS))
                .hasMessageContaining("$.credentialSubject.id");
    }

    @Test
    void anUndefinedTermNamesItsPath() {
        JsonObject document = vc().add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                                .add("notATerm", "x"))
                .build();
        assertThatThrownBy(() -> Canonicalizer.canonicalize(document))
                .hasMessageContaining("DATA_LOSS_DETECTION_ERROR at $.credentialSubject.notATerm");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
        "-89.65, -8.965000000000001E1",
        "0.1, 1.0E-1",
        "1.5, 1.5E0",
        "1e21, 1.0E21",
        "123.456, 1.23456E2",
        "5e-324, 4.940656458412465E-324",
        "1.7976931348623157e308, 1.797693134862316E308"
    })
    void doublesAreWrittenAsJavaScriptsToExponentialFifteen(String number, String written) {
        assertThat(Lossless.toExponential(new BigDecimal(number).doubleValue())).isEqualTo(written);
    }

    @Test
    void aGeoCoordinateCanonicalizesAsJsonldJsWritesIt() {
        JsonObject document = vc().add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                                .add(
                                        "source",
                                        Json.createObjectBuilder()
                                                .add("id", "https://example.org/org")
                                                .add("type", "Profile")
                                                .add(
                                                        "address",
                                                        Json.createObjectBuilder()
                                                                .add("type", "Address")
                                                                .add(
                                                                        "geo",
                                                                        Json.createObjectBuilder()
                                                                                .add("type", "GeoCoordinates")
                                                                                .add(
                                                                                        "latitude",
                                                                                        new BigDecimal("-89.65"))
                                                                                .add("longitude", 12)))))
                .build();
        assertThat(Canonicalizer.canonicalize(document))
                .contains("\"-8.965000000000001E1\"^^<http://www.w3.org/2001/XMLSchema#double>")
                .contains("\"12\"^^<http://www.w3.org/2001/XMLSchema#integer>");
    }

    @Test
    void aDirectionIsKeptAsAnI18nDatatype() {
        JsonObject document = vc().add(
                        "name",
                        Json.createObjectBuilder()
                                .add("@value", "شهادة")
                                .add("@language", "AR-EG")
                                .add("@direction", "rtl"))
                .build();
        assertThat(Canonicalizer.canonicalize(document)).contains("\"شهادة\"^^<https://www.w3.org/ns/i18n#ar-eg_rtl>");
    }

    @Test
    void aNumberADoubleCannotHoldIsRefused() {
        JsonObject document = vc().add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                                .add("creditsEarned", new BigDecimal("12345678901234567891")))
                .build();
        assertThatThrownBy(() -> Canonicalizer.canonicalize(document))
                .hasMessageContaining("$.credentialSubject.creditsEarned")
                .hasMessageContaining("more digits than a double holds");
    }

    @Test
    void theOpenBadges301ContextIsBundledAndACredentialUsingItSignsAndVerifies() {
        String ob301 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json";
        assertThat(BundledContexts.isAllowed(ob301)).isTrue();
        // OB 3.0.1 was written for VC 1.1: with the VC 2.0 context it redefines the protected term "description",
        // which jsonld.js refuses too.
        JsonObject document = Json.createObjectBuilder(Fixtures.unsignedBadge(Fixtures.ISSUER_DID, Optional.empty()))
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add(BundledContexts.VC_V1)
                                .add(ob301)
                                .add(BundledContexts.DATA_INTEGRITY_V2))
                .add("issuanceDate", "2026-01-01T00:00:00Z")
                .build();
        JsonObject signed = EddsaRdfc2022.sign(
                document,
                Fixtures.ISSUER_KEY,
                ProofOptions.assertion(DidKey.verificationMethodId(Fixtures.ISSUER_KEY.publicKey()), Instant.now()));
        assertThat(EddsaRdfc2022.verify(
                                signed,
                                DidResolvers.keyOnly(),
                                ProofExpectations.assertionBy(Fixtures.ISSUER_DID.value()))
                        .verificationMethod())
                .isEqualTo(DidKey.verificationMethodId(Fixtures.ISSUER_KEY.publicKey()));
    }

    @Test
    void theOpenBadges301ContextWithVc2SaysWhichRuleItBreaksNotThatLoadingFailed() {
        JsonObject document = vc().add(
                        "@context",
                        Json.createArrayBuilder()
                                .add(BundledContexts.VC_V2)
                                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json"))
                .build();
        assertThatThrownBy(() -> Canonicalizer.canonicalize(document))
                .hasMessageContaining("PROTECTED_TERM_REDEFINITION")
                .hasMessageContaining("cannot be used together");
    }
}
