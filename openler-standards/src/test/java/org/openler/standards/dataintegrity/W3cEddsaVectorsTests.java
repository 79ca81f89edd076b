package org.openler.standards.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openler.standards.Fixtures;
import org.openler.standards.StandardsException;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.crypto.Multikey;
import org.openler.standards.did.DidResolvers;
import org.openler.standards.json.Jcs;
import org.openler.standards.jsonld.Canonicalizer;

/**
 * The W3C vc-di-eddsa test vectors (copied with their SOURCE.md): credentials signed by another implementation with
 * eddsa-rdfc-2022, eddsa-jcs-2022 and Ed25519Signature2020, a proof set and a proof chain. Each test is named after
 * the normative statement it holds to. The vectors' issuer is an https URL their did:key signers are not bound to, so
 * these check the proofs; the issuer binding is {@code GeneralVerifierTests}'.
 */
class W3cEddsaVectorsTests {

    private static final String BASE = "/org/openler/standards/w3c/vc-di-eddsa/";
    private static final ProofExpectations ANY_ASSERTION = new ProofExpectations(
            "assertionMethod",
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            false);

    private static JsonObject json(String file) {
        return Fixtures.json(BASE + file);
    }

    private static String text(String file) {
        return new String(Fixtures.resource(BASE + file), StandardCharsets.UTF_8);
    }

    private static List<VerifiedProof> verify(JsonObject secured) {
        return Proofs.verifyAll(secured, DidResolvers.keyOnly(), ANY_ASSERTION);
    }

    @Test
    void eddsaRdfc2022TransformationIsRdfc10OfTheUnsecuredDocument() {
        JsonObject unsecured = Json.createObjectBuilder(json("eddsa-rdfc-2022/signedDataInt.json"))
                .remove("proof")
                .build();
        assertThat(Canonicalizer.canonicalize(unsecured)).isEqualTo(text("eddsa-rdfc-2022/canonDocDataInt.txt"));
    }

