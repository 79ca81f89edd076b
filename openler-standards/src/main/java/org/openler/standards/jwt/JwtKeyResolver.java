package org.openler.standards.jwt;

import com.nimbusds.jose.jwk.JWK;
import java.util.Optional;

/** Finds the public key of a VC-JWT's issuer (from its profile's JWKS, a registry, or the server's own keys). */
public interface JwtKeyResolver {

    /**
     * @param issuer the {@code iss} claim
     * @param keyId the JOSE header's {@code kid}, if any
     * @throws org.openler.standards.StandardsException DID_NOT_RESOLVED when no key is known
     */
    JWK resolve(String issuer, Optional<String> keyId);
}
