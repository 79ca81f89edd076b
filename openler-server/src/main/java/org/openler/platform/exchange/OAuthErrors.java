package org.openler.platform.exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders {@link OAuthError} for the OpenID4VCI endpoints; everything else there stays problem+json. */
@RestControllerAdvice(assignableTypes = Oid4vciEndpoints.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OAuthErrors {

    @ExceptionHandler(OAuthError.class)
    ResponseEntity<Map<String, String>> render(OAuthError error) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.error());
        body.put("error_description", error.getMessage());
        var response = ResponseEntity.status(error.status())
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore());
        if (error.status().value() == 401) {
            // RFC 6750 §3: a refused bearer token says so in the challenge too.
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error.error() + "\"");
        }
        return response.body(body);
    }
}
