package org.openler.standards.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;
import org.openler.standards.crypto.Ed25519;
import org.openler.standards.crypto.Ed25519KeyPair;
import org.openler.standards.json.Jsons;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jwt.JwtKeyResolver;

class SdJwtTests {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ISSUER = "did:web:example.org:orgs:demo";
    static final String NONCE = "n-0S6_WzA2Mj";
    static final String AUD = "redirect_uri:https://verifier.example/response";

    final ECKey issuerKey = ec("did:web:example.org:orgs:demo#jwk-1");
    final Ed25519KeyPair holder = Ed25519.generate();
    final JwtKeyResolver keys = (iss, kid) -> {
        if (!iss.equals(ISSUER)) {
            throw new StandardsException(StandardsException.Code.DID_NOT_RESOLVED, "Unknown issuer " + iss);
        }
        return issuerKey.toPublicJWK();
    };

    SdJwt issued() {
        JsonObject claims = Jsons.PROVIDER
                .createObjectBuilder()
                .add("iss", ISSUER)
                .add("iat", NOW.getEpochSecond())
                .add("vct", "https://example.org/orgs/demo/achievements/1")
                .add(
                        "cnf",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add(
                                        "jwk",
                                        StrictJson.parseObject(JoseKeys.ed25519(holder.publicKey())
                                                .toJSONString())))
                .add("email", "izzy@example.org")
                .add("achievement_name", "Data Analysis with Python")
                .add("achievement_criteria", "Passed the final project with distinction")
                .build();
        return SdJwtIssuer.issue(
                claims, Set.of("email", "achievement_name", "achievement_criteria"), 3, issuerKey, "dc+sd-jwt");
    }

    String present(SdJwt held, Set<String> names) {
        return SdJwtHolder.present(held, names, JoseKeys.ed25519(holder), NONCE, AUD, NOW);
    }

    VerifiedSdJwt verify(String presentation) {
        return SdJwtVerifier.verify(presentation, keys, KeyBindingExpectations.presentation(NONCE, AUD), CLOCK);
    }

    @Test
    void aPresentationDisclosesExactlyTheChosenClaims() {
        VerifiedSdJwt verified = verify(present(issued(), Set.of("achievement_name")));

        assertThat(verified.keyBound()).isTrue();
        assertThat(verified.claims().getString("achievement_name")).isEqualTo("Data Analysis with Python");
        assertThat(verified.claims()).doesNotContainKeys("email", "achievement_criteria", "_sd", "_sd_alg");
        assertThat(verified.disclosedNames()).containsExactly("achievement_name");
        assertThat(verified.vct()).contains("https://example.org/orgs/demo/achievements/1");
    }

    @Test
    void anUndisclosedClaimCannotBeRecoveredFromWhatTheRecipientGets() {
        String presentation = present(issued(), Set.of("achievement_name"));
        StringBuilder everything = new StringBuilder(presentation);
        for (String part : presentation.split("[~.]")) {
            everything.append('\n').append(new String(new Base64URL(part).decode(), StandardCharsets.UTF_8));
        }
        assertThat(everything.toString())
                .doesNotContain("izzy@example.org")
                .doesNotContain("distinction")
                .doesNotContain("email")
                .doesNotContain("achievement_criteria")
                .contains("Data Analysis with Python");
    }

    @Test
    void decoyDigestsHideHowManyClaimsAreDisclosable() {
        SdJwt held = issued();
        JsonObject payload =
                StrictJson.parseObject(new Base64URL(held.issuerJwt().split("\\.")[1]).decode());
        assertThat(payload.getJsonArray("_sd")).hasSize(3 + 3);
        assertThat(payload.getString("_sd_alg")).isEqualTo("sha-256");
        assertThat(payload).doesNotContainKeys("email", "achievement_name", "achievement_criteria");
    }

    @Test
    void aHeldCredentialVerifiesWithoutKeyBindingAndWithAllItsClaims() {
        VerifiedSdJwt verified = SdJwtVerifier.verify(issued().serialize(), keys, KeyBindingExpectations.none(), CLOCK);
        assertThat(verified.claims()).containsKeys("email", "achievement_name", "achievement_criteria");
        assertThat(verified.holderKey()).isPresent();
    }

