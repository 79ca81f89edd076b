package org.openler.standards.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openler.standards.Fixtures.ISSUER_KEY;
import static org.openler.standards.Fixtures.NOW;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Multibase;
import org.openler.standards.crypto.Multikey;
import org.openler.standards.dataintegrity.EddsaRdfc2022;
import org.openler.standards.dataintegrity.ProofOptions;
import org.openler.standards.dataintegrity.Proofs;
import org.openler.standards.did.DidKey;
import org.openler.standards.jsonld.Canonicalizer;
import org.openler.standards.verify.Check;
import org.openler.standards.verify.Verifier;

/**
 * The normative statements (MUST) of W3C Data Integrity EdDSA Cryptosuites v1.0 that the W3C suite
 * (vc-di-eddsa-test-suite, {@code tests/suites/data-model.js} and {@code algorithms.js}) checks, one test each, named
 * after the statement: the Multikey encoding of the key (§2.1.1), the proof's data model (§2.2), and the
 * eddsa-rdfc-2022 and eddsa-jcs-2022 algorithms (§3.3, §3.4). The W3C vectors themselves are in
 * {@code W3cEddsaVectorsTests}; the lossless rule in {@code TamperMatrixTests} and {@code GeneralVerifierTests}.
 */
class DataIntegrityEddsaMustTests {

    private static final Verifier VERIFIER =
            Verifier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    private static JsonObject rdfc() {
        return EddsaRdfc2022.sign(
                VcDataModel20MustTests.credential().build(),
                ISSUER_KEY,
                ProofOptions.assertion(DidKey.verificationMethodId(ISSUER_KEY.publicKey()), NOW.minusSeconds(60)));
    }

    private static JsonObject jcs() {
        return Proofs.signJcs(
                VcDataModel20MustTests.credential().build(),
                ISSUER_KEY,
                ProofOptions.assertion(DidKey.verificationMethodId(ISSUER_KEY.publicKey()), NOW.minusSeconds(60)));
    }

    /** The signed credential with one member of its proof replaced. */
    private static JsonObject withProof(JsonObject signed, String member, String value) {
        JsonObject proof = Json.createObjectBuilder(signed.getJsonObject("proof"))
                .add(member, value)
                .build();
        return Json.createObjectBuilder(signed).add("proof", proof).build();
    }

    private static void proofRefused(JsonObject credential) {
        assertThat(VERIFIER.verifyCredential(credential).failures())
                .as("the proof check fails")
                .anyMatch(f -> f.check() == Check.PROOF);
    }

    @Test
    @DisplayName("Both cryptosuites verify a proof they made (the baseline every other test breaks)")
    void validProofsOfBothCryptosuitesVerify() {
        assertThat(VERIFIER.verifyCredential(rdfc()).failures()).isEmpty();
        assertThat(VERIFIER.verifyCredential(jcs()).failures()).isEmpty();
    }

    @Test
    @DisplayName("§2.1.1 The publicKeyMultibase value of the verification method MUST start with the base-58-btc"
            + " prefix (z), as defined in the Multibase section of Controlled Identifiers v1.0; the Ed25519 Multikey"
            + " header 0xed01 follows.")
    void thePublicKeyMultibaseMustBeBase58BtcWithTheEd25519Header() {
        String encoded = Multikey.encodePublicKey(ISSUER_KEY.publicKey());
        assertThat(encoded).startsWith("z6Mk");
        assertThat(Multikey.decodePublicKey(encoded)).isEqualTo(ISSUER_KEY.publicKey());
        byte[] raw = Multibase.decodeBase58Btc(encoded);
        raw[0] = (byte) 0xe7; // the secp256k1 header: not an Ed25519 key
        assertThatThrownBy(() -> Multikey.decodePublicKey(
                        "z" + Multibase.encodeBase58Btc(raw).substring(1)))
                .isInstanceOf(StandardsException.class);
    }

    @Test
    @DisplayName("§2.1.1 Any other encoding (of publicKeyMultibase) MUST NOT be allowed.")
    void anyOtherEncodingOfThePublicKeyIsRefused() {
        byte[] raw = Multibase.decodeBase58Btc(Multikey.encodePublicKey(ISSUER_KEY.publicKey()));
        assertThatThrownBy(() -> Multikey.decodePublicKey(Multibase.encodeBase64Url(raw)))
                .isInstanceOf(StandardsException.class);
    }

    @Test
    @DisplayName("§2.1.1 Any other encoding (of secretKeyMultibase) MUST NOT be allowed.")
    void anyOtherEncodingOfTheSecretKeyIsRefused() {
        String encoded = Multikey.encodeSecretKey(ISSUER_KEY);
        assertThat(encoded).startsWith("z");
        assertThat(Multikey.decodeSecretKey(encoded).publicKey()).isEqualTo(ISSUER_KEY.publicKey());
        byte[] raw = Multibase.decodeBase58Btc(encoded);
        assertThatThrownBy(() -> Multikey.decodeSecretKey(Multibase.encodeBase64Url(raw)))
                .isInstanceOf(StandardsException.class);
    }

