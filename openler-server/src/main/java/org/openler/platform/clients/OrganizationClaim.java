package org.openler.platform.clients;

import org.openler.platform.kernel.Actors;
import org.openler.platform.security.TokenClaims;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.stereotype.Component;

/**
 * Puts the client's organization into its access tokens, so a request carrying the token acts for exactly that
 * organization and no lookup is needed to know which.
 */
@Component
class OrganizationClaim implements TokenClaims {

    private final MachineClientService clients;

    OrganizationClaim(MachineClientService clients) {
        this.clients = clients;
    }

    @Override
    public void contribute(JwtEncodingContext context) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return;
        }
        clients.organizationOf(context.getRegisteredClient().getClientId())
                .ifPresent(org -> context.getClaims().claim(Actors.ORGANIZATION_CLAIM, org.toString()));
    }
}
