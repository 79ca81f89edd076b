package org.openler.standards.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openler.standards.Fixtures;
import org.openler.standards.StandardsException;
import org.openler.standards.did.Did;
import org.openler.standards.did.DidDocument;
import org.openler.standards.did.DidResolvers;
import org.openler.standards.jwt.JwtKeyResolver;

/** Judges the 1EdTech validator fixtures and the interop samples as their SOURCE.md says (see manifest.tsv). */
class ConformanceTests {

    private static final String BASE = "/org/openler/standards/conformance/";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    private static final Did ISSUER_EXAMPLE = Did.of("did:web:issuer.example");
    private static final Map<URI, String> STATUS_LISTS = Map.of(
            URI.create("https://issuer.example/status/1"),
            "interop/web/status/1.json",
            URI.create("https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/"
                    + "inspector-vc/src/test/resources/ob30/bit-string-list/testlist"),
            "1edtech/ob30/bit-string-list/testlist");

    private static final Verifier VERIFIER = Verifier.builder()
            .didResolver(DidResolvers.keyAndDocuments(Map.of(
                    ISSUER_EXAMPLE,
                    DidDocument.parse(Fixtures.json(BASE + "interop/web/.well-known/did.json"), ISSUER_EXAMPLE))))
            .statusLists(url -> {
                String file = STATUS_LISTS.get(url);
                if (file == null) {
                    throw new StandardsException(StandardsException.Code.INVALID_STATUS, "Not served offline: " + url);
                }
                return Fixtures.json(BASE + file);
            })
            .clock(CLOCK)
            .acceptKeyFromUrlFragment(true)
            .build();

    static Stream<Arguments> manifest() {
        String manifest = new String(Fixtures.resource(BASE + "manifest.tsv"), StandardCharsets.UTF_8);
        return manifest.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .map(f -> Arguments.of(f[0], f[1], f[2], f[3], f[4]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void judgesFixtureAsItsSourceSays(String name, String file, String kind, String expected, String check) {
        byte[] body = Fixtures.resource(BASE + file);
        VerificationReport report = switch (kind) {
            case "credential" -> VERIFIER.verifyCredential(body);
            case "presentation" ->
                VERIFIER.verifyPresentation(
                        body,
                        name.contains("vp-didkey") && !name.contains("unsigned")
                                ? PresentationExpectations.challenge("interop-challenge", Optional.empty())
                                : PresentationExpectations.NONE);
            case "jwt" -> VERIFIER.verifyJwt(new String(body, StandardCharsets.UTF_8), noJwtKeys());
            default -> throw new IllegalArgumentException(kind);
        };
        switch (expected) {
            case "valid" -> assertThat(report.failures()).as(name).isEmpty();
            case "warning" -> {
                assertThat(report.failures()).as(name).isEmpty();
                assertThat(report.warnings()).as(name).anyMatch(w -> w.check() == Check.STRUCTURE);
            }
            case "invalid" -> {
                assertThat(report.verified()).as(name).isFalse();
                assertThat(report.failures())
                        .as(name + ": " + report.failures())
                        .anyMatch(f -> f.check() == Check.valueOf(check));
            }
            default -> throw new IllegalArgumentException(expected);
        }
    }

    private static JwtKeyResolver noJwtKeys() {
        return (issuer, kid) -> {
            throw new StandardsException(StandardsException.Code.DID_NOT_RESOLVED, "No key known for " + issuer);
        };
    }
}
