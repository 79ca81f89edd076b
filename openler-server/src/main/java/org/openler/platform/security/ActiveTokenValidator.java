package org.openler.platform.security;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.openler.standards.StandardsException;
import org.openler.standards.json.StrictJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A signature alone does not make a machine token good: it must still be on record, so rotating a client's secret or
 * deleting the client (which delete its authorizations) or revoking the token at {@code /oauth2/revoke} (which marks
 * it invalidated) takes effect at once on every instance — the record is in the shared database.
 *
 * <p>One indexed query for the token's metadata, not {@code OAuth2AuthorizationService.findByToken}: that rebuilds
 * the whole authorization (its registered client by a second query, its attributes by polymorphic JSON mapping) and
 * was a sixth of the time of every API call. Expiry and signature are checked by the JWT validators beside this one.
 */
final class ActiveTokenValidator implements OAuth2TokenValidator<Jwt> {

    /** Spring Authorization Server's metadata key for a token revoked at {@code /oauth2/revoke}. */
    static final String INVALIDATED = "metadata.token.invalidated";

    private final JdbcClient jdbc;

    ActiveTokenValidator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Optional<String> metadata = jdbc.sql(
                        "select access_token_metadata from oauth2_authorization where access_token_value = ?")
                .param(token.getTokenValue())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)).orElse("{}"))
                .optional();
        return metadata.isPresent() && !invalidated(metadata.get())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token was revoked.", null));
    }

    /** Unreadable metadata counts as invalidated: fail closed. */
    static boolean invalidated(String metadata) {
        try {
            JsonObject object = StrictJson.parseObject(metadata);
            return object.get(INVALIDATED) != JsonValue.FALSE && object.containsKey(INVALIDATED);
        } catch (StandardsException e) {
            return true;
        }
    }
}
