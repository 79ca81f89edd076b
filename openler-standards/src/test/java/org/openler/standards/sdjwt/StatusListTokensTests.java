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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openler.standards.StandardsException;
import org.openler.standards.json.StrictJson;
import org.openler.standards.jwt.JwtKeyResolver;
import org.openler.standards.status.TokenStatusList;

/** Reading a credential's status from a Status List Token: only one its issuer signed, for its URL, in time. */
class StatusListTokensTests {

    private static final String URI = "https://issuer.example/status/1/token";
    private static final String ISSUER = "did:web:issuer.example";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);

    private final ECKey key = generate();
    private final ECKey other = generate();
    private final JwtKeyResolver keys = (issuer, kid) -> {
        if (!issuer.equals(ISSUER)) {
            throw new StandardsException(StandardsException.Code.DID_NOT_RESOLVED, "unknown issuer");
        }
        return key.toPublicJWK();
    };

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(ECKey signer, String type, String sub, long exp) throws Exception {
        TokenStatusList list = TokenStatusList.of(2, 16);
        list.set(3, TokenStatusList.INVALID);
        list.set(5, TokenStatusList.SUSPENDED);
        String claims = "{\"sub\": \"" + sub + "\", \"iat\": 1795000000, \"exp\": " + exp
                + ", \"status_list\": {\"bits\": 2, \"lst\": \"" + list.encode() + "\"}}";
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType(type))
                        .keyID("k")
                        .build(),
                new Payload(claims));
        jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(signer));
        return jws.serialize();
    }

    private static StatusListTokens.Reference at(int index) {
        return new StatusListTokens.Reference(index, URI);
    }

    @Test
    void readsValidRevokedAndSuspendedAtTheirIndexes() throws Exception {
        String token = token(key, "statuslist+jwt", URI, 1_900_000_000L);

        assertThat(StatusListTokens.status(token, at(0), ISSUER, keys, CLOCK)).isEqualTo(TokenStatusList.VALID);
        assertThat(StatusListTokens.status(token, at(3), ISSUER, keys, CLOCK)).isEqualTo(TokenStatusList.INVALID);
        assertThat(StatusListTokens.status(token, at(5), ISSUER, keys, CLOCK)).isEqualTo(TokenStatusList.SUSPENDED);
    }

    @Test
    void refusesAListSignedBySomeoneElseForAnotherUrlOfAnotherTypeOrExpired() throws Exception {
        assertThatThrownBy(() -> StatusListTokens.status(
                        token(other, "statuslist+jwt", URI, 1_900_000_000L), at(3), ISSUER, keys, CLOCK))
                .isInstanceOf(StandardsException.class)
                .hasMessageContaining("not signed by the credential's issuer");
        assertThatThrownBy(() -> StatusListTokens.status(
                        token(key, "statuslist+jwt", URI + "x", 1_900_000_000L), at(3), ISSUER, keys, CLOCK))
                .hasMessageContaining("another URL");
        assertThatThrownBy(() ->
                        StatusListTokens.status(token(key, "JWT", URI, 1_900_000_000L), at(3), ISSUER, keys, CLOCK))
                .hasMessageContaining("typ");
        assertThatThrownBy(() -> StatusListTokens.status(
                        token(key, "statuslist+jwt", URI, 1_700_000_000L), at(3), ISSUER, keys, CLOCK))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> StatusListTokens.status(
                        token(key, "statuslist+jwt", URI, 1_900_000_000L), at(99), ISSUER, keys, CLOCK))
                .hasMessageContaining("outside");
    }

    @Test
    void findsTheReferenceInACredentialsClaims() {
        assertThat(StatusListTokens.Reference.of(StrictJson.parseObject(
                        "{\"status\": {\"status_list\": {\"idx\": 7, \"uri\": \"" + URI + "\"}}}")))
                .contains(at(7));
        assertThat(StatusListTokens.Reference.of(StrictJson.parseObject("{\"status\": {}}")))
                .isEqualTo(Optional.empty());
    }
}
