package org.openler.platform.problems;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The platform's closed set of problem types. Each has a stable {@code type} URI (documented at
 * {@code /problems/<slug>}) and an HTTP status. Never rename a slug: clients match on it.
 */
public enum Problem {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "The request could not be read"),
    INVALID_INPUT("invalid-input", HttpStatus.BAD_REQUEST, "Some fields are not valid"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Sign-in required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict with the current state"),
    GONE("gone", HttpStatus.GONE, "No longer available"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "The request is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    UNPROCESSABLE("unprocessable", HttpStatus.UNPROCESSABLE_CONTENT, "The request cannot be processed"),
    // A backing service (the database) cannot be reached for a moment: retry after Retry-After. Never a client mistake.
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
    INTERNAL("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side");

    /** Base of every type URI; the server documents each one under this path. */
    public static final String TYPE_BASE = "https://openler.org/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    Problem(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }
}
