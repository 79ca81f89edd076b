package org.openler.platform.exchange;

import org.springframework.http.HttpStatus;

/**
 * An error the OAuth 2.0 and OpenID4VCI endpoints answer in their own shape, {@code {"error": …,
 * "error_description": …}}, as RFC 6749 §5.2 and OpenID4VCI 1.0 §8.3.1 require, rather than as problem+json.
 */
final class OAuthError extends RuntimeException {

    private final HttpStatus status;
    private final String error;

    OAuthError(HttpStatus status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    static OAuthError badRequest(String error, String description) {
        return new OAuthError(HttpStatus.BAD_REQUEST, error, description);
    }

    static OAuthError invalidToken(String description) {
        return new OAuthError(HttpStatus.UNAUTHORIZED, "invalid_token", description);
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }
}
