package org.openler.platform.obapi;

import org.openler.platform.kernel.PersonPrincipal;
import org.openler.platform.security.TokenClaims;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.stereotype.Component;

/**
 * Names the learner who consented in the access tokens of Open Badges and CLR applications: {@code sub} is the
 * learner's account id (stable, and not their e-mail address, which the authorization server would use by default).
 * The resource routes act for exactly that learner ({@link ObLearners}).
 */
@Component
class ObTokenSubject implements TokenClaims {

    @Override
    public void contribute(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                || !isApiApplication(context.getRegisteredClient())
                || !(context.getPrincipal().getPrincipal() instanceof PersonPrincipal person)) {
            return;
        }
        context.getClaims().subject(person.accountId().toString());
    }

    /** An application registered through the API's dynamic registration: it holds only the APIs' scopes. */
    static boolean isApiApplication(RegisteredClient client) {
        return !client.getScopes().isEmpty() && ObScopes.all().containsAll(client.getScopes());
    }
}
