package org.openler.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A machine client sends the same access token with every call for its fifteen minutes, and parsing it and checking its
 * RSA signature again each time was a tenth of an API call's time. So a token whose signature and claims passed once
 * is remembered until it expires; what can change during its life — revocation at {@code /oauth2/revoke}, a rotated
 * secret, a deleted client ({@link ActiveTokenValidator}) — and its validity period are still checked on every call.
 * Only an exact byte-for-byte repeat of a verified token is taken from memory. Bounded: emptied when full.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int MAX_REMEMBERED = 4096;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> everyCall;
    private final Clock clock;
    private final int maxRemembered;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param verifier checks signature and claims (and nothing that can change while the token lives)
     * @param stillActive the check that the token is still on record and not revoked, run on every call
     */
    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> stillActive, Clock clock) {
        this(verifier, stillActive, clock, MAX_REMEMBERED);
    }

    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> stillActive, Clock clock, int maxRemembered) {
        JwtTimestampValidator validity = new JwtTimestampValidator();
        validity.setClock(clock);
        this.verifier = verifier;
        this.everyCall = new DelegatingOAuth2TokenValidator<>(validity, stillActive);
        this.clock = clock;
        this.maxRemembered = maxRemembered;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        if (jwt == null || expired(jwt)) {
            jwt = verifier.decode(token);
            if (verified.size() >= maxRemembered) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        OAuth2TokenValidatorResult result = everyCall.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException(
                    result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }

    private boolean expired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || !expiresAt.isAfter(clock.instant());
    }

    int remembered() {
        return verified.size();
    }
}