    @Test
    @DisplayName("§2.2 The type property (of the proof) MUST be DataIntegrityProof.")
    void theProofTypeMustBeDataIntegrityProof() {
        assertThat(rdfc().getJsonObject("proof").getString("type")).isEqualTo("DataIntegrityProof");
        proofRefused(withProof(rdfc(), "type", "Ed25519Signature2018"));
        proofRefused(withProof(jcs(), "type", "DataIntegritySignature"));
    }

    @Test
    @DisplayName("§2.2 The cryptosuite property of the proof MUST be eddsa-rdfc-2022 or eddsa-jcs-2022.")
    void theCryptosuiteMustBeAnEddsaSuite() {
        assertThat(rdfc().getJsonObject("proof").getString("cryptosuite")).isEqualTo("eddsa-rdfc-2022");
        assertThat(jcs().getJsonObject("proof").getString("cryptosuite")).isEqualTo("eddsa-jcs-2022");
        proofRefused(withProof(rdfc(), "cryptosuite", "ecdsa-rdfc-2019"));
        proofRefused(withProof(jcs(), "cryptosuite", "eddsa-2022"));
    }

    @Test
    @DisplayName("§2.2 The proofValue property of the proof MUST be a detached EdDSA signature produced according"
            + " to [RFC8032], encoded using the base-58-btc header and alphabet.")
    void theProofValueMustBeABase58BtcEd25519Signature() {
        String value = rdfc().getJsonObject("proof").getString("proofValue");
        assertThat(value).startsWith("z");
        assertThat(Multibase.decodeBase58Btc(value)).hasSize(64);
        proofRefused(withProof(rdfc(), "proofValue", Multibase.encodeBase64Url(Multibase.decodeBase58Btc(value))));
        proofRefused(withProof(rdfc(), "proofValue", "z" + value.substring(1, value.length() - 4)));
    }

    @Test
    @DisplayName("§3.3.2, §3.4.2 (verify) If options.type is not set to the string DataIntegrityProof and"
            + " options.cryptosuite is not set to the eddsa cryptosuite, an error MUST be raised.")
    void verifyingAProofOfAnotherTypeOrSuiteRaisesAnError() {
        proofRefused(withProof(withProof(rdfc(), "type", "OtherProof"), "cryptosuite", "other-2025"));
    }

    @Test
    @DisplayName("§3.3.5, §3.4.5 If proofConfig.created is set to a value that is not a valid [XMLSCHEMA11-2]"
            + " datetime, an error MUST be raised.")
    void aCreatedThatIsNoDatetimeRaisesAnError() {
        proofRefused(withProof(rdfc(), "created", "yesterday"));
        proofRefused(withProof(jcs(), "created", "2026-13-45T99:00:00Z"));
    }

    @Test
    @DisplayName("§3.3.4, §3.4.4 Whenever this algorithm encodes strings, it MUST use UTF-8 encoding.")
    void stringsAreHashedAsUtf8() throws Exception {
        JsonObject unsigned = VcDataModel20MustTests.credential()
                .add("name", "Zoë Ångström — 学校の卒業生")
                .build();
        JsonObject signed = EddsaRdfc2022.sign(
                unsigned,
                ISSUER_KEY,
                ProofOptions.assertion(DidKey.verificationMethodId(ISSUER_KEY.publicKey()), NOW.minusSeconds(60)));
        // recompute the signed bytes by the specification, hashing the canonical N-Quads as UTF-8: the signature
        // verifies over exactly those bytes
        JsonObject proof = signed.getJsonObject("proof");
        JsonObject config = Json.createObjectBuilder(proof)
                .remove("proofValue")
                .add("@context", signed.get("@context"))
                .build();
        JsonObject document = Json.createObjectBuilder(signed).remove("proof").build();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] proofHash = sha256.digest(Canonicalizer.canonicalize(config).getBytes(StandardCharsets.UTF_8));
        byte[] documentHash = sha256.digest(Canonicalizer.canonicalize(document).getBytes(StandardCharsets.UTF_8));
        byte[] data = new byte[64];
        System.arraycopy(proofHash, 0, data, 0, 32);
        System.arraycopy(documentHash, 0, data, 32, 32);
        assertThat(Ed25519.verify(
                        ISSUER_KEY.publicKey(), data, Multibase.decodeBase58Btc(proof.getString("proofValue"))))
                .isTrue();
        assertThat(VERIFIER.verifyCredential(signed).failures()).isEmpty();
    }

    @Test
    @DisplayName("Verification fails when the credential is not the one that was canonicalized and signed.")
    void verificationFailsForAChangedCredential() {
        JsonObject changed = Json.createObjectBuilder(rdfc())
                .add("validFrom", "2020-01-01T00:00:00Z")
                .build();
        proofRefused(changed);
        JsonObject changedJcs = Json.createObjectBuilder(jcs())
                .add("validFrom", "2020-01-01T00:00:00Z")
                .build();
        proofRefused(changedJcs);
    }
}