    @Test
    void aChangedDisclosureIsRefused() {
        SdJwt held = issued();
        Disclosure forged = Disclosure.of("achievement_name", Jsons.PROVIDER.createValue("Brain Surgery"));
        SdJwt tampered = new SdJwt(held.issuerJwt(), List.of(forged), Optional.empty());
        String presentation =
                SdJwtHolder.present(tampered, Set.of("achievement_name"), JoseKeys.ed25519(holder), NONCE, AUD, NOW);
        assertRefused(presentation, "not referenced");
    }

    @Test
    void aDroppedKeyBindingJwtIsRefused() {
        String presentation = present(issued(), Set.of("achievement_name"));
        String withoutKb = presentation.substring(0, presentation.lastIndexOf('~') + 1);
        assertRefused(withoutKb, "no Key Binding JWT");
    }

    @Test
    void aKeyBindingJwtOverOtherDisclosuresIsRefused() {
        SdJwt held = issued();
        String presentation = present(held, Set.of("achievement_name"));
        // Add a disclosure the holder did not sign over: the sd_hash no longer matches.
        Disclosure extra = held.disclosures().stream()
                .filter(d -> d.claimName().orElseThrow().equals("email"))
                .findFirst()
                .orElseThrow();
        int kb = presentation.lastIndexOf('~');
        String smuggled = presentation.substring(0, kb + 1) + extra.encoded() + "~" + presentation.substring(kb + 1);
        assertRefused(smuggled, "sd_hash");
    }

    @Test
    void aWrongNonceIsRefused() {
        String presentation = SdJwtHolder.present(
                issued(), Set.of("achievement_name"), JoseKeys.ed25519(holder), "another-nonce", AUD, NOW);
        assertRefused(presentation, "nonce");
    }

    @Test
    void aWrongAudienceIsRefused() {
        String presentation = SdJwtHolder.present(
                issued(),
                Set.of("achievement_name"),
                JoseKeys.ed25519(holder),
                NONCE,
                "redirect_uri:https://evil",
                NOW);
        assertRefused(presentation, "audience");
    }

    @Test
    void aStaleKeyBindingJwtIsRefused() {
        String presentation = SdJwtHolder.present(
                issued(), Set.of("achievement_name"), JoseKeys.ed25519(holder), NONCE, AUD, NOW.minusSeconds(3600));
        assertRefused(presentation, "iat");
    }

    @Test
    void aKeyBindingJwtSignedByAnotherKeyIsRefused() {
        String presentation = SdJwtHolder.present(
                issued(), Set.of("achievement_name"), JoseKeys.ed25519(Ed25519.generate()), NONCE, AUD, NOW);
        assertRefused(presentation, "Invalid signature on the Key Binding JWT");
    }

    @Test
    void aChangedIssuerPayloadIsRefused() {
        SdJwt held = issued();
        String[] jws = held.issuerJwt().split("\\.");
        JsonObject payload = StrictJson.parseObject(new Base64URL(jws[1]).decode());
        JsonObject changed = Jsons.PROVIDER
                .createObjectBuilder(payload)
                .add("iat", NOW.getEpochSecond() + 1)
                .build();
        String forged = jws[0] + "." + Base64URL.encode(StrictJson.write(changed)) + "." + jws[2];
        SdJwt tampered = new SdJwt(forged, held.disclosures(), Optional.empty());
        assertRefused(
                SdJwtHolder.present(tampered, Set.of("email"), JoseKeys.ed25519(holder), NONCE, AUD, NOW),
                "Invalid signature on the SD-JWT");
    }

    @Test
    void aDigestListedTwiceIsRefused() {
        Disclosure email = Disclosure.of("email", Jsons.PROVIDER.createValue("a@example.org"));
        JsonObject payload = Jsons.PROVIDER
                .createObjectBuilder()
                .add("iss", ISSUER)
                .add("vct", "urn:x")
                .add(
                        "_sd",
                        Jsons.PROVIDER.createArrayBuilder().add(email.digest()).add(email.digest()))
                .build();
        String presentation = signed(payload) + "~" + email.encoded() + "~";
        assertThatThrownBy(() -> SdJwtVerifier.verify(presentation, keys, KeyBindingExpectations.none(), CLOCK))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("more than once");
    }

