package org.openler.standards.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openler.standards.Fixtures;
import org.openler.standards.StandardsException;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidDocument;
import org.openler.standards.did.DidResolvers;
import org.openler.standards.did.DidWeb;
import org.openler.standards.did.JsonWebKeyMethod;
import org.openler.standards.json.StrictJson;
import org.openler.standards.verify.Check;
import org.openler.standards.verify.CheckResult;
import org.openler.standards.verify.VerificationReport;
import org.openler.standards.verify.Verifier;

/** VC-JWT keys found in the issuer's did:web document as JsonWebKey methods, and only there. */
class DidJwtKeysTests {

    private static final Did ISSUER = DidWeb.forOrganization("demo.example", "demo-university");
    private static final Did OTHER = DidWeb.forOrganization("demo.example", "other-college");
    private static final Clock CLOCK = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);

    private final ECKey key = generate(ISSUER + "#jwk-1");

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private DidDocument document(Did did, ECKey published) {
        return DidWeb.document(did, List.of(Fixtures.ISSUER_KEY.publicKey()))
                .withJsonWebKeys(List.of(new JsonWebKeyMethod(did + "#jwk-1", did, published.toPublicJWK())));
    }

    private VerificationReport verify(String jwt, Map<Did, DidDocument> documents) {
        Verifier verifier = Verifier.builder().clock(CLOCK).build();
        return verifier.verifyJwt(jwt, DidJwtKeys.of(DidResolvers.keyAndDocuments(documents)));
    }

    private String signedByIssuer(ECKey signingKey) {
        return VcJwt.sign(Fixtures.unsignedBadge(ISSUER, Optional.empty()), signingKey);
    }

    @Test
    void aVcJwtWhoseKidNamesAJsonWebKeyOfTheIssuerVerifies() {
        VerificationReport report = verify(signedByIssuer(key), Map.of(ISSUER, document(ISSUER, key)));

        assertThat(report.failures()).isEmpty();
        assertThat(report.result(Check.PROOF).orElseThrow()).isInstanceOf(CheckResult.Passed.class);
    }

    @Test
    void theDidDocumentPublishesTheJsonWebKeyForAssertionsAndReadsBack() {
        JsonObject json = document(ISSUER, key).toJson();

        assertThat(StrictJson.write(json))
                .contains("\"type\":\"JsonWebKey\"", "\"publicKeyJwk\":{", DidDocument.JWK_CONTEXT)
                .doesNotContain("\"d\":");
        DidDocument read = DidDocument.parse(json, ISSUER);
        assertThat(read.jsonWebKey(ISSUER + "#jwk-1").orElseThrow().publicKey().toJSONObject())
                .containsEntry("x", key.getX().toString())
                .containsEntry("y", key.getY().toString());
        assertThat(read.authorises(ISSUER + "#jwk-1", "assertionMethod")).isTrue();
        assertThat(read.verificationMethods()).hasSize(1);
    }

    @Test
    void aKidUnderAnotherDidIsRefusedEvenIfThatDocumentHasTheKey() {
        ECKey otherKey = generate(OTHER + "#jwk-1");
        VerificationReport report = verify(
                signedByIssuer(otherKey), Map.of(ISSUER, document(ISSUER, key), OTHER, document(OTHER, otherKey)));

        assertThat(report.verified()).isFalse();
        assertThat(report.firstFailure().orElseThrow().message()).contains("does not belong to its issuer");
    }

    @Test
    void aKeyTheIssuerDoesNotPublishIsRefused() {
        ECKey stranger = generate(ISSUER + "#jwk-2");
        VerificationReport report = verify(signedByIssuer(stranger), Map.of(ISSUER, document(ISSUER, key)));

        assertThat(report.verified()).isFalse();
        assertThat(report.firstFailure().orElseThrow().message()).contains("has no JsonWebKey");
    }

    @Test
    void aJsonWebKeyOnlyAuthorisedForAuthenticationCannotIssue() {
        DidDocument authenticationOnly = new DidDocument(
                ISSUER,
                List.of(),
                List.of(),
                List.of(ISSUER + "#jwk-1"),
                List.of(new JsonWebKeyMethod(ISSUER + "#jwk-1", ISSUER, key.toPublicJWK())));
        VerificationReport report = verify(signedByIssuer(key), Map.of(ISSUER, authenticationOnly));

        assertThat(report.verified()).isFalse();
        assertThat(report.firstFailure().orElseThrow().message()).contains("does not authorise");
    }

    @Test
    void aPrivateJwkIsNeverPublished() {
        assertThatThrownBy(() -> new JsonWebKeyMethod(ISSUER + "#jwk-1", ISSUER, key))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("private");
    }
}
