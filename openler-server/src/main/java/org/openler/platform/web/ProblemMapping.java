package org.openler.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.openler.platform.problems.PlatformException;
import org.openler.platform.problems.Problem;
import org.openler.standards.StandardsException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps any exception to the platform's problem vocabulary. Everything not recognised is a 500 on our side. */
final class ProblemMapping {

    private ProblemMapping() {}

    record Mapped(Problem problem, String detail, List<PlatformException.FieldError> fieldErrors) {}

    static Mapped map(Throwable error) {
        return switch (error) {
            case PlatformException e -> new Mapped(e.problem(), e.detail(), e.fieldErrors());
            case HttpMessageNotReadableException e ->
                e.getMostSpecificCause() instanceof LimitedBodyRequest.BodyTooLargeException tooLarge
                        ? new Mapped(Problem.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of())
                        : new Mapped(Problem.MALFORMED_REQUEST, readable(e), List.of());
            // Tomcat refuses form bodies it cannot decode (bad percent-encoding, not UTF-8) or that pass
            // max-http-form-post-size without a declared length; its error code is the HTTP status to answer (400 or
            // 413). Unmapped, these were 500s on every form (found by BadInputIT).
            case InvalidParameterException e ->
                e.getErrorCode() == Problem.PAYLOAD_TOO_LARGE.status().value()
                        ? new Mapped(Problem.PAYLOAD_TOO_LARGE, "The form is too large.", List.of())
                        : new Mapped(Problem.MALFORMED_REQUEST, "The form could not be read.", List.of());
            case MethodArgumentTypeMismatchException e ->
                new Mapped(
                        Problem.INVALID_INPUT,
                        "'" + e.getName() + "' has the wrong type.",
                        List.of(new PlatformException.FieldError(e.getName(), expected(e.getRequiredType()))));
            case BindException e ->
                new Mapped(
                        Problem.INVALID_INPUT,
                        "Some fields are not valid.",
                        e.getFieldErrors().stream()
                                .map(f -> new PlatformException.FieldError(
                                        f.getField(), String.valueOf(f.getDefaultMessage())))
                                .toList());
            case HandlerMethodValidationException e ->
                new Mapped(Problem.INVALID_INPUT, "Some parameters are not valid.", List.of());
            case MissingRequestValueException e -> new Mapped(Problem.INVALID_INPUT, e.getMessage(), List.of());
            case ServletRequestBindingException e -> new Mapped(Problem.INVALID_INPUT, e.getMessage(), List.of());
            case HttpRequestMethodNotSupportedException e ->
                new Mapped(
                        Problem.METHOD_NOT_ALLOWED, "This address does not accept " + e.getMethod() + ".", List.of());
            case HttpMediaTypeNotSupportedException e ->
                new Mapped(
                        Problem.UNSUPPORTED_MEDIA_TYPE, "Send one of: " + e.getSupportedMediaTypes() + ".", List.of());
            case HttpMediaTypeNotAcceptableException e ->
                new Mapped(
                        Problem.NOT_ACCEPTABLE, "This resource cannot be served in the format asked for.", List.of());
            case MaxUploadSizeExceededException e ->
                new Mapped(Problem.PAYLOAD_TOO_LARGE, "The upload is too large.", List.of());
            case MultipartException e ->
                new Mapped(Problem.MALFORMED_REQUEST, "The upload could not be read.", List.of());
            case NoResourceFoundException e ->
                new Mapped(Problem.NOT_FOUND, "There is nothing at this address.", List.of());
            case NoHandlerFoundException e ->
                new Mapped(Problem.NOT_FOUND, "There is nothing at this address.", List.of());
            case LimitedBodyRequest.BodyTooLargeException e ->
                new Mapped(Problem.PAYLOAD_TOO_LARGE, e.getMessage(), List.of());
            case StandardsException e ->
                problem(e.code()) == Problem.INTERNAL
                        ? new Mapped(Problem.INTERNAL, "Something went wrong on our side. Please try again.", List.of())
                        : new Mapped(problem(e.code()), e.getMessage(), List.of());
            // The database is down, restarting or out of connections: a 503 the client may retry, not our bug.
            case Throwable e
            when TransientFailures.isTransient(e) ->
                new Mapped(
                        Problem.SERVICE_UNAVAILABLE,
                        "The service is briefly unavailable. Please try again in a few seconds.",
                        List.of());
            default ->
                error.getCause() instanceof LimitedBodyRequest.BodyTooLargeException tooLarge
                        ? new Mapped(Problem.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of())
                        : new Mapped(
                                Problem.INTERNAL, "Something went wrong on our side. Please try again.", List.of());
        };
    }

    /**
     * The one mapping of the standards library's errors, exhaustive: a new {@link StandardsException.Code} does not
     * compile until it is given a problem here. The library's message is the precise reason and becomes the detail.
     * Handlers let these errors through rather than catching them; a handler catches one only where the reason belongs
     * to a named field or the protocol has its own error format (OAuth, OID4VCI).
     */
    static Problem problem(StandardsException.Code code) {
        return switch (code) {
            // a body (or a document in it) that cannot be read
            case MALFORMED_JSON, DUPLICATE_KEY, TOO_DEEP -> Problem.MALFORMED_REQUEST;
            case TOO_LARGE -> Problem.PAYLOAD_TOO_LARGE;
            // a document to sign that JSON-LD would not carry whole (DATA_LOSS_DETECTION_ERROR, with its path), an
            // unbundled context, or a presented DID, proof or credential that is not acceptable: the client's mistake
            case CONTEXT_NOT_ALLOWED,
                    JSON_LD,
                    DATA_LOSS,
                    INVALID_DID,
                    DID_NOT_RESOLVED,
                    INVALID_PROOF,
                    ALGORITHM_NOT_ALLOWED,
                    INVALID_CREDENTIAL -> Problem.INVALID_INPUT;
            // keys, pinned contexts, status lists and builder arguments are the platform's own: a failure that reaches
            // a handler is ours
            case INVALID_KEY, CONTEXT_INTEGRITY, INVALID_STATUS, INVALID_ARGUMENT -> Problem.INTERNAL;
        };
    }

    /** What a path or query value must be, said so that the caller can correct it. */
    static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "Not a value of the type this address takes.";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "Must be a whole number.";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "Must be true or false.";
        }
        if (type == UUID.class) {
            return "Must be a UUID such as 123e4567-e89b-12d3-a456-426614174000.";
        }
        if (type.isEnum()) {
            return "Must be one of " + Arrays.toString(type.getEnumConstants()) + ".";
        }
        return "Must be a " + type.getSimpleName() + ".";
    }

    /** Says what is wrong with the body without echoing it back (it may hold personal data). */
    private static String readable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof LimitedBodyRequest.BodyTooLargeException) {
            return cause.getMessage();
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("Duplicate field")) {
            return "The JSON body has a duplicate key.";
        }
        if (message.contains("nesting depth")) {
            return "The JSON body is nested too deeply.";
        }
        if (message.contains("Unrecognized property") || message.contains("Unrecognized field")) {
            return "The JSON body has a property this endpoint does not know.";
        }
        if (message.contains("Cannot deserialize") || message.contains("Cannot coerce")) {
            return "A value in the JSON body has the wrong type.";
        }
        return "The body is not valid JSON, or is missing.";
    }
}