    @Test
    void anotherDigestAlgorithmIsRefused() {
        JsonObject payload = Jsons.PROVIDER
                .createObjectBuilder()
                .add("iss", ISSUER)
                .add("vct", "urn:x")
                .add("_sd_alg", "md5")
                .build();
        assertThatThrownBy(
                        () -> SdJwtVerifier.verify(signed(payload) + "~", keys, KeyBindingExpectations.none(), CLOCK))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("sha-256");
    }

    @Test
    void anUnsignedSdJwtIsRefused() {
        String header =
                Base64URL.encode("{\"alg\":\"none\",\"typ\":\"dc+sd-jwt\"}").toString();
        String body = Base64URL.encode("{\"iss\":\"" + ISSUER + "\",\"vct\":\"urn:x\"}")
                .toString();
        assertThatThrownBy(() ->
                        SdJwtVerifier.verify(header + "." + body + ".~", keys, KeyBindingExpectations.none(), CLOCK))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("allow-list");
    }

    @Test
    void aPresentationWithKeyBindingIsRefusedWhereNoneIsExpected() {
        String presentation = present(issued(), Set.of("achievement_name"));
        assertThatThrownBy(() -> SdJwtVerifier.verify(presentation, keys, KeyBindingExpectations.none(), CLOCK))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("not expected");
    }

    /**
     * Every single-character change of a presentation is refused with a reason, never accepted and never with another
     * exception. The last character of each base64url segment is left alone: its low bits are padding, so some changes
     * there decode to the same bytes.
     */
    @Test
    void everySingleCharacterMutationOfAPresentationIsRefused() {
        String presentation = present(issued(), Set.of("achievement_name", "email"));
        int refused = 0;
        for (int i = 0; i < presentation.length(); i++) {
            char c = presentation.charAt(i);
            boolean lastOfSegment = i + 1 == presentation.length()
                    || presentation.charAt(i + 1) == '.'
                    || presentation.charAt(i + 1) == '~';
            if (c == '.' || c == '~' || lastOfSegment) {
                continue;
            }
            String mutated = presentation.substring(0, i) + (c == 'A' ? 'B' : 'A') + presentation.substring(i + 1);
            assertThatThrownBy(() -> verify(mutated)).as("mutation at %d", i).isInstanceOf(StandardsException.class);
            refused++;
        }
        assertThat(refused).isGreaterThan(1000);
    }

    @Test
    void anEs256HolderKeyBindsToo() throws Exception {
        ECKey holderEc = ec(null);
        JsonObject claims = Jsons.PROVIDER
                .createObjectBuilder()
                .add("iss", ISSUER)
                .add("vct", "urn:x")
                .add(
                        "cnf",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add(
                                        "jwk",
                                        StrictJson.parseObject(
                                                holderEc.toPublicJWK().toJSONString())))
                .add("name", "Izzy")
                .build();
        SdJwt held = SdJwtIssuer.issue(claims, Set.of("name"), 0, issuerKey, "dc+sd-jwt");
        VerifiedSdJwt verified = verify(SdJwtHolder.present(held, Set.of("name"), holderEc, NONCE, AUD, NOW));
        assertThat(verified.claims().getString("name")).isEqualTo("Izzy");
    }

    private String signed(JsonObject payload) {
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType("dc+sd-jwt"))
                        .build(),
                new Payload(StrictJson.write(payload)));
        JoseKeys.sign(jws, issuerKey);
        return jws.serialize();
    }

    private void assertRefused(String presentation, String reason) {
        assertThatThrownBy(() -> verify(presentation))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining(reason);
    }

    private static ECKey ec(@org.jspecify.annotations.Nullable String kid) {
        try {
            ECKeyGenerator generator = new ECKeyGenerator(Curve.P_256);
            if (kid != null) {
                generator.keyID(kid);
            }
            return generator.generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
