package org.openler.standards.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written absolute IRI test answers exactly what jsonld.js's regular expression answers. */
class AbsoluteIriTests {

    private static final String ALPHABET = "aZz09_:+,-./#?@%|! \t\n\u000B\f\r\u0085\u00A0\u1680\u2000\u2005\u200A\u200B"
            + "\u2028\u2029\u202F\u205F\u3000\uFEFFé";

    @Test
    void theHandWrittenTestAgreesWithTheRegularExpressionOnRandomStrings() {
        Random random = new Random(11);
        int absolute = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            if (random.nextBoolean()) {
                text.append(new String[] {"https:", "urn:", "_:", "a+b,c-d.e:", "did:", "9x:", ":", "_a:"}
                        [random.nextInt(8)]);
            }
            for (int i = random.nextInt(8); i > 0; i--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String value = text.toString();
            boolean expected = Lossless.ABSOLUTE.matcher(value).matches();
            assertThat(Lossless.isAbsoluteIri(value)).as("'%s'", value).isEqualTo(expected);
            absolute += expected ? 1 : 0;
        }
        assertThat(absolute).isGreaterThan(10_000);
    }
}
