package org.openler.standards.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 (JCS), against the RFC's own examples (§3.2.2.3 numbers, §3.2.3 sorting, §3.2.2.2 strings). */
class JcsTests {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
        "0, 0",
        "-0, 0",
        "4.50, 4.5",
        "2e-3, 0.002",
        "0.000001, 0.000001",
        "1e-7, 1e-7",
        "1e20, 100000000000000000000",
        "1e21, 1e+21",
        "1E30, 1e+30",
        "333333333.33333329, 333333333.3333333",
        "9007199254740992, 9007199254740992",
        "-89.65, -89.65",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308"
    })
    void numbersAreWrittenAsEcmaScriptWritesTheNearestDouble(String given, String written) {
        assertThat(Jcs.number(new BigDecimal(given))).isEqualTo(written);
    }

    @Test
    void membersAreSortedByUtf16CodeUnitsAndWhitespaceIsDropped() {
        String json =
                "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", \"\\ufb33\": \"Hebrew Letter Dalet With"
                        + " Dagesh\", \"1\": \"One\", \"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\","
                        + " \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";
        assertThat(Jcs.canonicalize(StrictJson.parseObject(json)))
                .isEqualTo(
                        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O"
                                + " With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew"
                                + " Letter Dalet With Dagesh\"}");
    }

    @Test
    void stringsAreEscapedAsJsonStringifyDoes() {
        String json = "{\"s\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"}";
        assertThat(Jcs.canonicalize(StrictJson.parseObject(json)))
                .isEqualTo("{\"s\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }
}
