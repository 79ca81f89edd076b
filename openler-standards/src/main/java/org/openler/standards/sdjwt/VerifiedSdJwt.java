package org.openler.standards.sdjwt;

import com.nimbusds.jose.jwk.JWK;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A verified SD-JWT: the issuer's signature holds, every disclosure is referenced exactly once, and (if asked) the
 * Key Binding JWT holds. {@code claims} is the processed payload: disclosed claims in place, {@code _sd} and
 * {@code _sd_alg} gone — what the recipient learns, and nothing more.
 */
public record VerifiedSdJwt(
        JsonObject header, JsonObject claims, List<Disclosure> disclosures, Optional<JWK> holderKey, boolean keyBound) {

    public VerifiedSdJwt {
        disclosures = List.copyOf(disclosures);
    }

    public Optional<String> issuer() {
        return claims.get("iss") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    public Optional<String> vct() {
        return claims.get("vct") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    public Optional<Instant> expiresAt() {
        return claims.get("exp") instanceof JsonNumber n
                ? Optional.of(Instant.ofEpochSecond(n.longValue()))
                : Optional.empty();
    }

    public Optional<Instant> notBefore() {
        return claims.get("nbf") instanceof JsonNumber n
                ? Optional.of(Instant.ofEpochSecond(n.longValue()))
                : Optional.empty();
    }

    /** The names of the top-level claims that were disclosed. */
    public List<String> disclosedNames() {
        return disclosures.stream().flatMap(d -> d.claimName().stream()).toList();
    }
}
