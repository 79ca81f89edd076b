package org.openler.standards.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;

class MultikeyTests {

    // W3C vc-di-eddsa, example key pair (Appendix "Representation: eddsa-rdfc-2022").
    private static final String SPEC_PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    private static final String SPEC_SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";

    @Test
    void specSecretKeyDerivesSpecPublicKey() {
        Ed25519KeyPair pair = Multikey.decodeSecretKey(SPEC_SECRET);
        assertThat(pair.publicKey().multibase()).isEqualTo(SPEC_PUBLIC);
        assertThat(Multikey.encodeSecretKey(pair)).isEqualTo(SPEC_SECRET);
    }

    @Test
    void publicKeysStartWithZ6MkAndRoundTrip() {
        Ed25519KeyPair pair = Ed25519.generate();
        String multibase = pair.publicKey().multibase();
        assertThat(multibase).startsWith("z6Mk");
        assertThat(Multikey.decodePublicKey(multibase)).isEqualTo(pair.publicKey());
    }

    @Test
    void signaturesVerifyAndRejectOtherMessages() {
        Ed25519KeyPair pair = Ed25519.generate();
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Ed25519.sign(pair, message);
        assertThat(Ed25519.verify(pair.publicKey(), message, signature)).isTrue();
        assertThat(Ed25519.verify(pair.publicKey(), "hellO".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(Ed25519.verify(pair.publicKey(), message, new byte[63])).isFalse();
    }

    @Test
    void base58KeepsLeadingZeros() {
        byte[] bytes = {0, 0, 1, 2, 3};
        assertThat(Multibase.decodeBase58Btc(Multibase.encodeBase58Btc(bytes))).isEqualTo(bytes);
    }

    @Test
    void rejectsKeysOfOtherTypes() {
        // 0xe7 0x01 is secp256k1
        String secp = Multibase.encodeBase58Btc(new byte[] {(byte) 0xe7, 0x01, 1, 2, 3});
        assertThatThrownBy(() -> Multikey.decodePublicKey(secp))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("Ed25519");
    }

    @Test
    void keyPairNeverPrintsItsSecret() {
        Ed25519KeyPair pair = Ed25519.generate();
        assertThat(pair.toString())
                .doesNotContain(Multikey.encodeSecretKey(pair))
                .contains("secret hidden");
    }
}
