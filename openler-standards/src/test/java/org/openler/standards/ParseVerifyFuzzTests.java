package org.openler.standards;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.parallel.Isolated;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jwt.JwtKeyResolver;
import org.openler.standards.jwt.VcJwt;
import org.openler.standards.sdjwt.KeyBindingExpectations;
import org.openler.standards.sdjwt.SdJwt;
import org.openler.standards.sdjwt.SdJwtIssuer;
import org.openler.standards.sdjwt.SdJwtVerifier;
import org.openler.standards.status.BitstringStatusList;
import org.openler.standards.status.TokenStatusList;
import org.openler.standards.verify.PresentationExpectations;
import org.openler.standards.verify.VerificationReport;
import org.openler.standards.verify.Verifier;

/**
 * Coverage-guided fuzzing (Jazzer) of every parse-then-verify path of the standards library: Data Integrity
 * credentials, VC-JWT, presentations, SD-JWT VCs and both status-list encodings. The contract under fuzzing: the
 * verifier answers with a report, and the parsers either succeed or refuse with a {@link StandardsException}; any
 * other exception (or an error such as a stack overflow or out-of-memory) is a finding. In the default build each
 * target replays its corpus ({@code src/test/resources/org/openler/standards/ParseVerifyFuzzTestsInputs/<target>});
 * {@code -Pfuzz} fuzzes each for a bounded time (docs/security-policy.md has the figures).
 *
 * <p>The class sits in the library's root package so that Jazzer instruments the whole library for coverage. It runs
 * alone (the other test classes run side by side): Jazzer's agent and hooks are installed while it starts.
 */
@Isolated
class ParseVerifyFuzzTests {

    private static final Clock CLOCK = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    private static final Verifier VERIFIER = Verifier.builder().clock(CLOCK).build();
    private static final ECKey ISSUER_JWK = ecKey("fuzz-issuer");
    private static final String[] DISCLOSABLE = {"name", "achievement", "status", "given_name", "vct"};
    private static final JwtKeyResolver KEYS = (issuer, keyId) -> ISSUER_JWK.toPublicJWK();

    /** A Data Integrity credential (JSON bytes) through the whole verifier: parse, shape, contexts, proof, status. */
    @FuzzTest(maxDuration = "3m")
    void dataIntegrityCredential(byte[] body) {
        requireReport(VERIFIER.verifyCredential(body));
    }

    /** A presentation and what it embeds. */
    @FuzzTest(maxDuration = "3m")
    void presentation(byte[] body) {
        requireReport(VERIFIER.verifyPresentation(body, PresentationExpectations.NONE));
    }

    /**
     * A VC-JWT: either the fuzzer's own compact string, or a credential from fuzzed JSON signed with the resolver's
     * key (so the checks after the signature are reached too).
     */
    @FuzzTest(maxDuration = "3m")
    void vcJwt(FuzzedDataProvider data) {
        String compact;
        if (data.consumeBoolean()) {
            compact = data.consumeRemainingAsString();
        } else {
            Optional<JsonObject> credential = json(data.consumeRemainingAsBytes());
            if (credential.isEmpty()) {
                return;
            }
            try {
                compact = VcJwt.sign(credential.get(), ISSUER_JWK);
            } catch (StandardsException refusedToSign) {
                return;
            }
        }
        requireReport(VERIFIER.verifyJwt(compact, KEYS));
    }

    /** An SD-JWT VC: the fuzzer's own serialization, or fuzzed claims issued with selective disclosure, verified. */
    @FuzzTest(maxDuration = "3m")
    void sdJwt(FuzzedDataProvider data) {
        String text;
        if (data.consumeBoolean()) {
            text = data.consumeRemainingAsString();
        } else {
            int decoys = data.consumeInt(0, 3);
            String disclosed = data.pickValue(DISCLOSABLE);
            Optional<JsonObject> claims = json(data.consumeRemainingAsBytes());
            if (claims.isEmpty()) {
                return;
            }
            try {
                text = SdJwtIssuer.issue(claims.get(), Set.of(disclosed), decoys, ISSUER_JWK, "dc+sd-jwt")
                        .serialize();
            } catch (StandardsException refusedToIssue) {
                return;
            }
        }
        try {
            SdJwt.parse(text);
            SdJwtVerifier.verify(text, KEYS, KeyBindingExpectations.none(), CLOCK);
        } catch (StandardsException refused) {
            // a refusal with a reason is the expected answer to a bad SD-JWT
        }
    }

    /** A Bitstring Status List's encodedList (multibase, GZIP, bounded decompression). */
    @FuzzTest(maxDuration = "3m")
    void bitstringStatusList(FuzzedDataProvider data) {
        int index = data.consumeInt(0, Integer.MAX_VALUE);
        try {
            BitstringStatusList list = BitstringStatusList.decode(data.consumeRemainingAsString());
            if (index < list.length()) {
                list.get(index);
            }
        } catch (StandardsException refused) {
            // not a status list
        }
    }

    /** An IETF Token Status List's lst (base64url, DEFLATE) at 1, 2, 4 or 8 bits per entry. */
    @FuzzTest(maxDuration = "3m")
    void tokenStatusList(FuzzedDataProvider data) {
        int bits = data.pickValue(new int[] {1, 2, 4, 8, data.consumeInt()});
        int index = data.consumeInt(0, 1 << 20);
        try {
            TokenStatusList list = TokenStatusList.decode(bits, data.consumeRemainingAsString());
            if (index < list.size()) {
                list.get(index);
            }
        } catch (StandardsException refused) {
            // not a status list
        }
    }

    private static Optional<JsonObject> json(byte[] bytes) {
        try {
            return Optional.of(StrictJson.parseObject(new String(bytes, StandardCharsets.UTF_8)));
        } catch (StandardsException notJson) {
            return Optional.empty();
        }
    }

    private static void requireReport(VerificationReport report) {
        if (report == null || report.results().isEmpty()) {
            throw new AssertionError("The verifier gave no answer");
        }
    }

    private static ECKey ecKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
