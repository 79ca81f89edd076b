package org.openler.standards.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;
import org.openler.standards.json.StrictJson;

/**
 * A VC-JWT's {@code nbf} and {@code exp} claims mirror the credential's validity window: {@code validFrom} and
 * {@code validUntil} for VC DM 2.0, {@code issuanceDate} and {@code expirationDate} for VC DM 1.1 (VC DM 1.1 §6.3.1
 * "JWT and JWS considerations"), and a verifier then refuses the JWT outside that window.
 */
class VcJwtValidityWindowTests {

    private static final String ISSUER = "did:web:example.org";

    private static ECKey key() throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(ISSUER + "#key-1").generate();
    }

    private static JsonObject vc11(String issuanceDate, String expirationDate) {
        return StrictJson.parseObject("{\"@context\": [\"https://www.w3.org/2018/credentials/v1\"],"
                + " \"id\": \"urn:uuid:5d0f0f1e-3c51-4d3c-9e39-1f4d2f0d8c11\","
                + " \"type\": [\"VerifiableCredential\"], \"issuer\": \"" + ISSUER + "\","
                + " \"issuanceDate\": \"" + issuanceDate + "\","
                + (expirationDate == null ? "" : " \"expirationDate\": \"" + expirationDate + "\",")
                + " \"credentialSubject\": {\"id\": \"did:example:subject\"}}");
    }

    private static Map<String, Object> claims(String compact) throws Exception {
        return JWSObject.parse(compact).getPayload().toJSONObject();
    }

    @Test
    void aVc11CredentialsIssuanceAndExpirationDatesBecomeNbfAndExp() throws Exception {
        String compact = VcJwt.sign(vc11("2020-03-16T22:37:26Z", "2030-03-16T22:37:26Z"), key());
        Map<String, Object> claims = claims(compact);
        assertThat(((Number) claims.get("nbf")).longValue())
                .isEqualTo(Instant.parse("2020-03-16T22:37:26Z").getEpochSecond());
        assertThat(((Number) claims.get("exp")).longValue())
                .isEqualTo(Instant.parse("2030-03-16T22:37:26Z").getEpochSecond());
        assertThat(claims.get("jti")).isEqualTo("urn:uuid:5d0f0f1e-3c51-4d3c-9e39-1f4d2f0d8c11");
        assertThat(claims.get("sub")).isEqualTo("did:example:subject");
        assertThat(claims.get("iss")).isEqualTo(ISSUER);
    }

    @Test
    void aVc2CredentialsValidFromAndValidUntilWinAndAreMirroredAsBefore() throws Exception {
        JsonObject vc2 = StrictJson.parseObject("{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"],"
                + " \"type\": [\"VerifiableCredential\"], \"issuer\": \"" + ISSUER + "\","
                + " \"validFrom\": \"2021-01-01T00:00:00Z\", \"validUntil\": \"2031-01-01T00:00:00Z\","
                + " \"credentialSubject\": {\"id\": \"did:example:subject\"}}");
        Map<String, Object> claims = claims(VcJwt.sign(vc2, key()));
        assertThat(((Number) claims.get("nbf")).longValue())
                .isEqualTo(Instant.parse("2021-01-01T00:00:00Z").getEpochSecond());
        assertThat(((Number) claims.get("exp")).longValue())
                .isEqualTo(Instant.parse("2031-01-01T00:00:00Z").getEpochSecond());
    }

    @Test
    void anExpiredVc11JwtIsRefusedAndOneInsideItsWindowVerifies() throws Exception {
        ECKey key = key();
        JwtKeyResolver keys = (issuer, kid) -> key.toPublicJWK();
        Clock in2025 = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

        String valid = VcJwt.sign(vc11("2020-03-16T22:37:26Z", "2030-03-16T22:37:26Z"), key);
        assertThat(VcJwt.verify(valid, keys, in2025).credential().getString("issuanceDate"))
                .isEqualTo("2020-03-16T22:37:26Z");

        String expired = VcJwt.sign(vc11("2020-03-16T22:37:26Z", "2021-03-16T22:37:26Z"), key);
        assertThatThrownBy(() -> VcJwt.verify(expired, keys, in2025))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("expired");

        String future = VcJwt.sign(vc11("2029-01-01T00:00:00Z", null), key);
        assertThatThrownBy(() -> VcJwt.verify(future, keys, in2025))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("not valid yet");
    }

    @Test
    void anIssuanceDateThatIsNoDateTimeIsRefusedWithItsName() throws Exception {
        ECKey key = key();
        assertThatThrownBy(() -> VcJwt.sign(vc11("yesterday", null), key))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("issuanceDate");
    }
}
