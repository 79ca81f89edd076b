package org.openler.platform.security;

import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Adds claims to the tokens the embedded OpenID provider issues. Features contribute (e.g. a machine client's
 * organization); {@link PlatformTokenCustomizer} applies them all, since the provider takes a single customizer.
 */
public interface TokenClaims {

    void contribute(JwtEncodingContext context);
}
