package org.openler.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AesGcmKeySealerTests {

    private final byte[] masterKey = new byte[32];
    private final AesGcmKeySealer sealer = new AesGcmKeySealer(masterKey);
    private final byte[] secret = "private key bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void unsealsWhatItSealed() {
        assertThat(sealer.unseal(sealer.seal(secret, "kid-1"), "kid-1")).isEqualTo(secret);
    }

    @Test
    void neverSealsTheSameSecretToTheSameBytesTwice() {
        assertThat(sealer.seal(secret, "kid-1")).isNotEqualTo(sealer.seal(secret, "kid-1"));
    }

    @Test
    void refusesABlobSwappedToAnotherKeyId() {
        byte[] sealed = sealer.seal(secret, "kid-1");
        assertThatThrownBy(() -> sealer.unseal(sealed, "kid-2")).hasMessageContaining("could not be opened");
    }

    @Test
    void refusesATamperedBlob() {
        byte[] sealed = sealer.seal(secret, "kid-1");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> sealer.unseal(sealed, "kid-1")).hasMessageContaining("could not be opened");
    }

    @Test
    void refusesABlobSealedUnderAnotherMasterKey() {
        byte[] otherKey = new byte[32];
        Arrays.fill(otherKey, (byte) 7);
        byte[] sealed = new AesGcmKeySealer(otherKey).seal(secret, "kid-1");
        assertThatThrownBy(() -> sealer.unseal(sealed, "kid-1")).hasMessageContaining("wrong master key");
    }

    @Test
    void refusesAMasterKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new AesGcmKeySealer(new byte[16])).hasMessageContaining("32 bytes");
    }
}
