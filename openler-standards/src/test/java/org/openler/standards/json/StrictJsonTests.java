package org.openler.standards.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;
import org.openler.standards.StandardsException.Code;

class StrictJsonTests {

    @Test
    void parsesNestedObjectsKeepingMemberOrder() {
        var object = StrictJson.parseObject("{\"b\":1,\"a\":[true,null,{\"c\":\"d\"}]}");
        assertThat(StrictJson.write(object)).isEqualTo("{\"b\":1,\"a\":[true,null,{\"c\":\"d\"}]}");
    }

    @Test
    void rejectsDuplicateKeysNamingTheKeyAndPlace() {
        assertThatThrownBy(() -> StrictJson.parseObject("{\"a\":{\"x\":1,\"x\":2}}"))
                .isInstanceOfSatisfying(
                        StandardsException.class, e -> assertThat(e.code()).isEqualTo(Code.DUPLICATE_KEY))
                .hasMessageContaining("\"x\"")
                .hasMessageContaining("line 1");
    }

    @Test
    void sameKeyInSiblingObjectsIsNotADuplicate() {
        assertThat(StrictJson.parseObject("{\"a\":{\"x\":1},\"b\":{\"x\":2}}")).hasSize(2);
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        String deep = "{\"a\":".repeat(65) + "1" + "}".repeat(65);
        assertThatThrownBy(() -> StrictJson.parseObject(deep))
                .isInstanceOfSatisfying(
                        StandardsException.class, e -> assertThat(e.code()).isEqualTo(Code.TOO_DEEP));
        String ok = "{\"a\":".repeat(64) + "1" + "}".repeat(64);
        assertThat(StrictJson.parseObject(ok)).containsKey("a");
    }

    @Test
    void rejectsBodiesOverTheByteLimitBeforeParsing() {
        byte[] big = new byte[JsonLimits.DEFAULT.maxBytes() + 1];
        assertThatThrownBy(() -> StrictJson.parseObject(big))
                .isInstanceOfSatisfying(
                        StandardsException.class, e -> assertThat(e.code()).isEqualTo(Code.TOO_LARGE))
                .hasMessageContaining("1048577 bytes");
    }

    @Test
    void rejectsMalformedJsonAndNonObjects() {
        for (String bad : new String[] {"", "{", "{\"a\":}", "[1,2]", "{} {}", "nul"}) {
            assertThatThrownBy(() -> StrictJson.parseObject(bad.getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            StandardsException.class, e -> assertThat(e.code()).isEqualTo(Code.MALFORMED_JSON));
        }
    }
}
