package org.openler.platform.security;

import java.util.List;
import org.openler.platform.kernel.PersonPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Shapes the tokens of the embedded OpenID provider. ID tokens name the person by account id (stable, and not an
 * e-mail address) and carry the standard {@code email}, {@code email_verified} and {@code name} claims that relying
 * parties use to link accounts. OpenLER does not yet confirm e-mail addresses at sign-up, so it says
 * {@code email_verified: false} rather than claim what it has not checked.
 */
@Component
class PlatformTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final List<TokenClaims> contributors;

    PlatformTokenCustomizer(List<TokenClaims> contributors) {
        this.contributors = List.copyOf(contributors);
    }

    @Override
    public void customize(JwtEncodingContext context) {
        Authentication principal = context.getPrincipal();
        if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                && principal.getPrincipal() instanceof PersonPrincipal person) {
            context.getClaims()
                    .subject(person.accountId().toString())
                    .claim("email", person.getUsername())
                    .claim("email_verified", false)
                    .claim("name", person.displayName());
        }
        contributors.forEach(contributor -> contributor.contribute(context));
    }
}
