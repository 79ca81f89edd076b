package org.openler.platform.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B (SHA-1), the last six of its eight digits: what a six-digit app shows. */
    @ParameterizedTest
    @CsvSource({
        "59, 287082",
        "1111111109, 081804",
        "1111111111, 050471",
        "1234567890, 005924",
        "2000000000, 279037",
        "20000000000, 353130"
    })
    void computesTheCodesOfRfc6238AppendixB(long epochSeconds, String expected) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(epochSeconds))))
                .isEqualTo(expected);
    }

    @Test
    void acceptsTheCurrentStepAndOneEitherSideAndNothingFurther() {
        long now = 1000;
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now), now))
                .hasValue(now);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now - 1), now))
                .hasValue(now - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now + 1), now))
                .hasValue(now + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now - 2), now))
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now + 2), now))
                .isEmpty();
    }

    @Test
    void refusesCodesThatAreNotSixDigits() {
        assertThat(Totp.matchingStep(RFC_SECRET, "", 1000)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", 1000)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "1234567", 1000)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12a456", 1000)).isEmpty();
    }

    @Test
    void writesSecretsInRfc4648Base32WithoutPadding() {
        assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(Totp.base32("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTB");
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.decode(Totp.base32(RFC_SECRET))).isEqualTo(RFC_SECRET);
    }

    @Test
    void theKeyUriNamesIssuerAccountAndParameters() {
        String uri = Totp.uri("OpenLER", "ada@example.org", RFC_SECRET);
        assertThat(uri)
                .startsWith("otpauth://totp/OpenLER:ada%40example.org?secret=" + Totp.base32(RFC_SECRET))
                .contains("&issuer=OpenLER")
                .contains("&digits=6")
                .contains("&period=30");
    }

    @Test
    void recoveryCodesAreTenCharactersAndComparedWithoutCaseOrDash() {
        String code = SecondFactors.RecoveryCodes.newCode();
        assertThat(code).matches("[a-z2-9]{5}-[a-z2-9]{5}");
        assertThat(SecondFactors.RecoveryCodes.hash(code.toUpperCase().replace("-", " ")))
                .isEqualTo(SecondFactors.RecoveryCodes.hash(code));
        assertThat(SecondFactors.RecoveryCodes.hash(SecondFactors.RecoveryCodes.newCode()))
                .isNotEqualTo(SecondFactors.RecoveryCodes.hash(code));
    }
}
