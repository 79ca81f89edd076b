package org.openler.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokensTests {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final RSAKey KEY = generate();

    private final MovableClock clock = new MovableClock(NOW);
    private final Set<String> revoked = new HashSet<>();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final VerifiedTokens tokens = new VerifiedTokens(countingVerifier(), this::stillActive, clock);

    @Test
    void aTokenIsVerifiedOnceAndThenRecognised() {
        String token = token(NOW.plusSeconds(900));
        for (int i = 0; i < 5; i++) {
            assertThat(tokens.decode(token).getSubject()).isEqualTo("demo-issuer");
        }
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aRevokedTokenIsRefusedOnTheNextCallEvenThoughItWasRemembered() {
        String token = token(NOW.plusSeconds(900));
        tokens.decode(token);
        revoked.add(token);
        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        String token = token(NOW.plusSeconds(900));
        tokens.decode(token);
        clock.move(Duration.ofMinutes(20)); // past expiry and the validators' minute of clock skew
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenWithOneChangedCharacterIsVerifiedAfreshAndFails() {
        String token = token(NOW.plusSeconds(900));
        tokens.decode(token);
        String forged = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void memoryIsBounded() {
        VerifiedTokens few = new VerifiedTokens(countingVerifier(), this::stillActive, clock, 8);
        for (int i = 0; i < 20; i++) {
            few.decode(token(NOW.plusSeconds(900 + i)));
        }
        assertThat(few.remembered()).isLessThanOrEqualTo(8);
    }

    private OAuth2TokenValidatorResult stillActive(Jwt jwt) {
        return revoked.contains(jwt.getTokenValue())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was revoked.", null))
                : OAuth2TokenValidatorResult.success();
    }

    private JwtDecoder countingVerifier() {
        NimbusJwtDecoder nimbus;
        try {
            nimbus = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        var validity = new org.springframework.security.oauth2.jwt.JwtTimestampValidator();
        validity.setClock(clock);
        nimbus.setJwtValidator(validity);
        return token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private static String token(Instant expiresAt) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(KEY.getKeyID())
                            .build(),
                    new JWTClaimsSet.Builder()
                            .subject("demo-issuer")
                            .issueTime(Date.from(NOW))
                            .expirationTime(Date.from(expiresAt))
                            .build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
