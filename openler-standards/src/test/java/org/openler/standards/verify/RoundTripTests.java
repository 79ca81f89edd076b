package org.openler.standards.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openler.standards.Fixtures.HOLDER_DID;
import static org.openler.standards.Fixtures.HOLDER_KEY;
import static org.openler.standards.Fixtures.ISSUER_DID;
import static org.openler.standards.Fixtures.ISSUER_KEY;
import static org.openler.standards.Fixtures.NOW;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openler.standards.Fixtures;
import org.openler.standards.StandardsException;
import org.openler.standards.credentials.Achievement;
import org.openler.standards.credentials.Credentials;
import org.openler.standards.credentials.IdentityObject;
import org.openler.standards.credentials.IssuerProfile;
import org.openler.standards.credentials.Recipient;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidDocument;
import org.openler.standards.did.DidKey;
import org.openler.standards.did.DidResolvers;
import org.openler.standards.did.DidWeb;
import org.openler.standards.did.DidWebResolver;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jwt.VcJwt;
import org.openler.standards.status.BitstringStatusList;
import org.openler.standards.status.StatusEntry;
import org.openler.standards.status.StatusListCredentials;
import org.openler.standards.status.StatusPurpose;

class RoundTripTests {

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Verifier verifier = Verifier.builder().clock(CLOCK).build();

    @Test
    void didKeyCredentialSignedHereVerifiesHere() {
        JsonObject credential = Fixtures.signedBadge();
        VerificationReport report = verifier.verifyCredential(bytes(credential));
        assertThat(report.failures()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.results())
                .extracting(CheckResult::check)
                .contains(
                        Check.STRUCTURE,
                        Check.CONTEXTS,
                        Check.PROOF,
                        Check.ISSUER,
                        Check.STATUS,
                        Check.VALIDITY_PERIOD);
    }

    @Test
    void alignmentsToFrameworkEntriesAndRegistryEntriesCarryTheirTypeFrameworkAndCode() {
        Achievement aligned = new Achievement(
                URI.create("https://demo.example/achievements/1"),
                "Data Analysis",
                "Analyses data.",
                "Passed the project.",
                Optional.empty(),
                Optional.empty(),
                List.of(
                        new Achievement.Alignment(
                                URI.create("http://data.europa.eu/esco/skill/analyse-data"),
                                "analyse data",
                                Optional.of("ceasn:Competency"),
                                Optional.of("ESCO 1.1.1"),
                                Optional.of("S2.7.1")),
                        new Achievement.Alignment(
                                URI.create(
                                        "https://demo.example/registry/resources/ce-0b8f3f0e-6c1c-4d1e-9d2c-7d7b1c1c1c1c"),
                                "Certificate in Data Analysis",
                                Optional.of("ceterms:Credential"),
                                Optional.empty(),
                                Optional.empty())));
        JsonObject unsigned = Credentials.openBadge()
                .id(URI.create("urn:uuid:0b8f3f0e-6c1c-4d1e-9d2c-7d7b1c1c1c1d"))
                .issuer(new IssuerProfile(ISSUER_DID, "Demo University", Optional.empty()))
                .recipient(Recipient.email("learner@example.org"))
                .achievement(aligned)
                .validFrom(NOW)
                .build();
        String json = StrictJson.write(unsigned);
        assertThat(json)
                .contains("\"targetType\":\"ceasn:Competency\"", "\"targetFramework\":\"ESCO 1.1.1\"")
                .contains("\"targetCode\":\"S2.7.1\"", "\"targetType\":\"ceterms:Credential\"");
        JsonObject signed = Fixtures.sign(unsigned, ISSUER_KEY, DidKey.verificationMethodId(ISSUER_KEY.publicKey()));
        assertThat(verifier.verifyCredential(bytes(signed)).failures()).isEmpty();
    }

    @Test
    void credentialForAnEmailRecipientCarriesOnlyASaltedHash() {
        JsonObject unsigned = Credentials.openBadge()
                .id(URI.create("urn:uuid:0b8f3f0e-6c1c-4d1e-9d2c-7d7b1c1c1c1c"))
                .issuer(new IssuerProfile(ISSUER_DID, "Demo University", Optional.empty()))
                .recipient(Recipient.email("Learner@Example.org"))
                .achievement(Fixtures.achievement())
                .validFrom(NOW)
                .build();
        assertThat(StrictJson.write(unsigned)).doesNotContainIgnoringCase("learner@example.org");
        JsonObject identity = unsigned.getJsonObject("credentialSubject")
                .getJsonArray("identifier")
                .getJsonObject(0);
        assertThat(identity.getBoolean("hashed")).isTrue();
        assertThat(identity.getString("identityHash")).startsWith("sha256$");
        IdentityObject object = new IdentityObject(
                identity.getString("identityType"), identity.getString("identityHash"), identity.getString("salt"));
        assertThat(object.matches("learner@example.org")).isTrue();
        assertThat(object.matches("someone@example.org")).isFalse();
        JsonObject signed = Fixtures.sign(unsigned, ISSUER_KEY, DidKey.verificationMethodId(ISSUER_KEY.publicKey()));
        assertThat(verifier.verifyCredential(bytes(signed)).failures()).isEmpty();
    }

