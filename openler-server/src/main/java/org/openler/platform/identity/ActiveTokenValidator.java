package org.openler.platform.identity;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signature alone does not make a machine token good: it must still be on record, so rotating a client's secret or
 * deleting the client revokes its tokens at once on every instance (the record is in the shared database).
 *
 * <p>The lookup runs in one read-only transaction. {@code JdbcOAuth2AuthorizationService} looks the client up while it
 * still holds the connection of the authorization query; outside a transaction that is a second connection, and ten
 * concurrent API requests (the pool's size) each held one and waited for another until the pool timed out (30 s). In
 * a transaction both queries share the one connection.
 */
final class ActiveTokenValidator implements OAuth2TokenValidator<Jwt> {

    private final OAuth2AuthorizationService authorizations;
    private final TransactionTemplate readOnly;

    ActiveTokenValidator(OAuth2AuthorizationService authorizations, PlatformTransactionManager transactions) {
        this.authorizations = authorizations;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        OAuth2Authorization authorization = readOnly.execute(
                status -> authorizations.findByToken(token.getTokenValue(), OAuth2TokenType.ACCESS_TOKEN));
        boolean active = authorization != null
                && authorization.getAccessToken() != null
                && authorization.getAccessToken().isActive();
        return active
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token was revoked.", null));
    }
}
