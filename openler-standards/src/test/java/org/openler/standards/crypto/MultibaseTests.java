package org.openler.standards.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;

class MultibaseTests {

    @Test
    void base58btcDecodesWhatItEncodesWithLeadingZerosAndAtEveryLength() {
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[1 + random.nextInt(80)];
            random.nextBytes(bytes);
            for (int z = random.nextInt(4); z > 0 && z <= bytes.length; z--) {
                bytes[z - 1] = 0; // leading zero bytes become leading '1's
            }
            String encoded = Multibase.encodeBase58Btc(bytes);
            assertThat(Multibase.decodeBase58Btc(encoded)).as(encoded).isEqualTo(bytes);
        }
    }

    @Test
    void base58btcDecodesKnownValues() {
        assertThat(Multibase.decodeBase58Btc("z111")).containsExactly(0, 0, 0);
        assertThat(Multibase.decodeBase58Btc("z2")).containsExactly(1);
        assertThat(Multibase.decodeBase58Btc("z5R")).containsExactly(1, 0);
        assertThat(Multibase.decodeBase58Btc("z1LUw")).containsExactly(0, 1, 0, 0);
    }

    @Test
    void base58btcRefusesCharactersOutsideItsAlphabet() {
        assertThatThrownBy(() -> Multibase.decodeBase58Btc("z0OIl")).isInstanceOf(StandardsException.class);
    }
}
