package org.openler.standards.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;

/** The Token Status List's encoding, against the examples in draft-ietf-oauth-status-list §4.1. */
class TokenStatusListTests {

    @Test
    void encodesTheDraftsOneBitExample() {
        int[] statuses = {1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1};
        TokenStatusList list = TokenStatusList.of(1, statuses.length);
        for (int i = 0; i < statuses.length; i++) {
            list.set(i, statuses[i]);
        }

        assertThat(list.encode()).isEqualTo("eNrbuRgAAhcBXQ");
    }

    @Test
    void decodesTheDraftsTwoBitExample() {
        TokenStatusList list = TokenStatusList.decode(2, "eNo76fITAAPfAgc");

        int[] expected = {1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3};
        for (int i = 0; i < expected.length; i++) {
            assertThat(list.get(i)).as("index " + i).isEqualTo(expected[i]);
        }
    }

    @Test
    void aLargeListRoundTripsAndSettingOneIndexTouchesNoOther() {
        Random random = new Random(7);
        TokenStatusList list = TokenStatusList.of(2, 131_072);
        int[] expected = new int[131_072];
        for (int n = 0; n < 2_000; n++) {
            int index = random.nextInt(expected.length);
            int status = random.nextInt(3);
            list.set(index, status);
            expected[index] = status;
        }

        TokenStatusList read = TokenStatusList.decode(2, list.encode());

        assertThat(read.size()).isEqualTo(131_072);
        for (int i = 0; i < expected.length; i++) {
            if (read.get(i) != expected[i]) {
                throw new AssertionError("index " + i + ": " + read.get(i) + " != " + expected[i]);
            }
        }
    }

    @Test
    void refusesWhatIsNotAStatusList() {
        assertThatThrownBy(() -> TokenStatusList.decode(3, "eNrbuRgAAhcBXQ")).isInstanceOf(StandardsException.class);
        assertThatThrownBy(() -> TokenStatusList.decode(1, "not*base64")).isInstanceOf(StandardsException.class);
        assertThatThrownBy(() -> TokenStatusList.decode(1, "AAAA")).isInstanceOf(StandardsException.class);
        assertThatThrownBy(() -> TokenStatusList.decode(1, "eNrbuRgAAhcBXQ").get(16))
                .isInstanceOf(StandardsException.class);
        assertThatThrownBy(() -> TokenStatusList.of(1, 8).set(0, 2)).isInstanceOf(StandardsException.class);
    }
}
