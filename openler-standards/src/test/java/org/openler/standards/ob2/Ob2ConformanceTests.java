package org.openler.standards.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openler.standards.StandardsException;
import org.openler.standards.verify.Check;
import org.openler.standards.verify.CheckResult;

/**
 * The 1EdTech validator's Open Badges 2.0 fixtures, judged as its {@code OB20Tests} judge them (see the conformance
 * SOURCE.md). The documents an assertion names are served from {@code ob20/assets/}, as the validator's tests map
 * {@code example.org}; a hosted assertion is judged as given (the validator does not fetch it again from its id, and
 * the fixtures do not hold it there). Fixtures not judged here, and why:
 * <ul>
 *   <li>{@code assertion-with-extension-node-*}, {@code assertion-with-multiple-extensions}: the extensions' JSON
 *       Schemas are bundled in the validator, not in the fixtures; OpenLER does not validate OB 2.0 extensions.
 *   <li>{@code rdf-validation/*}, {@code issuer-compact-iri-validation}, {@code badge-class-with-language}: a
 *       BadgeClass, Issuer or class graph given on its own; a wallet imports assertions only.
 *   <li>{@code redirected-validation-subject}: not JSON (it holds comments) and used by no test.
 *   <li>{@code simple-badge.png}: a baked image; OpenLER imports the assertion as JSON or JWS.
 * </ul>
 */
class Ob2ConformanceTests {