    @Test
    void anEddsaRdfc2022ProofSignedByAnotherImplementationVerifies() {
        assertThat(verify(json("eddsa-rdfc-2022/signedDataInt.json")))
                .extracting(VerifiedProof::controller)
                .containsExactly("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
    }

    @Test
    void eddsaJcs2022TransformationIsJcsOfTheUnsecuredDocument() {
        JsonObject unsecured = Json.createObjectBuilder(json("eddsa-jcs-2022/signedJCS.json"))
                .remove("proof")
                .build();
        assertThat(Jcs.canonicalize(unsecured)).isEqualTo(text("eddsa-jcs-2022/canonDocJCS.txt"));
    }

    @Test
    void eddsaJcs2022ProofConfigurationIsJcsOfTheProofOptionsWithTheDocumentsContext() {
        JsonObject proof = json("eddsa-jcs-2022/signedJCS.json").getJsonObject("proof");
        JsonObject options =
                Json.createObjectBuilder(proof).remove("proofValue").build();
        assertThat(Jcs.canonicalize(options)).isEqualTo(text("eddsa-jcs-2022/proofCanonJCS.txt"));
    }

    @Test
    void anEddsaJcs2022ProofSignedByAnotherImplementationVerifies() {
        assertThat(verify(json("eddsa-jcs-2022/signedJCS.json"))).hasSize(1);
    }

    @Test
    void eddsaJcs2022SigningWithTheVectorsKeyGivesTheVectorsProofValue() {
        // Ed25519 is deterministic: the same key, options and document give the same signature byte for byte.
        Ed25519KeyPair key = Multikey.decodeSecretKey(json("keyPair.json").getString("privateKeyMultibase"));
        JsonObject signed = json("eddsa-jcs-2022/signedJCS.json");
        JsonObject proof = signed.getJsonObject("proof");
        JsonObject unsecured = Json.createObjectBuilder(signed).remove("proof").build();
        JsonObject mine = Proofs.signJcs(
                unsecured,
                key,
                ProofOptions.assertion(
                        proof.getString("verificationMethod"), Instant.parse(proof.getString("created"))));
        assertThat(mine.getJsonObject("proof").getString("proofValue")).isEqualTo(proof.getString("proofValue"));
    }

    @Test
    void anAlteredEddsaJcs2022DocumentDoesNotVerify() {
        JsonObject signed = json("eddsa-jcs-2022/signedJCS.json");
        JsonObject altered = Json.createObjectBuilder(signed)
                .add("name", "Forged Credential")
                .build();
        assertThatThrownBy(() -> verify(altered)).hasMessageContaining("Invalid signature");
    }

    @Test
    void anEddsaJcs2022ProofContextThatIsNotWhereTheDocumentsBeginsIsAnError() {
        JsonObject signed = json("eddsa-jcs-2022/signedJCS.json");
        JsonObject proof = Json.createObjectBuilder(signed.getJsonObject("proof"))
                .add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/credentials/examples/v2"))
                .build();
        JsonObject altered =
                Json.createObjectBuilder(signed).add("proof", proof).build();
        assertThatThrownBy(() -> verify(altered)).hasMessageContaining("not where the document's @context begins");
    }

    @Test
    void ed25519Signature2020TransformationIsRdfc10OfTheUnsecuredDocument() {
        JsonObject unsecured = Json.createObjectBuilder(json("Ed25519Signature2020/signedEdSig.json"))
                .remove("proof")
                .build();
        assertThat(Canonicalizer.canonicalize(unsecured)).isEqualTo(text("Ed25519Signature2020/canonDocEdSig.txt"));
    }

    @Test
    void anEd25519Signature2020ProofSignedByAnotherImplementationVerifies() {
        assertThat(verify(json("Ed25519Signature2020/signedEdSig.json"))).hasSize(1);
    }

    @Test
    void everyProofOfAProofSetVerifies() {
        assertThat(verify(json("proof-set-chain/signedProofSet2.json")))
                .extracting(VerifiedProof::controller)
                .containsExactly(
                        "did:key:z6MktgKTsu1QhX6QPbyqG6geXdw6FQCZBPq7uQpieWbiQiG7",
                        "did:key:z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E");
    }

    @Test
    void aProofSetWithOneBadProofDoesNotVerify() {
        JsonObject signed = json("proof-set-chain/signedProofSet2.json");
        JsonArray proofs = signed.getJsonArray("proof");
        JsonObject broken = Json.createObjectBuilder(proofs.getJsonObject(1))
                .add("proofValue", proofs.getJsonObject(0).getString("proofValue"))
                .build();
        JsonObject altered = Json.createObjectBuilder(signed)
                .add("proof", Json.createArrayBuilder().add(proofs.get(0)).add(broken))
                .build();
        assertThatThrownBy(() -> verify(altered)).hasMessageContaining("Invalid signature");
    }

    @Test
    void aProofChainVerifiesEachProofOverThePreviousProofsItNames() {
        assertThat(verify(json("proof-set-chain/signedProofChain2.json"))).hasSize(4);
    }

    @Test
    void aPreviousProofThatIsNotInTheProofSetIsAnError() {
        JsonObject signed = json("proof-set-chain/signedProofChain2.json");
        JsonArray proofs = signed.getJsonArray("proof");
        // The chain's last proof names the third; without it the chain is broken.
        JsonObject altered = Json.createObjectBuilder(signed)
                .add(
                        "proof",
                        Json.createArrayBuilder()
                                .add(proofs.get(0))
                                .add(proofs.get(1))
                                .add(proofs.get(3)))
                .build();
        assertThatThrownBy(() -> verify(altered))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("not in the proof set");
    }

    @Test
    void alteringAPreviousProofBreaksTheProofThatChainsToIt() {
        JsonObject signed = json("proof-set-chain/signedProofChain2.json");
        JsonArray proofs = signed.getJsonArray("proof");
        // The third proof's created date changes: its own signature fails, and so would the fourth's, which covers it.
        JsonObject third = Json.createObjectBuilder(proofs.getJsonObject(2))
                .add("created", "2024-01-01T00:00:00Z")
                .build();
        JsonObject altered = Json.createObjectBuilder(signed)
                .add(
                        "proof",
                        Json.createArrayBuilder()
                                .add(proofs.get(0))
                                .add(proofs.get(1))
                                .add(third)
                                .add(proofs.get(3)))
                .build();
        assertThatThrownBy(() -> verify(altered)).hasMessageContaining("Invalid signature");
    }

    @Test
    void aCryptosuiteNotOnTheAllowListIsRefusedByName() {
        JsonObject signed = json("eddsa-jcs-2022/signedJCS.json");
        JsonObject altered = Json.createObjectBuilder(signed)
                .add(
                        "proof",
                        Json.createObjectBuilder(signed.getJsonObject("proof")).add("cryptosuite", "ecdsa-jcs-2019"))
                .build();
        assertThatThrownBy(() -> verify(altered))
                .hasMessageContaining("Cryptosuite 'ecdsa-jcs-2019' is not on the allow-list");
    }
}
