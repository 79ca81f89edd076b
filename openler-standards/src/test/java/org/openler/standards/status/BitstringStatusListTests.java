package org.openler.standards.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;
import org.openler.standards.crypto.Multibase;

class BitstringStatusListTests {

    @Test
    void newListsHaveTheMinimumLengthAndAreClear() {
        BitstringStatusList list = BitstringStatusList.create();
        assertThat(list.length()).isEqualTo(131_072);
        assertThat(list.get(0)).isFalse();
        assertThat(list.get(131_071)).isFalse();
    }

    @Test
    void revocationFlipsExactlyOneBit() {
        BitstringStatusList list = BitstringStatusList.create();
        list.set(12_345, true);
        BitstringStatusList decoded = BitstringStatusList.decode(list.encode());
        for (int i = 0; i < decoded.length(); i++) {
            assertThat(decoded.get(i)).as("bit %d", i).isEqualTo(i == 12_345);
        }
        decoded.set(12_345, false);
        assertThat(decoded.get(12_345)).isFalse();
    }

    @Test
    void indexZeroIsTheMostSignificantBitOfTheFirstByte() throws Exception {
        byte[] bits = new byte[16_384];
        bits[0] = (byte) 0x80;
        bits[1] = 0x01;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        }
        BitstringStatusList list = BitstringStatusList.decode(Multibase.encodeBase64Url(out.toByteArray()));
        assertThat(list.get(0)).isTrue();
        assertThat(list.get(1)).isFalse();
        assertThat(list.get(15)).isTrue();
    }

    @Test
    void encodedListIsMultibaseBase64Url() {
        assertThat(BitstringStatusList.create().encode()).startsWith("uH4sI");
    }

    @Test
    void decodesTheInteropSampleList() {
        // interop/web/status/1.json: bit 7 revoked
        BitstringStatusList list =
                BitstringStatusList.decode("uH4sIAAAAAAAAA-3BIQEAAAACIP1_2hkWoAEAAAAAAAAAAAAAAAAAAADeBjn7xTYAQAAA");
        assertThat(list.get(7)).isTrue();
        assertThat(list.get(3)).isFalse();
    }

    @Test
    void rejectsShortListsAndOutOfRangeIndexes() {
        assertThatThrownBy(() -> BitstringStatusList.ofLength(1024)).isInstanceOf(StandardsException.class);
        assertThatThrownBy(() -> BitstringStatusList.create().get(131_072))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("outside the list");
        String tooShort = Multibase.encodeBase64Url(gzip(new byte[100]));
        assertThatThrownBy(() -> BitstringStatusList.decode(tooShort))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("at least 131072");
    }

    private static byte[] gzip(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(bytes);
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