    private static final String BASE = "/org/openler/standards/conformance/1edtech/ob20/";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    /** example.org as the validator's tests map it: to the fixtures' assets folder. Anything else is not fetched. */
    static final Fetcher ASSETS = url -> {
        String u = url.toString();
        for (String prefix : new String[] {"https://example.org/", "https://www.example.org/", "http://example.org/"}) {
            if (u.startsWith(prefix)) {
                return read("assets/" + u.substring(prefix.length()));
            }
        }
        throw new StandardsException(StandardsException.Code.DID_NOT_RESOLVED, url.getHost() + " is not allowed");
    };

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "basic-assertion.json, valid, -",
        "basic-assertion-with-language.json, valid, -",
        "basic-assertion-no-public-key.json, valid, -",
        "assertion-with-endorsements.json, valid, -",
        "basic-assertion-with-allowed-origins.json, valid, -",
        "basic-assertion-with-allowed-origins-valid-starts-with.json, valid, -",
        "basic-assertion-with-allowed-origins-valid-multiple-starts-with.json, valid, -",
        "warning-issuer-non-http.json, valid, -",
        "warning-with-redirection.json, valid, -",
        "simple.jwt, valid, -",
        "simple-not-revoked.jwt, valid, -",
        "basic-assertion-invalid-context.json, invalid, CONTEXTS",
        "basic-assertion-invalid-type.json, invalid, STRUCTURE",
        "assertion-with-data-image.json, invalid, STRUCTURE",
        "basic-assertion-with-allowed-origins-invalid-starts-with.json, invalid, PROOF",
        "basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json, invalid, PROOF",
        "simple-revoked.jwt, invalid, STATUS",
        "basic-assertion-expired.json, invalid, VALIDITY_PERIOD",
        "basic-assertion-expired-before-issued.json, invalid, VALIDITY_PERIOD",
        "basic-assertion-in-future.json, invalid, VALIDITY_PERIOD"
    })
    void judgesEachFixtureAsTheValidatorDoes(String file, String expected, String check) {
        Ob2Verifier.Result result = Ob2Verifier.verify(
                new String(read(file), StandardCharsets.UTF_8), ASSETS, CLOCK, Ob2Verifier.Hosted.AS_GIVEN);

        if (expected.equals("valid")) {
            assertThat(result.report().firstFailure())
                    .as(file + ": " + result.report().results())
                    .isEmpty();
            assertThat(result.assertion()).isPresent();
        } else {
            assertThat(result.report().results()).as(file).anySatisfy(r -> {
                assertThat(r).isInstanceOf(CheckResult.Failed.class);
                assertThat(r.check()).isEqualTo(Check.valueOf(check));
            });
        }
    }

    @Test
    void aSignedAssertionTellsItsBadgeAndIssuer() {
        Ob2Verifier.Result result = Ob2Verifier.verify(
                new String(read("simple.jwt"), StandardCharsets.UTF_8), ASSETS, CLOCK, Ob2Verifier.Hosted.AS_GIVEN);

        Ob2Assertion assertion = result.assertion().orElseThrow();
        assertThat(assertion.badgeName()).isEqualTo("Awesome Robotics Badge");
        assertThat(assertion.issuerName()).isEqualTo("An Example Badge Issuer");
        assertThat(assertion.verificationType()).isEqualTo("signed");
        assertThat(Ob2Verifier.isSignedOb2(new String(read("simple.jwt"), StandardCharsets.UTF_8)))
                .isTrue();
    }

    @Test
    void aSignedAssertionWithAnyCharacterOfItsPayloadChangedIsRefused() {
        String jws = new String(read("simple.jwt"), StandardCharsets.UTF_8).strip();
        String[] parts = jws.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("2016-12-31T23:59:59Z", "2016-12-30T23:59:59Z");
        String tampered = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        Ob2Verifier.Result result = Ob2Verifier.verify(tampered, ASSETS, CLOCK, Ob2Verifier.Hosted.AS_GIVEN);

        assertThat(result.report().results())
                .anySatisfy(r -> assertThat(r.check()).isEqualTo(Check.PROOF))
                .filteredOn(r -> r.check() == Check.PROOF)
                .allSatisfy(r -> assertThat(r).isInstanceOf(CheckResult.Failed.class));
    }

    @Test
    void aHostedAssertionFetchedAgainMustStillBeAtItsIdAndTheSame() {
        String given = new String(read("basic-assertion.json"), StandardCharsets.UTF_8);
        Fetcher hostedElsewhere = url -> url.toString().equals("https://example.org/beths-robotics-badge.json")
                ? given.replace("2016-12-31", "2016-11-30").getBytes(StandardCharsets.UTF_8)
                : ASSETS.fetch(url);
        Fetcher gone = url -> {
            if (url.toString().equals("https://example.org/beths-robotics-badge.json")) {
                throw new StandardsException(StandardsException.Code.DID_NOT_RESOLVED, "404");
            }
            return ASSETS.fetch(url);
        };
        Fetcher same = url -> url.toString().equals("https://example.org/beths-robotics-badge.json")
                ? given.getBytes(StandardCharsets.UTF_8)
                : ASSETS.fetch(url);

        assertThat(Ob2Verifier.verify(given, same, CLOCK, Ob2Verifier.Hosted.REFETCH)
                        .report()
                        .firstFailure())
                .isEmpty();
        assertThat(Ob2Verifier.verify(given, hostedElsewhere, CLOCK, Ob2Verifier.Hosted.REFETCH)
                        .report()
                        .firstFailure())
                .hasValueSatisfying(f -> assertThat(f.check()).isEqualTo(Check.PROOF));
        assertThat(Ob2Verifier.verify(given, gone, CLOCK, Ob2Verifier.Hosted.REFETCH)
                        .report()
                        .firstFailure())
                .hasValueSatisfying(f -> assertThat(f.check()).isEqualTo(Check.STATUS));
    }

    @Test
    void nothingOutsideTheFetcherIsReached() {
        String elsewhere = new String(read("basic-assertion.json"), StandardCharsets.UTF_8)
                .replace("https://example.org/robotics-badge.json", "https://evil.example/badge.json");

        Ob2Verifier.Result result = Ob2Verifier.verify(elsewhere, ASSETS, CLOCK, Ob2Verifier.Hosted.AS_GIVEN);

        assertThat(result.report().firstFailure())
                .hasValueSatisfying(f -> assertThat(f.message()).contains("evil.example"));
    }

    @Test
    void recognisesOpenBadges2ByItsContext() {
        assertThat(Ob2Verifier.isOb2(org.openler.standards.json.StrictJson.parseObject(read("basic-assertion.json"))))
                .isTrue();
        assertThat(Ob2Verifier.isOb2(org.openler.standards.json.StrictJson.parseObject(
                        "{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"]}")))
                .isFalse();
    }

    static byte[] read(String file) {
        try (InputStream in = Ob2ConformanceTests.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new StandardsException(StandardsException.Code.DID_NOT_RESOLVED, "404 " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