    @Test
    void didWebCredentialVerifiesThroughAnAllowListedResolverAndRotatedKeysKeepVerifying() throws Exception {
        Did did = DidWeb.forOrganization("demo.example", "demo-university");
        Ed25519KeyPair oldKey = Ed25519.fromSeed(Fixtures.seed(10));
        Ed25519KeyPair newKey = Ed25519.fromSeed(Fixtures.seed(11));
        DidDocument document = DidWeb.document(did, List.of(oldKey.publicKey(), newKey.publicKey()));
        assertThat(DidWeb.documentUrl(did)).isEqualTo(URI.create("https://demo.example/orgs/demo-university/did.json"));

        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = StrictJson.write(document.toJson()).getBytes(StandardCharsets.UTF_8);
        server.createContext("/orgs/demo-university/did.json", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/did+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            DidWebResolver web = DidWebResolver.builder()
                    .allowedHosts(Set.of("demo.example"))
                    .locator(d -> URI.create(
                            "http://127.0.0.1:" + port + DidWeb.documentUrl(d).getPath()))
                    .build();
            Verifier didWebVerifier = Verifier.builder()
                    .didResolver(DidResolvers.keyAndWeb(web))
                    .clock(CLOCK)
                    .build();
            JsonObject byOld = Fixtures.sign(Fixtures.unsignedBadge(did, Optional.empty()), oldKey, did + "#key-1");
            JsonObject byNew = Fixtures.sign(Fixtures.unsignedBadge(did, Optional.empty()), newKey, did + "#key-2");
            assertThat(didWebVerifier.verifyCredential(bytes(byOld)).failures()).isEmpty();
            assertThat(didWebVerifier.verifyCredential(bytes(byNew)).failures()).isEmpty();
            assertThat(fetches).hasValue(1); // cached

            JsonObject wrongFragment =
                    Fixtures.sign(Fixtures.unsignedBadge(did, Optional.empty()), newKey, did + "#key-1");
            assertThat(didWebVerifier.verifyCredential(bytes(wrongFragment)).verified())
                    .isFalse();

            Did elsewhere = DidWeb.forOrganization("elsewhere.example", "someone");
            JsonObject notAllowed =
                    Fixtures.sign(Fixtures.unsignedBadge(elsewhere, Optional.empty()), newKey, elsewhere + "#key-1");
            assertThat(didWebVerifier
                            .verifyCredential(bytes(notAllowed))
                            .firstFailure()
                            .orElseThrow()
                            .message())
                    .contains("not on the resolver's allow-list");
        } finally {
            server.stop(0);
        }
        assertThat(DidDocument.parse(document.toJson(), did)).isEqualTo(document);
    }

    @Test
    void presentationWithChallengeAndDomainVerifies() {
        JsonObject vp = Credentials.presentation(Optional.of(HOLDER_DID.value()), List.of(Fixtures.signedBadge()));
        JsonObject signed = EddsaRdfc2022.sign(
                vp,
                HOLDER_KEY,
                ProofOptions.authentication(
                        DidKey.verificationMethodId(HOLDER_KEY.publicKey()),
                        NOW,
                        "nonce-123",
                        Optional.of("verifier.example")));
        VerificationReport ok = verifier.verifyPresentation(
                bytes(signed), PresentationExpectations.challenge("nonce-123", Optional.of("verifier.example")));
        assertThat(ok.failures()).isEmpty();
        assertThat(ok.embedded()).hasSize(1);

        VerificationReport replayed = verifier.verifyPresentation(
                bytes(signed), PresentationExpectations.challenge("another-nonce", Optional.of("verifier.example")));
        assertThat(replayed.firstFailure().orElseThrow().message()).contains("challenge");
        VerificationReport otherDomain = verifier.verifyPresentation(
                bytes(signed), PresentationExpectations.challenge("nonce-123", Optional.of("evil.example")));
        assertThat(otherDomain.firstFailure().orElseThrow().message()).contains("domain");
    }

    @Test
    void unsignedPresentationFailsWhenAChallengeWasIssued() {
        JsonObject vp = Credentials.presentation(Optional.empty(), List.of(Fixtures.signedBadge()));
        assertThat(verifier.verifyPresentation(bytes(vp), PresentationExpectations.NONE)
                        .verified())
                .isTrue();
        assertThat(verifier.verifyPresentation(bytes(vp), PresentationExpectations.challenge("n", Optional.empty()))
                        .verified())
                .isFalse();
    }

    @Test
    void revokingFlipsTheVerdictOnceTheNewListIsServed() {
        StatusEntry entry = Fixtures.revocationEntry(42);
        JsonObject credential = Fixtures.sign(
                Fixtures.unsignedBadge(ISSUER_DID, Optional.of(entry)),
                ISSUER_KEY,
                DidKey.verificationMethodId(ISSUER_KEY.publicKey()));
        BitstringStatusList list = BitstringStatusList.create();
        JsonObject[] served = {signedList(list)};
        Verifier withStatus = Verifier.builder()
                .clock(CLOCK)
                .statusLists(url -> {
                    assertThat(url).isEqualTo(entry.statusListCredential());
                    return served[0];
                })
                .build();
        assertThat(withStatus.verifyCredential(bytes(credential)).failures()).isEmpty();

        list.set(42, true);
        served[0] = signedList(list);
        VerificationReport revoked = withStatus.verifyCredential(bytes(credential));
        assertThat(revoked.firstFailure().orElseThrow().problemType()).isEqualTo(ProblemType.CREDENTIAL_REVOKED);
        assertThat(revoked.firstFailure().orElseThrow().message()).isEqualTo("The issuer has revoked this credential");

        // A list signed by someone else is not believed.
        served[0] = Fixtures.sign(
                StatusListCredentials.unsigned(
                        entry.statusListCredential(),
                        ISSUER_DID.value(),
                        StatusPurpose.REVOCATION,
                        BitstringStatusList.create(),
                        NOW,
                        Optional.empty()),
                Fixtures.OTHER_KEY,
                DidKey.verificationMethodId(Fixtures.OTHER_KEY.publicKey()));
        assertThat(withStatus
                        .verifyCredential(bytes(credential))
                        .firstFailure()
                        .orElseThrow()
                        .problemType())
                .isEqualTo(ProblemType.STATUS_VERIFICATION_ERROR);
    }

    @Test
    void clrBundlesSignedCredentialsAndVerifies() {
        JsonObject clr = Credentials.clr()
                .id(URI.create("urn:uuid:6a1c9e7e-4c56-4d0b-9a3b-3f2f1f0e0d0c"))
                .name("Transcript")
                .issuer(new IssuerProfile(ISSUER_DID, "Demo University", Optional.empty()))
                .recipient(Recipient.did(HOLDER_DID))
                .validFrom(NOW)
                .add(Fixtures.signedBadge())
                .build();
        JsonObject signed = Fixtures.sign(clr, ISSUER_KEY, DidKey.verificationMethodId(ISSUER_KEY.publicKey()));
        VerificationReport report = verifier.verifyCredential(bytes(signed));
        assertThat(report.failures()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void vcJwtRoundTripsWithRs256AndEs256() throws Exception {
        JsonObject credential = Fixtures.unsignedBadge(ISSUER_DID, Optional.empty());
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        for (JWK key : List.<JWK>of(rsa, ec)) {
            String jwt = VcJwt.sign(credential, key);
            VerificationReport report = verifier.verifyJwt(jwt, (issuer, kid) -> {
                assertThat(issuer).isEqualTo(ISSUER_DID.value());
                assertThat(kid).contains(key.getKeyID());
                return key.toPublicJWK();
            });
            assertThat(report.failures()).as(key.getKeyType().getValue()).isEmpty();

            String[] parts = jwt.split("\\.");
            String otherPayload = com.nimbusds.jose.util.Base64URL.encode(StrictJson.write(Json.createObjectBuilder()
                            .add("iss", ISSUER_DID.value())
                            .add("vc", credential)
                            .add("x", 1)
                            .build()))
                    .toString();
            VerificationReport tampered =
                    verifier.verifyJwt(parts[0] + "." + otherPayload + "." + parts[2], (i, k) -> key.toPublicJWK());
            assertThat(tampered.firstFailure().orElseThrow().message()).isEqualTo("Invalid JWT signature");
        }
    }

    @Test
    void statusListCredentialIsItselfAVerifiableCredential() {
        JsonObject list = signedList(BitstringStatusList.create());
        assertThat(verifier.verifyCredential(bytes(list)).failures()).isEmpty();
        assertThat(StatusListCredentials.decode(list).purpose()).isEqualTo(StatusPurpose.REVOCATION);
    }

    @Test
    void signingRefusesTermsOnlyOneOb303RevisionDefines() {
        JsonObject withJti = Json.createObjectBuilder(Fixtures.unsignedBadge(ISSUER_DID, Optional.empty()))
                .add("jti", "x")
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Credentials.requireEmittable(withJti))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("'jti'");
        JsonObject withEndorsementJwt = Json.createObjectBuilder(Fixtures.unsignedBadge(ISSUER_DID, Optional.empty()))
                .add("credentialSubject", Json.createObjectBuilder().add("endorsementJwt", Json.createArrayBuilder()))
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fixtures.sign(
                        withEndorsementJwt, ISSUER_KEY, DidKey.verificationMethodId(ISSUER_KEY.publicKey())))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("'endorsementJwt'");
    }

    static JsonObject signedList(BitstringStatusList list) {
        return Fixtures.sign(
                StatusListCredentials.unsigned(
                        URI.create("https://demo.example/orgs/demo/status/1"),
                        ISSUER_DID.value(),
                        StatusPurpose.REVOCATION,
                        list,
                        NOW.minusSeconds(60),
                        Optional.empty()),
                ISSUER_KEY,
                DidKey.verificationMethodId(ISSUER_KEY.publicKey()));
    }

    static byte[] bytes(JsonObject json) {
        return StrictJson.write(json).getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> unused() {
        return Map.of();
    }
}
